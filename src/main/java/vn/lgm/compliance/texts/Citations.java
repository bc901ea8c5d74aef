package vn.lgm.compliance.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.contract.model.Citation;

/**
 * The one way a citation is written for a reader, in each language: the finding's citation, the provision a report
 * names, and the provisions a question of the form or the interview rests on.
 * <ul>
 * <li>English, as the engine labels a citation: the instrument's name from {@code rules/instruments.yaml}, then
 * the article, clause and point: "Law 54/2024/QH15 as amended by Law 147/2025/QH15, Art. 85a(3)";</li>
 * <li>Vietnamese, as Vietnamese legal texts cite (point, clause, article, then the instrument, its name from
 * {@code rules/i18n/vi.yaml}): "khoản 3 Điều 85a Luật Địa chất và khoáng sản số 54/2024/QH15, sửa đổi bởi Luật số
 * 147/2025/QH15"; an appendix is "Phụ lục", a chapter "Chương".</li>
 * </ul>
 * A list of references as written in the texts ("LGM Art 6(1); Art 85a(1); D193 Appendix I", "LTT Arts 9–11", "LAE
 * Ch. III", "Law 147/2025 Art 3") is read by {@link #references} and written the same way, references to the same
 * instrument together.
 */
public final class Citations {

    /** One reference: an article, appendix or chapter of an instrument, with its clause(s) and point(s). */
    record Ref(String instrument, String kind, String number, List<String> parts) {
    }

    /** "LGM Art 6(1)", "Art 85d(2)–(3)", "Arts 9–11", "D193 Appendix I", "LAE Ch. III", "Law 147/2025 Art 4(3)(c)". */
    private static final Pattern REF = Pattern.compile(
            "^(?:(?<instrument>.+?)\\s+)?(?<kind>Arts?|Appendix|Ch\\.)\\s+(?<number>[\\p{L}\\p{N}]+(?:\\s*[–-]\\s*[\\p{L}\\p{N}]+)?)"
                    + "(?<parts>(?:\\([\\p{L}\\p{N}]+\\)(?:\\s*[–-]\\s*\\([\\p{L}\\p{N}]+\\))?)*)$");
    private static final Pattern PART = Pattern.compile("\\(([\\p{L}\\p{N}]+)\\)(?:\\s*[–-]\\s*\\(([\\p{L}\\p{N}]+)\\))?");

    private final Map<String, String> english;
    private final Map<String, String> vietnamese;

    /**
     * @param english    instrument code → its name in English (rules/instruments.yaml)
     * @param vietnamese instrument code → its name in Vietnamese (rules/i18n/vi.yaml, {@code _instruments})
     */
    public Citations(Map<String, String> english, Map<String, String> vietnamese) {
        this.english = english;
        this.vietnamese = vietnamese;
    }

    /** The citation of a rule in the language (en or vi). */
    public String write(Citation c, String lang) {
        if (c == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (c.clause() != null) {
            parts.add(c.clause());
        }
        if (c.point() != null) {
            parts.addAll(List.of(c.point().split("\\)\\(")));
        }
        boolean appendix = c.article().startsWith("Appendix ");
        Ref ref = new Ref(c.instrument(), appendix ? "Appendix" : "Art",
                appendix ? c.article().substring("Appendix ".length()) : c.article(), parts);
        return write(List.of(ref), vi(lang));
    }

    /**
     * A list of references ("LGM Art 6(1); Art 85a(1); D193 Appendix I") in the language; a reference without its
     * instrument is to the instrument before it. Null when the text is not such a list (see {@link #references}).
     */
    public String cite(String text, String lang) {
        List<Ref> refs = references(text);
        return refs == null ? null : write(refs, vi(lang));
    }

    /** The references of a text, or null when a part of it is not a reference to a known instrument. */
    List<Ref> references(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Ref> refs = new ArrayList<>();
        String instrument = null;
        for (String raw : text.split(";")) {
            Matcher m = REF.matcher(raw.strip());
            if (!m.matches()) {
                return null;
            }
            if (m.group("instrument") != null) {
                instrument = code(m.group("instrument"));
                if (instrument == null) {
                    return null;
                }
            }
            if (instrument == null) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            Matcher p = PART.matcher(m.group("parts"));
            while (p.find()) {
                parts.add(p.group(2) == null ? p.group(1) : p.group(1) + "–" + p.group(2));
            }
            String kind = m.group("kind").equals("Arts") ? "Art" : m.group("kind");
            refs.add(new Ref(instrument, kind, m.group("number").replaceAll("\\s*[–-]\\s*", "–"), parts));
        }
        return refs;
    }

    /** An instrument's code as written ("LGM"), or the code of the instrument whose name starts so ("Law 147/2025"). */
    private String code(String written) {
        if (english.containsKey(written)) {
            return written;
        }
        for (Map.Entry<String, String> e : english.entrySet()) {
            if (e.getValue().startsWith(written + "/") || e.getValue().startsWith(written + " ")) {
                return e.getKey();
            }
        }
        return null;
    }

    /** References grouped by instrument, in their order. */
    private String write(List<Ref> refs, boolean vi) {
        List<String> groups = new ArrayList<>();
        int i = 0;
        while (i < refs.size()) {
            String instrument = refs.get(i).instrument();
            List<String> each = new ArrayList<>();
            for (; i < refs.size() && refs.get(i).instrument().equals(instrument); i++) {
                each.add(vi ? vi(refs.get(i)) : en(refs.get(i)));
            }
            if (vi) {
                groups.add(String.join(", ", each) + " " + vietnamese.getOrDefault(instrument, english.getOrDefault(instrument, instrument)));
            } else {
                groups.add(english.getOrDefault(instrument, instrument) + ", " + String.join(", ", each));
            }
        }
        return String.join("; ", groups);
    }

    /** "Art. 85a(3)(c)", "Arts. 9–11", "Appendix I", "Ch. III". */
    private static String en(Ref r) {
        StringBuilder s = new StringBuilder(switch (r.kind()) {
            case "Appendix" -> "Appendix ";
            case "Ch." -> "Ch. ";
            default -> r.number().contains("–") ? "Arts. " : "Art. ";
        }).append(r.number());
        r.parts().forEach(p -> s.append('(').append(p.replace("–", ")–(")).append(')'));
        return s.toString();
    }

    /** "điểm c khoản 3 Điều 85a", "khoản 2–3 Điều 85d", "Điều 9 đến Điều 11", "Phụ lục I", "Chương III". */
    private static String vi(Ref r) {
        StringBuilder s = new StringBuilder();
        List<String> parts = r.parts();
        if (parts.size() > 1) {
            s.append("điểm ").append(String.join(", ", parts.subList(1, parts.size()))).append(' ');
        }
        if (!parts.isEmpty()) {
            s.append("khoản ").append(range(parts.get(0), "khoản")).append(' ');
        }
        String n = r.number();
        switch (r.kind()) {
            case "Appendix" -> s.append("Phụ lục ").append(n);
            case "Ch." -> s.append("Chương ").append(n);
            default -> s.append(n.contains("–") ? "Điều " + n.replace("–", " đến Điều ") : "Điều " + n);
        }
        return s.toString();
    }

    /** "2–3" as "2, 3"; "1–4" as "1 đến khoản 4". */
    private static String range(String part, String unit) {
        String[] ends = part.split("–");
        if (ends.length != 2) {
            return part;
        }
        boolean next = ends[0].matches("\\d+") && ends[1].matches("\\d+")
                && Integer.parseInt(ends[1]) == Integer.parseInt(ends[0]) + 1;
        return next ? ends[0] + ", " + ends[1] : ends[0] + " đến " + unit + " " + ends[1];
    }

    private static boolean vi(String lang) {
        return Labels.lang(lang).equals("vi");
    }
}
