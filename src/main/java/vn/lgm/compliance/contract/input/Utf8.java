package vn.lgm.compliance.contract.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text read as UTF-8 strictly (issue 20): a byte sequence that is not UTF-8 is refused with where it is, never
 * replaced by U+FFFD and read on as if it had been written so. A leading byte-order mark is dropped.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or the problem (path {@code $}) with the offset of the first byte that is not UTF-8. */
    public static String decode(byte[] bytes) throws InvalidText {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new InvalidText(new InputError("$", String.format("the body is not valid UTF-8: byte 0x%02X at offset %d"
                    + " (line %d) cannot start or continue a character; send the text encoded as UTF-8", bytes[at] & 0xff, at,
                    line(bytes, at))));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int line(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A text that is not UTF-8. */
    public static final class InvalidText extends CharacterCodingException {
        private final transient InputError error;

        InvalidText(InputError error) {
            this.error = error;
        }

        public InputError error() {
            return error;
        }

        @Override
        public String getMessage() {
            return error.message();
        }
    }
}
