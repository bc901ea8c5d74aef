package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.model.FactValue;

/**
 * A rule's explanation or remediation text with its placeholders found once, when the rules are loaded, rather
 * than on every finding: {@code {name}} is the value of the fact whose path ends in {@code name},
 * {@code {name.path}} its path, {@code {param:key}} a legal number in force, {@code {date}} the assessment date.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w:.]+)}");
    private static final String NOT_GIVEN = "(not given)";

    /** A piece of the text: a literal, or one placeholder. */
    private sealed interface Part permits Literal, Fact, Param, Today {
    }

    private record Literal(String text) implements Part {
    }

    private record Fact(String name, boolean wantPath) implements Part {
    }

    private record Param(String key) implements Part {
    }

    private record Today() implements Part {
    }

    private final Part[] parts;

    private Template(Part[] parts) {
        this.parts = parts;
    }

    /** Null for a rule without this text (definitions have no remediation). */
    static Template parse(String source) {
        if (source == null) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Literal(source.substring(last, m.start())));
            }
            String key = m.group(1);
            if (key.startsWith("param:")) {
                parts.add(new Param(key.substring("param:".length())));
            } else if (key.equals("date")) {
                parts.add(new Today());
            } else if (key.endsWith(".path")) {
                parts.add(new Fact(key.substring(0, key.length() - ".path".length()), true));
            } else {
                parts.add(new Fact(key, false));
            }
            last = m.end();
        }
        if (last < source.length()) {
            parts.add(new Literal(source.substring(last)));
        }
        return new Template(parts.toArray(Part[]::new));
    }

    /** The text with its placeholders filled (used to rebuild a finding's text from a lean audit line). */
    public String render(List<FactValue> facts, ParameterValues params, LocalDate date) {
        StringBuilder out = new StringBuilder(512);
        render(out, facts, params, date);
        return out.toString();
    }

    /** Appends the text with its placeholders filled from the finding's facts. */
    void render(StringBuilder out, List<FactValue> facts, ParameterValues params, LocalDate date) {
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Fact f) {
                FactValue fact = named(facts, f.name());
                out.append(fact == null ? NOT_GIVEN : f.wantPath() ? fact.path() : String.valueOf(fact.value()));
            } else if (part instanceof Param p) {
                out.append(params.text(p.key()));
            } else {
                out.append(date);
            }
        }
    }

    /** The first fact whose path's last field is the name: {@code exports[0].product} answers to "product". */
    private static FactValue named(List<FactValue> facts, String name) {
        for (FactValue f : facts) {
            if (lastFieldIs(f.path(), name)) {
                return f;
            }
        }
        return null;
    }

    private static boolean lastFieldIs(String path, String name) {
        int start = path.lastIndexOf('.') + 1;
        int bracket = path.indexOf('[', start);
        int end = bracket < 0 ? path.length() : bracket;
        return end - start == name.length() && path.startsWith(name, start);
    }
}
