package vn.lgm.compliance.texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.engine.FactDomain;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.engine.FindingCollector;
import vn.lgm.compliance.engine.FindingTexts;
import vn.lgm.compliance.engine.ParameterValues;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.engine.RuleLoadException;
import vn.lgm.compliance.engine.Template;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Citation;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.RuleRef;

/**
 * Findings in the reader's language, as a step after the assessment (the engine writes English): titles from each
 * rule's {@code @titleVi}, explanations and remediations from {@code rules/i18n/vi.yaml} (keyed by rule id, with the
 * placeholders of the English templates), citations with Vietnamese article, clause and point, and the open
 * questions of INSUFFICIENT_INFORMATION findings written out. In both languages a placeholder that names a fact's
 * path is given the fact's label, and an enum value its name, so no JSON path reaches the reader.
 *
 * <p>{@link #load} checks the file against the rules: every findings rule has both texts, every placeholder is one
 * the English template of the same text uses, every {@code {param:…}} names a parameter.
 */
public final class FindingLocalizer {

    public static final String FILE = "i18n/vi.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([\\w:.]+)}");
    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]");
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A rule's texts in one language, parsed once. */
    record RuleText(Template explanation, Template remediation) {
    }

    private final RuleBase rules;
    private final Labels texts;
    private final FormModel form;
    private final Map<String, RuleText> vi;
    private final Map<String, String> instrumentsVi;
    private final Map<String, RuleInfo> byId = new HashMap<>();

    private FindingLocalizer(RuleBase rules, Labels texts, FormModel form, Map<String, RuleText> vi, Map<String, String> instrumentsVi) {
        this.rules = rules;
        this.texts = texts;
        this.form = form;
        this.vi = vi;
        this.instrumentsVi = instrumentsVi;
        rules.catalogue().forEach(r -> byId.put(r.id(), r));
    }

    /** Reads and checks {@code <rules>/i18n/vi.yaml}; any problem is one line naming the rule. */
    /** The reader's texts of these rules, with this build's labels and form. */
    public static FindingLocalizer load(RuleBase rules) {
        return load(rules, Labels.shared(), FormModel.shared());
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
        List<String> problems = new ArrayList<>();
        root.fields().forEachRemaining(e -> {
            if (e.getKey().equals("_instruments")) {
                e.getValue().fields().forEachRemaining(i -> instruments.put(i.getKey(), i.getValue().asText()));
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
        if (!problems.isEmpty()) {
            throw new RuleLoadException(file + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : ""));
        }
        return new FindingLocalizer(rules, texts, form, vi, instruments);
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

    /** The assessment with its findings in the language (en or vi), labels instead of paths. */
    public Assessment localize(Assessment a, String requested) {
        return localize(a, null, requested);
    }

    /**
     * The same, with the project assessed: a grant condition's legal numbers are those in force on the licence's issue
     * date, as the engine judged it ({@code FindingCollector.judgedDate}); without the project, those of the
     * assessment date. The engine's own texts are not read (an assessment without texts localizes the same).
     */
    public Assessment localize(Assessment a, vn.lgm.compliance.contract.model.Project project, String requested) {
        String lang = Labels.lang(requested);
        LocalDate date = a.lawAsOf();
        Map<LocalDate, ParameterValues> paramsOn = new HashMap<>(2);
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
        List<Finding> out = new ArrayList<>();
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
            FindingTexts.Words words = words(lang, fields, rule -> {
                LocalDate judged = project == null ? date : FindingCollector.judgedDate(rule, project, date);
                return formatter(paramsOn.computeIfAbsent(judged, d -> rules.parameters().at(d)), date, lang, fields);
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
        return new Assessment(a.projectId(), a.verdict(), a.lawAsOf(), a.rulesVersion(), a.derived(), out);
    }

    private Citation localized(Citation c, String lang) {
        return new Citation(c.instrument(), c.article(), c.clause(), c.point(), citation(c, lang));
    }

    /** The reader's words: labels for paths, value names, the rules' texts in the language. */
    private FindingTexts.Words words(String lang, Map<String, FormModel.FormField> fields,
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
                return paths.stream().map(p -> label(p, fields, lang)).collect(Collectors.joining("; "));
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
                        + " still a step to take turns on “").append(label(d.fact(), fields, lang))
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
        if (!Labels.lang(lang).equals("vi")) {
            return c.label();
        }
        String instrument = instrumentsVi.getOrDefault(c.instrument(), c.instrument());
        StringBuilder s = new StringBuilder();
        if (c.point() != null) {
            s.append("điểm ").append(c.point().replace(")(", ", ")).append(' ');
        }
        if (c.clause() != null) {
            s.append("khoản ").append(c.clause()).append(' ');
        }
        String art = c.article();
        s.append(art.startsWith("Appendix ") ? "Phụ lục " + art.substring("Appendix ".length()) : "Điều " + art);
        return s.append(' ').append(instrument).toString();
    }

    /** A provision reference as written in the texts ("LGM Art 85a(3)", "D193 Appendix I") in Vietnamese. */
    public static String citeVi(String cite) {
        if (cite == null) {
            return null;
        }
        return cite.replace("Arts ", "Điều ").replace("Art ", "Điều ").replace("Appendix ", "Phụ lục ").replace("Ch. ", "Chương ");
    }

    /** Placeholders for a reader: a fact's label instead of its path, values by their names, numbers and dates as written. */
    private Template.Formatter formatter(ParameterValues params, LocalDate date, String lang, Map<String, FormModel.FormField> fields) {
        boolean vn = lang.equals("vi");
        return new Template.Formatter() {
            @Override
            public void fact(StringBuilder out, FactValue fact, boolean wantPath) {
                out.append(wantPath ? label(fact.path(), fields, lang) : value(fact, lang));
            }

            @Override
            public void unstated(StringBuilder out, String name) {
                String label = fields.keySet().stream().filter(k -> k.equals(name) || k.endsWith("." + name)).findFirst()
                        .map(k -> fields.get(k).label()).orElse(name);
                out.append(label).append(vn ? ": chưa nêu" : " = not stated");
            }

            @Override
            public void field(StringBuilder out, String path) {
                out.append('“').append(label(path, fields, lang)).append('”');
            }

            @Override
            public void param(StringBuilder out, String key) {
                String v = params.text(key);
                out.append(vn ? v.replace('.', ',') : v);
            }

            @Override
            public void date(StringBuilder out) {
                out.append(vn ? date.format(VI_DATE) : date.toString());
            }
        };
    }

    /** A fact's value for a reader: enum names, yes/no, numbers without a trailing .0, lists joined. */
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
            String s = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) d)
                    : String.format(java.util.Locale.ROOT, "%,.2f", d);
            return vn ? s.replace(',', ' ').replace('.', ',') : s;
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(x -> enumName(fact.path(), x, lang)).collect(Collectors.joining(", "));
        }
        if (fact.path().startsWith("derived.")) {
            return derivedValue(fact.path(), String.valueOf(v), lang);
        }
        return enumName(fact.path(), v, lang);
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
        boolean vn = Labels.lang(lang).equals("vi");
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
        String base;
        if (f != null) {
            base = f.label();
        } else {
            String[] s = texts.section(FormModel.keyOf(path), lang);
            base = s != null ? s[0] : path;
        }
        Matcher m = ENTRY.matcher(path);
        if (m.find()) {
            String item = texts.itemLabel(m.group(1), lang);
            int n = Integer.parseInt(m.group(2)) + 1;
            if (item != null) {
                return base + " (" + (vn ? item.toLowerCase() + " " + n : item.toLowerCase() + " " + n) + ")";
            }
        }
        return base;
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
}
