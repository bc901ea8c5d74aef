package vn.lgm.compliance.texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Citation;
import vn.lgm.compliance.contract.model.Derived;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.engine.FactDomain;
import vn.lgm.compliance.engine.FindingCollector;
import vn.lgm.compliance.engine.FindingTexts;
import vn.lgm.compliance.engine.ParameterValues;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.engine.RuleLoadException;
import vn.lgm.compliance.engine.Template;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.RuleRef;

/**
 * Findings in the reader's language, as a step after the assessment (the engine writes English with paths and raw
 * values): titles from each rule's {@code @titleVi}, explanations and remediations from {@code rules/i18n/vi.yaml}
 * (keyed by rule id, with the placeholders of the English templates), citations written by {@link Citations}, the
 * open questions of INSUFFICIENT_INFORMATION findings written out, and the derived classification's reasons (from
 * the same file's {@code _derived}). In both languages a placeholder that names a fact's path is given the fact's
 * label, an enum value its name, a country its name, a date the reader's form (dd/MM/yyyy in Vietnamese), so no JSON
 * path or code reaches the reader; inside a sentence a label or a value's name starts in lower case (unless it is a
 * proper name) and a question's label loses its question mark. Every path a person reads — the API, the interview,
 * the page, the full audit line, the department report — writes its findings here.
 *
 * <p>{@link #load} checks the file against the rules: every findings rule has both texts, every placeholder is one
 * the English template of the same text uses, every {@code {param:…}} names a parameter, every instrument and every
 * reason a definition rule gives has its Vietnamese text.
 *
 * <p>Cost: what repeats from finding to finding is computed once and kept — the legal numbers in force on a date,
 * each path's label — so an audit pays for the words of its findings only.
 */
public final class FindingLocalizer {

    public static final String FILE = "i18n/vi.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w:.]+)}");
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]");
    /** The reasons a definition rule gives, as the rule writes them (the last text of its insertLogical). */
    private static final Pattern REASON = Pattern.compile(
            "insertLogical\\(\\s*new\\s+(?:MineralGroup|StrategicMineral|LicensingAuthority|ForeignInvestor|LicenceRegime)\\((.*?)\\)\\s*\\);",
            Pattern.DOTALL);
    private static final Pattern LAST_TEXT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");
    /** More entries than this in a cache (dates, paths) are computed each time rather than kept. */
    private static final int CACHE_LIMIT = 20_000;

    /** A rule's texts in one language, parsed once. */
    record RuleText(Template explanation, Template remediation) {
    }

    /**
     * The texts of the last few rule sets loaded (a reload brings a new one), so each set's texts are read once
     * whoever asks; bounded, since the texts hold their rules.
     */
    private static final Map<RuleBase, FindingLocalizer> LOADED = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<RuleBase, FindingLocalizer> eldest) {
                    return size() > 4;
                }
            });

    private final RuleBase rules;
    private final Labels texts;
    private final FormModel form;
    private final Map<String, RuleText> vi;
    private final Map<String, String> derivedVi;
    private final Citations citations;
    private final Map<String, RuleInfo> byId = new HashMap<>();
    private final Map<String, RuleText> en = new HashMap<>();
    private final Map<LocalDate, ParameterValues> paramsOn = new ConcurrentHashMap<>();
    private final Map<String, String> labels = new ConcurrentHashMap<>();

    private FindingLocalizer(RuleBase rules, Labels texts, FormModel form, Map<String, RuleText> vi,
                             Map<String, String> instrumentsVi, Map<String, String> derivedVi) {
        this.rules = rules;
        this.texts = texts;
        this.vi = vi;
        this.derivedVi = derivedVi;
        this.citations = new Citations(rules.instruments().all(), instrumentsVi);
        this.form = form.withCites(this::cite);
        rules.catalogue().forEach(r -> {
            byId.put(r.id(), r);
            en.put(r.id(), new RuleText(r.explanationTemplate(), r.remediationTemplate()));
        });
    }

    /** The reader's texts of these rules, loaded once per rules loaded (by whoever asks first). */
    public static FindingLocalizer of(RuleBase rules) {
        FindingLocalizer l = LOADED.get(rules);
        return l != null ? l : load(rules);
    }

    /** Reads and checks {@code <rules>/i18n/vi.yaml} with this build's labels and form; any problem is one line naming the rule. */
    public static FindingLocalizer load(RuleBase rules) {
        FindingLocalizer l = load(rules, Labels.shared(), FormModel.shared());
        LOADED.put(rules, l);
        return l;
    }

    public static FindingLocalizer load(RuleBase rules, Labels texts, FormModel form) {
        Path file = rules.dir().resolve(FILE);
        JsonNode root;
        try {
            root = Json.yaml().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new RuleLoadException(file + ": cannot be read: " + Json.oneLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new RuleLoadException(file + ": expected a map of rule ids");
        }
        Map<String, String[]> raw = new HashMap<>();
        Map<String, RuleText> vi = new HashMap<>();
        Map<String, String> instruments = new HashMap<>();
        Map<String, String> derived = new HashMap<>();
        List<String> problems = new ArrayList<>();
        root.fields().forEachRemaining(e -> {
            if (e.getKey().equals("_instruments")) {
                e.getValue().fields().forEachRemaining(i -> instruments.put(i.getKey(), i.getValue().asText()));
            } else if (e.getKey().equals("_derived")) {
                e.getValue().fields().forEachRemaining(i -> derived.put(i.getKey(), i.getValue().asText()));
            } else if (!e.getKey().startsWith("_")) {
                raw.put(e.getKey(), new String[] {e.getValue().path("explanation").asText(null), e.getValue().path("remediation").asText(null)});
            }
        });
        Set<String> ids = new LinkedHashSet<>();
        for (RuleInfo r : rules.catalogue()) {
            if (r.isDefinition()) {
                continue;
            }
            ids.add(r.id());
            String[] t = raw.get(r.id());
            if (t == null || blank(t[0]) || blank(t[1])) {
                problems.add(r.id() + ": needs both explanation and remediation in Vietnamese");
                continue;
            }
            check(r.id(), "explanation", t[0], r.explanation(), rules, problems);
            check(r.id(), "remediation", t[1], r.remediation(), rules, problems);
            vi.put(r.id(), new RuleText(Template.parse(t[0]), Template.parse(t[1])));
        }
        raw.keySet().stream().filter(k -> !ids.contains(k)).forEach(k -> problems.add(k + ": no findings rule has this id"));
        rules.instruments().all().keySet().stream().filter(k -> !instruments.containsKey(k))
                .forEach(k -> problems.add("_instruments: no Vietnamese name for " + k));
        for (String reason : reasons(rules.dir().resolve("definitions"))) {
            if (!derived.containsKey(reason)) {
                problems.add("_derived: no Vietnamese text for the reason \"" + reason + "\" (rules/definitions)");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleLoadException(file + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : ""));
        }
        return new FindingLocalizer(rules, texts, form, vi, instruments, derived);
    }

    /** The reasons the definition rules give for the derived classification, as {@code _derived} keys them. */
    static Set<String> reasons(Path definitions) {
        Set<String> out = new LinkedHashSet<>();
        if (!Files.isDirectory(definitions)) {
            return out;
        }
        try (Stream<Path> files = Files.list(definitions)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                Matcher m = REASON.matcher(Files.readString(f));
                while (m.find()) {
                    Matcher last = LAST_TEXT.matcher(m.group(1).strip());
                    if (last.find()) {
                        out.add(last.group(1).replace("\\\"", "\""));
                    }
                }
            }
        } catch (IOException e) {
            throw new RuleLoadException(definitions + ": cannot be read: " + Json.oneLine(e));
        }
        return out;
    }

    private static void check(String id, String which, String vi, String en, RuleBase rules, List<String> problems) {
        Set<String> allowed = placeholders(en);
        for (String p : placeholders(vi)) {
            if (!allowed.contains(p)) {
                problems.add(id + ": " + which + " uses {" + p + "}, which the English template does not (it has "
                        + allowed.stream().map(x -> "{" + x + "}").collect(Collectors.joining(", ")) + ")");
            } else if (p.startsWith("param:") && !rules.parameters().all().containsKey(p.substring(6))) {
                problems.add(id + ": unknown parameter {" + p + "}");
            }
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The form whose fields cite their provisions in the reader's language ({@link Citations}). */
    public FormModel form() {
        return form;
    }

    /** The assessment with its findings in the language (en or vi), labels instead of paths. */
    public Assessment localize(Assessment a, String requested) {
        return localize(a, null, requested);
    }

    /**
     * The same, with the project assessed: a grant condition's legal numbers are those in force on the licence's issue
     * date, as the engine judged it ({@code FindingCollector.judgedDate}); without the project, those of the date the
     * finding's facts show (its issue or auction date), else of the assessment date. The engine's own texts are not read (an assessment without texts localizes the same).
     */
    public Assessment localize(Assessment a, Project project, String requested) {
        String lang = Labels.lang(requested);
        LocalDate date = a.lawAsOf();
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
        List<Finding> out = new ArrayList<>(a.findings().size());
        for (Finding f : a.findings()) {
            List<RuleInfo> of = new ArrayList<>();
            for (String id : f.ruleIds()) {
                RuleInfo r = byId.get(id);
                if (r != null) {
                    of.add(r);
                }
            }
            if (of.size() != f.ruleIds().size() || !of.get(0).id().equals(f.ruleId())) {
                out.add(f);
                continue;
            }
            RuleInfo r = of.get(0);
            FindingTexts.Words words = words(lang, fields, project, rule -> {
                // without the project (a lean line), the date read back from the facts the finding shows
                LocalDate judged = project == null ? FindingCollector.judgedDate(rule, f.facts(), date)
                        : FindingCollector.judgedDate(rule, project, date);
                return formatter(params(judged), judged, date, lang, fields, project);
            });
            boolean undecided = f.outcome() == Outcome.INSUFFICIENT_INFORMATION && f.dependsOn() == null;
            String explanation = FindingTexts.explanation(of, undecided, f.dependsOn(), f.facts(), f.missingFacts(),
                    f.entries(), words);
            String remediation = FindingTexts.remediation(of, undecided, f.dependsOn(), f.facts(), f.missingFacts(), words);
            Citation c = f.citation() == null ? null : localized(f.citation(), lang);
            List<RuleRef> others = f.otherRules().stream().map(o -> new RuleRef(o.ruleId(),
                    words.title(byId.get(o.ruleId())), o.citation() == null ? null : localized(o.citation(), lang), o.inForce())).toList();
            out.add(new Finding(f.ruleId(), words.title(r), f.area(), f.outcome(), c, f.inForce(), f.facts(), explanation,
                    remediation, f.missingFacts(), others, f.entries(), f.dependsOn()));
        }
        return new Assessment(a.projectId(), a.verdict(), a.lawAsOf(), a.rulesVersion(), derived(a.derived(), lang), out);
    }

    private ParameterValues params(LocalDate date) {
        ParameterValues p = paramsOn.get(date);
        if (p == null) {
            p = rules.parameters().at(date);
            if (paramsOn.size() < CACHE_LIMIT) {
                paramsOn.put(date, p);
            }
        }
        return p;
    }

    /** The derived classification with its reasons in the language; the rest is the contract's values. */
    private Derived derived(Derived d, String lang) {
        if (d == null || d.explanations() == null || d.explanations().isEmpty()) {
            return d;
        }
        List<String> reasons = new ArrayList<>(d.explanations().size());
        d.explanations().forEach(e -> reasons.add(reason(e, lang)));
        return new Derived(d.mineralGroups(), d.strategic(), d.specialStrategic(), d.licensingAuthority(), reasons,
                d.principalGroup(), d.radioactiveMinerals(), d.foreignInvestor(), d.licenceRegime());
    }

    /**
     * One reason of the derived classification: "RARE_EARTH is Group I (LGM Art 6(1)(a); …)" names its mineral
     * ("Rare earths is Group I …"; in Vietnamese "Đất hiếm thuộc nhóm I …" from {@code _derived}).
     */
    public String reason(String engine, String lang) {
        boolean vn = Labels.lang(lang).equals("vi");
        String mineral = null;
        String rest = engine;
        int space = engine.indexOf(' ');
        if (space > 0 && isMineral(engine.substring(0, space))) {
            mineral = texts.enumLabel("MineralName", engine.substring(0, space), lang);
            rest = engine.substring(space + 1);
        }
        String text = vn ? derivedVi.getOrDefault(rest, rest) : rest;
        if (!vn && mineral != null && text.startsWith("is ") && plural(mineral)) {
            text = "are " + text.substring(3);   // "Rare earths are Group I", "Lead and zinc are …"
        }
        return mineral == null ? text : mineral + " " + text;
    }

    /** An English name that takes a plural verb: "Rare earths", "Lead and zinc" (not "Glass"). */
    private static boolean plural(String name) {
        return name.contains(" and ") || name.endsWith("s") && !name.endsWith("ss");
    }

    private static boolean isMineral(String word) {
        for (MineralName m : MineralName.values()) {
            if (m.name().equals(word)) {
                return true;
            }
        }
        return false;
    }

    private Citation localized(Citation c, String lang) {
        return new Citation(c.instrument(), c.article(), c.clause(), c.point(), citation(c, lang));
    }

    /** The reader's words: labels for paths, value names, the rules' texts in the language. */
    private FindingTexts.Words words(String lang, Map<String, FormModel.FormField> fields, Project project,
                                     java.util.function.Function<RuleInfo, Template.Formatter> format) {
        boolean vn = lang.equals("vi");
        return new FindingTexts.Words() {
            @Override
            public String title(RuleInfo rule) {
                return vn && rule.titleVi() != null ? rule.titleVi() : rule.title();
            }

            @Override
            public String citation(RuleInfo rule) {
                return FindingLocalizer.this.citation(rule.citation(), lang);
            }

            @Override
            public Template explanation(RuleInfo rule) {
                return vn ? vi.get(rule.id()).explanation() : rule.explanationTemplate();
            }

            @Override
            public Template remediation(RuleInfo rule) {
                return vn ? vi.get(rule.id()).remediation() : rule.remediationTemplate();
            }

            @Override
            public Template.Formatter format(RuleInfo rule) {
                return format.apply(rule);
            }

            private String names(List<String> paths) {
                return paths.stream().map(p -> asked(p, fields, lang, project)).collect(Collectors.joining("; "));
            }

            @Override
            public void undecided(StringBuilder out, List<String> provisions, List<String> missing) {
                boolean one = provisions.size() == 1;
                out.append(String.join("; ", provisions)).append(vn
                        ? ". Bản mô tả chưa nêu: " + names(missing) + ", nên chưa thể xác định dự án có đáp ứng "
                                + (one ? "quy định này" : "các quy định này") + " hay không."
                        : ". The description does not say: " + names(missing) + ", so it cannot be decided whether the project meets "
                                + (one ? "this provision." : "these provisions."));
            }

            @Override
            public void ask(StringBuilder out, List<String> missing) {
                out.append(vn ? "Hãy trả lời: " + names(missing) + ", rồi đánh giá lại." : "Answer: " + names(missing) + ", and assess again.");
            }

            @Override
            public String ifBreach() {
                return vn ? " Nếu câu trả lời cho thấy có vi phạm: " : " If the answer shows a breach: ";
            }

            @Override
            public String also(String citation, String title) {
                return vn ? " Hành vi này đồng thời thuộc " + citation + " (" + title + "): "
                        : " The same act also comes under " + citation + " (" + title + "): ";
            }

            @Override
            public String forProvision(String citation) {
                return vn ? " Đối với " + citation + ": " : " For " + citation + ": ";
            }

            @Override
            public void dependence(StringBuilder out, OutcomeDependence d) {
                out.append(vn ? " Đây là vi phạm hay nghĩa vụ còn phải thực hiện tùy thuộc vào “" : " Whether this is a violation or"
                        + " still a step to take turns on “").append(question(phrase(d.fact(), fields, lang, project, "")))
                        .append(vn ? "”, thông tin mà bản mô tả chưa nêu: " : "”, which the description does not give: ");
                for (int i = 0; i < d.answers().size(); i++) {
                    OutcomeDependence.Answer answer = d.answers().get(i);
                    out.append(i == 0 ? "" : "; ").append(value(new FactValue(d.fact(), answer.value()), lang)).append(" → ")
                            .append(answer.outcome() == Outcome.INSUFFICIENT_INFORMATION
                                    ? (vn ? "còn tùy thông tin khác" : "another fact decides")
                                    : texts.ui(lang, "outcome." + answer.outcome().name()));
                }
                out.append('.');
            }

            @Override
            public void repeats(StringBuilder out, List<String> entries) {
                out.append(vn ? " Điều này cũng đúng với các mục giống hệt: " : " The same holds for the identical entries: ")
                        .append(entries.stream().map(e -> entryLabel(e, lang)).collect(Collectors.joining(", "))).append('.');
            }

            @Override
            public String sourceNote(String confidence) {
                return FindingLocalizer.sourceNote(confidence, lang);
            }
        };
    }

    /** "Art. 85a(3) of Law 54/2024 ..." in English as the engine writes it; "khoản 3 Điều 85a Luật ..." in Vietnamese. */
    public String citation(Citation c, String lang) {
        return citations.write(c, lang);
    }

    /** The provisions a text names ("LGM Art 85a(3); D193 Art 110a(2)(c)") written out in the language; else the text. */
    public String cite(String references, String lang) {
        String written = citations.cite(references, lang);
        return written != null ? written : references;
    }

    /** The one writer of citations these texts use. */
    public Citations citations() {
        return citations;
    }

    /** Placeholders for a reader: a fact's label instead of its path, values by their names, numbers and dates as written. */
    private Template.Formatter formatter(ParameterValues params, LocalDate judged, LocalDate date, String lang,
                                         Map<String, FormModel.FormField> fields, Project project) {
        boolean vn = lang.equals("vi");
        return new Template.Formatter() {
            @Override
            public void fact(StringBuilder out, FactValue fact, boolean wantPath) {
                if (wantPath) {
                    inSentence(out, phrase(fact.path(), fields, lang, project, out), lang);
                } else if (fact.value() instanceof Collection<?> c && !c.isEmpty()) {
                    // each name of a list follows the sentence's case, not the first only ("khai thác, chế biến")
                    boolean first = true;
                    for (Object item : c) {
                        if (!first) {
                            out.append(", ");
                        }
                        inSentence(out, enumName(fact.path(), item, lang), lang);
                        first = false;
                    }
                } else if (named(fact)) {
                    inSentence(out, value(fact, lang), lang);
                } else {
                    out.append(value(fact, lang));
                }
            }

            @Override
            public void unstated(StringBuilder out, String name, String separator) {
                String key = fields.keySet().stream().filter(k -> k.equals(name) || k.endsWith("." + name)).findFirst().orElse(null);
                inSentence(out, key == null ? name : question(fields.get(key).label()), lang);
                out.append(separator).append(vn ? "chưa nêu" : "not stated");   // as the text states a fact given: "label = value"
            }

            @Override
            public void field(StringBuilder out, String path) {
                out.append('“').append(question(label(path, fields, lang))).append('”');
            }

            @Override
            public void param(StringBuilder out, String key) {
                String v = params.text(key);
                if (v.startsWith("[")) {
                    // no value in force on the date the rule is judged on: the engine says so in English
                    out.append(vn ? "[chưa có giá trị có hiệu lực vào ngày " + Labels.date(judged, lang) + "]" : v);
                } else {
                    out.append(vn ? v.replace('.', ',') : v);
                }
            }

            @Override
            public void date(StringBuilder out) {
                out.append(Labels.date(date, lang));
            }
        };
    }

    /** Whether a fact's value is shown by a name (an enum value, yes or no, a mineral): it follows the sentence's case. */
    private static boolean named(FactValue fact) {
        Object v = fact.value();
        return v instanceof Enum<?> || v instanceof Boolean || v instanceof Collection<?>
                || v instanceof String s && !country(fact.path()) && !isDate(fact.path(), s) && FactDomain.type(fact.path()) != String.class
                && !fact.path().equals("derived.principalGroup");   // a group's numeral: "nhóm khoáng sản chính I"
    }

    /** A fact's value for a reader: enum names, yes/no, numbers without a trailing .0, dates, countries, lists joined. */
    public String value(FactValue fact, String lang) {
        Object v = fact.value();
        boolean vn = Labels.lang(lang).equals("vi");
        if (v == null) {
            return vn ? "chưa rõ" : "unknown";
        }
        if (v instanceof Boolean b) {
            return texts.ui(lang, b ? "value.yes" : "value.no");
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            String s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) d)
                    : String.format(Locale.ROOT, "%,.2f", d);
            return vn ? s.replace(',', ' ').replace('.', ',') : s;
        }
        if (v instanceof LocalDate d) {
            return Labels.date(d, lang);
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(x -> enumName(fact.path(), x, lang)).collect(Collectors.joining(", "));
        }
        String s = String.valueOf(v);
        if (isDate(fact.path(), s)) {
            return Labels.date(LocalDate.parse(s), lang);
        }
        if (country(fact.path())) {
            return Labels.country(s, lang);
        }
        if (fact.path().startsWith("derived.")) {
            return derivedValue(fact.path(), s, lang);
        }
        return enumName(fact.path(), v, lang);
    }

    private static boolean isDate(String path, String value) {
        return value.length() == 10 && FactDomain.type(path) == LocalDate.class && value.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** A partner's country or an export's destination: a two-letter country code. */
    private static boolean country(String path) {
        return path.endsWith(".country") || path.endsWith(".destination");
    }

    private String derivedValue(String path, String v, String lang) {
        boolean vn = Labels.lang(lang).equals("vi");
        if (path.equals("derived.mineralGroups")) {
            // "RARE_EARTH: Group I" → "Rare earths: Group I"
            return java.util.Arrays.stream(v.split(",\\s*")).map(part -> {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    return part;
                }
                String mineral = texts.enumLabel("MineralName", part.substring(0, colon).trim(), lang);
                String group = part.substring(colon + 1).trim();
                return mineral + ": " + (vn ? group.replace("Group", "nhóm") : group);
            }).collect(Collectors.joining(", "));
        }
        if (path.equals("derived.licensingAuthority")) {
            return texts.enumLabel("Issuer", v, lang);
        }
        if (path.equals("derived.principalGroup")) {
            return v;
        }
        return java.util.Arrays.stream(v.split(",\\s*")).map(x -> texts.enumLabel("MineralName", x.trim(), lang))
                .collect(Collectors.joining(", "));
    }

    private String enumName(String path, Object v, String lang) {
        Class<?> t = FactDomain.type(path);
        if (v instanceof Enum<?> e) {
            return texts.enumLabel(e.getDeclaringClass().getSimpleName(), e.name(), lang);
        }
        if (t != null && t.isEnum()) {
            return texts.enumLabel(t.getSimpleName(), String.valueOf(v), lang);
        }
        if (path.equals("activities") || path.endsWith("activities")) {
            return texts.enumLabel("Activity", String.valueOf(v), lang);
        }
        return String.valueOf(v);
    }

    /** An entry as a reader names it: "export 2" for {@code exports[1]}. */
    public String entryLabel(String entry, String lang) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.find()) {
            return entry;
        }
        String item = texts.itemLabel(m.group(1), lang);
        return (item == null ? m.group(1) : item.toLowerCase()) + " " + (Integer.parseInt(m.group(2)) + 1);
    }

    /** The label of the fact at a path, with the entry it belongs to: "Product exported (export 1)". */
    public String label(String path, Map<String, FormModel.FormField> fields, String lang) {
        String key = lang + ' ' + path;
        String cached = labels.get(key);
        if (cached != null) {
            return cached;
        }
        String label = base(path, fields, lang);
        Matcher m = ENTRY.matcher(path);
        if (m.find()) {
            label = withEntry(label, m, lang, false);
        }
        if (labels.size() < CACHE_LIMIT) {
            labels.put(key, label);
        }
        return label;
    }

    /** The label of the fact at a path in the language, as a list or a table names it: "Product exported (export 1)". */
    public String label(String path, String lang) {
        return label(path, form.fieldsByKey(Labels.lang(lang)), Labels.lang(lang));
    }

    /** A fact as a list or a table states it: its label, then its value ("Trên biển: không"). */
    public String fact(FactValue fact, String lang) {
        return question(label(fact.path(), lang)) + ": " + value(fact, lang);
    }

    /** The label of the field at a path, without the entry. */
    private String base(String path, Map<String, FormModel.FormField> fields, String lang) {
        if (path.startsWith("derived.")) {
            return switch (path.substring(8)) {
                case "mineralGroups" -> texts.ui(lang, "report.groups");
                case "strategic", "specialStrategic" -> texts.ui(lang, "report.strategic");
                case "licensingAuthority" -> texts.ui(lang, "report.authority");
                case "principalGroup" -> texts.ui(lang, "report.principalGroup");
                case "radioactiveMinerals" -> texts.ui(lang, "report.radioactive");
                case "foreignInvestor" -> texts.ui(lang, "report.foreignInvestor");
                case "licenceRegime" -> texts.ui(lang, "report.licenceRegime");
                default -> path;
            };
        }
        FormModel.FormField f = fields.get(FormModel.keyOf(path));
        if (f != null) {
            return f.label();
        }
        String[] s = texts.section(FormModel.keyOf(path), lang);
        return s != null ? s[0] : path;
    }

    /**
     * The fact at a path as a sentence names it: its label without a question mark, and the entry it belongs to only
     * when the project has more than one (written after a comma when the placeholder already stands in brackets):
     * "loại khoáng sản (khoáng sản 2)", "(loại khoáng sản, khoáng sản 2)".
     */
    private String phrase(String path, Map<String, FormModel.FormField> fields, String lang, Project project, CharSequence before) {
        String base = question(base(path, fields, lang));
        Matcher m = ENTRY.matcher(path);
        if (!m.find()) {
            return base;
        }
        if (entries(project, m.group(1)) == 1) {
            return base;
        }
        return withEntry(base, m, lang, before.length() > 0 && before.charAt(before.length() - 1) == '(');
    }

    /**
     * A label with the entry of a list it belongs to: "Product exported (export 2)", or after a comma when the label
     * already stands in brackets; "Sản phẩm xuất khẩu 2" when the label begins with the entry's name.
     */
    private String withEntry(String base, Matcher entry, String lang, boolean bracketed) {
        String item = texts.itemLabel(entry.group(1), lang);
        if (item == null) {
            return base;
        }
        String n = Integer.toString(Integer.parseInt(entry.group(2)) + 1);
        if (base.toLowerCase(Locale.ROOT).startsWith(item.toLowerCase(Locale.ROOT))) {
            return base + " " + n;
        }
        String named = item.toLowerCase(Locale.ROOT) + " " + n;
        return bracketed ? base + ", " + named : base + " (" + named + ")";
    }

    private static int entries(Project p, String list) {
        if (p == null) {
            return -1;
        }
        List<?> l = switch (list) {
            case "minerals" -> p.minerals();
            case "partners" -> p.partners();
            case "exports" -> p.exports();
            default -> null;
        };
        return l == null ? -1 : l.size();
    }

    /** A missing fact as the "cannot be decided" texts name it: in Vietnamese a question reads "… hay không". */
    private String asked(String path, Map<String, FormModel.FormField> fields, String lang, Project project) {
        String label = base(path, fields, lang);
        String phrase = phrase(path, fields, lang, project, "");
        StringBuilder out = new StringBuilder("… ");   // inside the sentence that lists them
        inSentence(out, phrase, lang);
        String s = out.substring(2);
        return label.endsWith("?") && Labels.lang(lang).equals("vi") ? s + " hay không" : s;
    }

    /** A label as a sentence uses it: without its question mark. */
    private static String question(String label) {
        return label.endsWith("?") ? label.substring(0, label.length() - 1).strip() : label;
    }

    /**
     * Appends a label or a value's name where a sentence has got to: at the start of a sentence with a capital, inside
     * one in lower case — unless it begins with a proper name or an abbreviation ({@link Labels#properName}).
     */
    static void inSentence(StringBuilder out, String text, String lang) {
        if (text.isEmpty()) {
            return;
        }
        int i = out.length() - 1;
        while (i >= 0 && (Character.isWhitespace(out.charAt(i)) || out.charAt(i) == '(' || out.charAt(i) == '“' || out.charAt(i) == '"')) {
            i--;
        }
        boolean start = i < 0 || ".!?".indexOf(out.charAt(i)) >= 0;
        int first = text.codePointAt(0);
        if (start) {
            out.appendCodePoint(Character.toUpperCase(first)).append(text, Character.charCount(first), text.length());
        } else if (Labels.properName(text, lang)) {
            out.append(text);
        } else {
            out.appendCodePoint(Character.toLowerCase(first)).append(text, Character.charCount(first), text.length());
        }
    }

    /** The source note in the reader's language; in English, the engine's own ({@link FindingCollector#sourceNote}). */
    private static String sourceNote(String confidence, String lang) {
        if (!Labels.lang(lang).equals("vi")) {
            return FindingCollector.sourceNote(confidence);
        }
        return switch (confidence == null ? "V" : confidence) {
            case "S" -> " Lưu ý nguồn: quy định này chỉ được biết qua nguồn thứ cấp (báo chí, bản tóm tắt của công ty luật hoặc cơ quan nhà nước), không phải văn bản chính thức; cần kiểm tra trước khi sử dụng.";
            case "M" -> " Lưu ý nguồn: quy định này dựa trên tư liệu chưa được kiểm chứng, không phải văn bản đã đọc; chỉ xem đây là gợi ý và cần kiểm tra.";
            case "V-ex" -> " Lưu ý nguồn: mới chỉ đọc được trích đoạn của quy định này.";
            default -> "";
        };
    }

    /** For tests: the Vietnamese reasons of the derived classification, by the engine's text. */
    Map<String, String> derivedTexts() {
        return new LinkedHashMap<>(derivedVi);
    }
}
