package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.contract.model.FactValue;

/**
 * A rule's explanation or remediation text with its placeholders found once, when the rules are loaded, rather
 * than on every finding: {@code {name}} is the value of the fact whose path ends in {@code name},
 * {@code {name.path}} its path ({@code {name.path} = {name}} states the fact, or that the description does not),
 * {@code {field:a.b}} the field at that path whether or not the finding shows it (a
 * reader sees its label), {@code {param:key}} a legal number in force, {@code {date}} the assessment date.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w:.]+)}");
    private static final String NOT_GIVEN = "(not given)";

    /** A piece of the text: a literal, or one placeholder. */
    private sealed interface Part permits Literal, Fact, Statement, Field, Param, Today {
    }

    private record Literal(String text) implements Part {
    }

    private record Fact(String name, boolean wantPath) implements Part {
    }

    /** {@code {name.path} = {name}} (or {@code : }): what the description says of a fact, or that it does not say. */
    private record Statement(String name, String separator) implements Part {
    }

    private record Field(String path) implements Part {
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
    public static Template parse(String source) {
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
            } else if (key.startsWith("field:")) {
                parts.add(new Field(key.substring("field:".length())));
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
        return new Template(statements(parts).toArray(Part[]::new));
    }

    /** {@code {name.path} = {name}} (or {@code {name.path}: {name}}) read as one statement of the fact, which may say that it is not stated. */
    private static List<Part> statements(List<Part> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            if (i + 2 < parts.size() && parts.get(i) instanceof Fact path && path.wantPath()
                    && parts.get(i + 1) instanceof Literal eq && (eq.text().equals(" = ") || eq.text().equals(": "))
                    && parts.get(i + 2) instanceof Fact value && !value.wantPath() && value.name().equals(path.name())) {
                out.add(new Statement(path.name(), eq.text()));
                i += 2;
            } else {
                out.add(parts.get(i));
            }
        }
        return out;
    }

    /** The paths its {@code {field:…}} placeholders name. */
    List<String> fieldPaths() {
        List<String> out = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Field f) {
                out.add(f.path());
            }
        }
        return out;
    }

    /**
     * How placeholders become text: the engine writes facts and paths as they are; a reader's language writes
     * labels and value names ({@code FindingLocalizer}). One parser and one renderer serve both.
     */
    public interface Formatter {
        /** The fact's value, or with {@code wantPath} the fact's path (or its label). */
        void fact(StringBuilder out, FactValue fact, boolean wantPath);

        /**
         * That the description does not state the fact of this name ("onMoitExportList = not stated"), where the text
         * states it with this separator (" = " or ": ").
         */
        void unstated(StringBuilder out, String name, String separator);

        /** The field at a path, whether or not the finding shows it. */
        void field(StringBuilder out, String path);

        /** A legal number in force. */
        void param(StringBuilder out, String key);

        /** The assessment date. */
        void date(StringBuilder out);
    }

    /** The engine's own text: values and paths as they are. */
    static Formatter raw(ParameterValues params, LocalDate date) {
        return new Formatter() {
            @Override
            public void fact(StringBuilder out, FactValue fact, boolean wantPath) {
                out.append(wantPath ? fact.path() : String.valueOf(fact.value()));
            }

            @Override
            public void unstated(StringBuilder out, String name, String separator) {
                out.append(name).append(" = not stated");
            }

            @Override
            public void field(StringBuilder out, String path) {
                out.append(path);
            }

            @Override
            public void param(StringBuilder out, String key) {
                out.append(params.text(key));
            }

            @Override
            public void date(StringBuilder out) {
                out.append(date);
            }
        };
    }

    /** The text with its placeholders filled (used to rebuild a finding's text from a lean audit line). */
    public String render(List<FactValue> facts, ParameterValues params, LocalDate date) {
        StringBuilder out = new StringBuilder(512);
        render(out, facts, raw(params, date));
        return out.toString();
    }

    /** Appends the text with its placeholders filled from the finding's facts. */
    void render(StringBuilder out, List<FactValue> facts, ParameterValues params, LocalDate date) {
        render(out, facts, raw(params, date));
    }

    /** Appends the text with its placeholders filled from the finding's facts, written by the formatter. */
    public void render(StringBuilder out, List<FactValue> facts, Formatter format) {
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Fact f) {
                FactValue fact = named(facts, f.name());
                if (fact == null) {
                    out.append(NOT_GIVEN);
                } else {
                    format.fact(out, fact, f.wantPath());
                }
            } else if (part instanceof Statement st) {
                FactValue fact = named(facts, st.name());
                if (fact == null) {
                    format.unstated(out, st.name(), st.separator());
                } else {
                    format.fact(out, fact, true);
                    out.append(st.separator());
                    format.fact(out, fact, false);
                }
            } else if (part instanceof Field f) {
                format.field(out, f.path());
            } else if (part instanceof Param p) {
                format.param(out, p.key());
            } else {
                format.date(out);
            }
        }
    }

    /** True when every fact the text names is among the finding's facts (nothing would render as "(not given)"). */
    public boolean complete(List<FactValue> facts) {
        for (Part part : parts) {
            if (part instanceof Fact f && named(facts, f.name()) == null) {
                return false;
            }
        }
        return true;
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
