package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.lgm.compliance.contract.model.Area;
import vn.lgm.compliance.contract.model.Citation;
import vn.lgm.compliance.contract.model.InForce;
import vn.lgm.compliance.contract.model.Outcome;

/**
 * A rule's metadata, read once from its DRL annotations when the rules are compiled.
 * Every rule has a title in English and Vietnamese ({@code @titleVi}). Finding rules carry an area and an outcome; definition rules ({@code @kind("DEFINITION")}) derive the
 * law's classifications and produce no finding.
 *
 * @param confidence the catalogue's confidence tag (V, V-ex, S, M); S and M are disclosed in every finding
 * @param dueAt      for OBLIGATION rules: the stage (or the start of construction) from which a step not taken is a
 *                   VIOLATION
 * @param judgedOn   by the law of which date the rule is judged: the assessment date (duties) or the licence's
 *                   issue date (grant conditions); see {@link JudgedOn}
 * @param provisions the catalogue provisions the rule encodes ({@code @provision}, checked against
 *                   rules/provisions.yaml)
 * @param act        the act the rule judges ({@code @act}): rules that name the same act judge the same legal question
 *                   about the same list entry (or the project), and their findings become one finding naming every
 *                   provision ({@link FindingCollector}); null for a rule whose findings stand alone
 * @param actOrder   where the rule's provision stands in that finding ({@code @actOrder}): 1 the most specific
 * @param explanationTemplate the explanation with its placeholders found once (likewise the remediation)
 */
public record RuleInfo(String name, String file, String id, String title, String titleVi, String kind, Area area, Outcome outcome,
                       Citation citation, InForce inForce, String explanation, String remediation, String confidence,
                       DuePoint dueAt, JudgedOn judgedOn, List<String> provisions, String act, Integer actOrder,
                       @JsonIgnore Template explanationTemplate, @JsonIgnore Template remediationTemplate) {

    public static final String DEFINITION = "DEFINITION";
    public static final String FINDING = "FINDING";

    /** "LGM Art 85a(3)", "D193 Art 110a(2)(c)", "D193 Appendix I(I)(1)", "CIR23 Art 4". */
    private static final Pattern CITATION = Pattern.compile(
            "^(\\S+) (Art|Appendix) ([\\p{L}\\p{N}]+)((?:\\([\\p{L}\\p{N}]+\\))*)$");
    /** A legal quantity written in a title: a number with its unit (the numbers live in rules/parameters.yaml). */
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d+([.,]\\d+)?\\s*(%|months?\\b|years?\\b|km|days?\\b|tháng|năm|ngày)");
    private static final Pattern PART = Pattern.compile("\\(([\\p{L}\\p{N}]+)\\)");

    public boolean isDefinition() {
        return DEFINITION.equals(kind);
    }

    public boolean inForceOn(LocalDate date) {
        return inForce.on(date);
    }

    /** Reads and checks the metadata of one rule; every problem is collected, none is guessed around. */
    static RuleInfo read(String name, String file, Map<String, Object> meta, Instruments instruments, List<String> problems) {
        List<String> missing = new ArrayList<>();
        String kind = text(meta, "kind", FINDING).toUpperCase(Locale.ROOT);
        if (!kind.equals(FINDING) && !kind.equals(DEFINITION)) {
            problems.add("@kind must be FINDING or DEFINITION, not '" + kind + "'");
        }
        boolean definition = kind.equals(DEFINITION);
        String id = required(meta, "id", missing);
        String title = required(meta, "title", missing);
        String titleVi = required(meta, "titleVi", missing);
        String cite = required(meta, "citation", missing);
        String from = required(meta, "inForceFrom", missing);
        String explanation = definition ? text(meta, "explanation", null) : required(meta, "explanation", missing);
        String remediation = definition ? null : required(meta, "remediation", missing);
        Area area = null;
        Outcome outcome = null;
        if (!definition) {
            area = enumValue(Area.class, required(meta, "area", missing), "area", problems);
            outcome = enumValue(Outcome.class, required(meta, "outcome", missing), "outcome", problems);
        }
        String provision = definition ? text(meta, "provision", null) : required(meta, "provision", missing);
        if (!missing.isEmpty()) {
            problems.add("missing required metadata " + String.join(", ", missing.stream().map(m -> "@" + m).toList()));
        }
        Citation citation = cite == null ? null : citation(cite, instruments, problems);
        InForce inForce = null;
        if (from != null) {
            inForce = new InForce(date(from, "inForceFrom", problems), date(text(meta, "inForceTo", null), "inForceTo", problems));
        }
        DuePoint dueAt = enumValue(DuePoint.class, text(meta, "dueAt", outcome == Outcome.OBLIGATION ? "LICENSED" : null), "dueAt", problems);
        String confidence = text(meta, "confidence", "V");
        if (!List.of("V", "V-ex", "S", "M").contains(confidence)) {
            problems.add("@confidence must be one of V, V-ex, S, M, not '" + confidence + "'");
        }
        JudgedOn judgedOn = enumValue(JudgedOn.class, text(meta, "judgedOn", "ASSESSMENT"), "judgedOn", problems);
        List<String> provisions = provision == null ? List.of()
                : java.util.Arrays.stream(provision.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
        for (String t : new String[] {title, titleVi}) {
            if (t != null && QUANTITY.matcher(t).find()) {
                problems.add("@title and @titleVi state no legal quantity (it lives in rules/parameters.yaml): '" + t + "'");
            }
        }
        String act = text(meta, "act", null);
        Integer actOrder = null;
        String order = text(meta, "actOrder", null);
        if (order != null) {
            try {
                actOrder = Integer.valueOf(order);
            } catch (NumberFormatException e) {
                problems.add("@actOrder '" + order + "' is not a whole number (1 for the most specific provision of the act)");
            }
        }
        if (act != null && (definition || outcome == Outcome.ADVISORY)) {
            problems.add("@act is for findings rules that can find a breach; a definition or an ADVISORY judges no act");
        } else if (act != null && (actOrder == null || actOrder < 1)) {
            problems.add("@act(\"" + act + "\") needs @actOrder: where the rule's provision stands in the act's finding, 1 the most specific");
        } else if (act == null && order != null) {
            problems.add("@actOrder without @act");
        }
        Template explanationTemplate = Template.parse(explanation);
        Template remediationTemplate = Template.parse(remediation);
        for (Template t : new Template[] {explanationTemplate, remediationTemplate}) {
            if (t != null) {
                t.fieldPaths().stream().map(RuleSourceCheck::path).filter(java.util.Objects::nonNull).forEach(problems::add);
            }
        }
        return new RuleInfo(name, file, id, title, titleVi, kind, area, outcome, citation, inForce, explanation, remediation,
                confidence, dueAt, judgedOn, provisions, act, actOrder, explanationTemplate, remediationTemplate);
    }

    static Citation citation(String text, Instruments instruments, List<String> problems) {
        Matcher m = CITATION.matcher(text.trim());
        if (!m.matches()) {
            problems.add("@citation '" + text + "' should read like \"LGM Art 85a(3)\" or \"D193 Art 110a(2)(c)\"");
            return null;
        }
        String instrument = m.group(1);
        if (!instruments.knows(instrument)) {
            problems.add("@citation names unknown instrument '" + instrument + "'; known: " + instruments.all().keySet());
            return null;
        }
        String article = m.group(2).equals("Appendix") ? "Appendix " + m.group(3) : m.group(3);
        List<String> parts = new ArrayList<>();
        Matcher p = PART.matcher(m.group(4));
        while (p.find()) {
            parts.add(p.group(1));
        }
        String clause = parts.size() > 0 ? parts.get(0) : null;
        String point = parts.size() > 1 ? String.join(")(", parts.subList(1, parts.size())) : null;
        String label = instruments.label(instrument) + ", " + (m.group(2).equals("Art") ? "Art. " : "") + m.group(3) + m.group(2 + 2);
        if (m.group(2).equals("Appendix")) {
            label = instruments.label(instrument) + ", Appendix " + m.group(3) + m.group(4);
        }
        return new Citation(instrument, article, clause, point, label);
    }

    private static String text(Map<String, Object> meta, String key, String fallback) {
        Object v = meta.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? fallback : s;
    }

    private static String required(Map<String, Object> meta, String key, List<String> missing) {
        String v = text(meta, key, null);
        if (v == null) {
            missing.add(key);
        }
        return v;
    }

    private static LocalDate date(String value, String key, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add("@" + key + " '" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add("@" + key + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
