package vn.lgm.compliance.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import vn.lgm.compliance.contract.input.Utf8;

/**
 * The description a shareable link carries ({@code /report?d=}, {@code /?d=}): {@code z.} and the JSON description
 * deflated (raw DEFLATE, as the browser's {@code CompressionStream("deflate-raw")} writes it) in base64url, so a large
 * description still fits a URL (issue 20: links over 4 KB answered 414); or, in links written before, the JSON itself
 * in base64url. The inflated text is bounded like a posted body, so a small link cannot expand into a huge one.
 */
final class SharedLink {

    static final String DEFLATED = "z.";

    /** A link whose description cannot be read: what is wrong with it. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private SharedLink() {
    }

    /** The JSON text of the description in {@code d}. */
    static String decode(String d, long maxBytes) throws Unreadable {
        if (d == null || d.isBlank()) {
            throw new Unreadable("required: the description, as the page writes it into a shareable link");
        }
        String text = d.strip();
        boolean deflated = text.startsWith(DEFLATED);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(deflated ? text.substring(DEFLATED.length()) : text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not a description the page wrote: expected base64url (A–Z, a–z, 0–9, - and _), "
                    + e.getMessage());
        }
        if (deflated) {
            bytes = inflate(bytes, maxBytes);
        }
        if (bytes.length > maxBytes) {
            throw new Unreadable("the description holds " + bytes.length + " bytes, over the limit of " + maxBytes
                    + " bytes (http.max-body-size)");
        }
        try {
            return Utf8.decode(bytes);
        } catch (Utf8.InvalidText e) {
            throw new Unreadable(e.getMessage().replace("the body", "the description"));
        }
    }

    private static byte[] inflate(byte[] deflated, long maxBytes) throws Unreadable {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Unreadable("not a description the page wrote: the deflated data ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new Unreadable("the description inflates past " + maxBytes + " bytes, the limit of a description"
                            + " (http.max-body-size)");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Unreadable("not a description the page wrote: the deflated data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** A link's {@code d} for a description (what the page's script writes; for tests and the command line). */
    static String encode(String json) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return DEFLATED + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
