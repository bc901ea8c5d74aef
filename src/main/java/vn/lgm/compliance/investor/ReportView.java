package vn.lgm.compliance.investor;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.model.Area;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * What the report shows, in one language, in the order an investor reads it: the verdict, the changes that would
 * make the project comply (top actions), then violations, steps to take, open questions and advisories, each
 * finding with its remedy and the smallest change that removes it; the full reasoning (explanation, facts, dates)
 * folded. Built from the engine's {@link Assessment}, localised by {@link FindingLocalizer}; nothing is re-decided.
 */
@TemplateData
public record ReportView(String lang, String projectId, String projectName, String projectTitle, String verdict, String verdictTitle,
                         String verdictText, String counts, String lawAsOf, String rulesVersion,
                         String rulesVersionShort, String generated, Derived derived, Plan plan, List<Group> groups,
                         List<Question> questions, List<Item> missing, String coveredAreas, String assessmentJson,
                         String projectJson, String searchStopped) {

    @TemplateData
    public record Item(String path, String id, String label, boolean focusable) {
    }

    @TemplateData
    public record Fact(Item field, String value) {
    }

    /** One change of a counterfactual: the fact (labelled), from and to, in words. */
    @TemplateData
    public record ChangeView(Item field, String from, String to) {
    }

    @TemplateData
    public record FindingView(String ruleId, String title, String otherTitle, String otherLang, String outcome,
                              String outcomeLabel, String area, String areaName, String citation, String inForce,
                              List<Fact> facts, String explanation, String remediation, List<Item> missing,
                              List<ChangeView> fix, String fixJson, String fixVerdict) {
    }

    /** The finding's provision, and those of the other rules that judged the same act, most specific first. */
    private static String citations(Finding f) {
        List<String> labels = new ArrayList<>();
        if (f.citation() != null) {
            labels.add(f.citation().label());
        }
        f.otherRules().stream().filter(o -> o.citation() != null).forEach(o -> labels.add(o.citation().label()));
        return String.join("; ", labels);
    }

    /** Findings of one outcome. */
    @TemplateData
    public record Group(String outcome, String title, List<FindingView> findings) {
    }

    /** An open question: the fact to answer and the findings it settles. */
    @TemplateData
    public record Question(Item field, List<String> rules) {
    }

    /** The plan for the whole project. */
    @TemplateData
    public record Plan(List<ChangeView> changes, String changesJson, String verdictAfter, String verdictAfterTitle,
                       String summary, List<String> remaining) {
    }

    @TemplateData
    public record Derived(String groups, String strategic, String authority, List<String> explanations) {
    }

    @TemplateData
    public record Errors(List<Fact> errors) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP_VI = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<Outcome> READING_ORDER = List.of(Outcome.VIOLATION, Outcome.OBLIGATION,
            Outcome.INSUFFICIENT_INFORMATION, Outcome.ADVISORY);

    public static ReportView of(Assessment engine, Project project, String requested, Labels texts, FormModel form,
                                Collection<RuleInfo> catalogue, FindingLocalizer localizer, Counterfactuals cf) {
        String lang = Labels.lang(requested);
        Assessment a = localizer.localize(engine, project, lang);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        catalogue.forEach(r -> rules.put(r.id(), r));
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
        String other = lang.equals("vi") ? "en" : "vi";

        Map<String, Counterfactuals.FindingFix> fixes = new LinkedHashMap<>();
        if (cf != null) {
            cf.findings().forEach(x -> fixes.putIfAbsent(x.ruleId() + "@" + x.at(), x));
        }
        Map<Outcome, List<FindingView>> byOutcome = new EnumMap<>(Outcome.class);
        Map<String, Item> missing = new LinkedHashMap<>();
        Map<String, List<String>> asks = new LinkedHashMap<>();
        for (int i = 0; i < a.findings().size(); i++) {
            Finding f = a.findings().get(i);
            Finding raw = engine.findings().get(i);
            RuleInfo r = rules.get(f.ruleId());
            String vi = r == null || r.titleVi() == null ? raw.title() : r.titleVi();
            String otherTitle = lang.equals("vi") ? raw.title() : vi;
            List<Item> need = f.missingFacts().stream().map(p -> item(p, fields, texts, lang, localizer)).toList();
            need.forEach(it -> {
                missing.putIfAbsent(it.path(), it);
                asks.computeIfAbsent(it.path(), k -> new ArrayList<>()).add(f.ruleId());
            });
            Counterfactuals.FindingFix fix = fixes.get(f.ruleId() + "@" + atOf(raw));
            List<ChangeView> fixView = fix == null || !fix.found() ? List.of() : changes(fix.changes(), fields, texts, lang, localizer);
            byOutcome.computeIfAbsent(f.outcome(), k -> new ArrayList<>()).add(new FindingView(f.ruleId(), f.title(),
                    otherTitle.equals(f.title()) || lang.equals("vi") ? null : otherTitle, other, f.outcome().name(),
                    texts.ui(lang, "outcome." + f.outcome().name()), f.area().name(), texts.ui(lang, "area." + f.area().name()),
                    citations(f), inForce(f, texts, lang),
                    f.facts().stream().map(v -> fact(v, fields, texts, lang, localizer)).toList(),
                    f.explanation(), f.remediation(), need, fixView,
                    fix == null || !fix.found() ? null : WebJson.forScript(fix.changes()),
                    fix == null || fix.verdictAfter() == null ? null : texts.ui(lang, "verdict." + fix.verdictAfter().name())));
        }
        List<Group> groups = new ArrayList<>();
        for (Outcome o : READING_ORDER) {
            List<FindingView> list = byOutcome.get(o);
            if (list != null && o != Outcome.INSUFFICIENT_INFORMATION) {
                groups.add(new Group(o.name(), texts.ui(lang, "group." + o.name()) + " (" + list.size() + ")", list));
            }
        }
        List<Question> questions = new ArrayList<>();
        asks.forEach((path, ids) -> questions.add(new Question(missing.get(path), ids.stream().distinct().toList())));

        Map<Outcome, Long> count = new EnumMap<>(Outcome.class);
        a.findings().forEach(f -> count.merge(f.outcome(), 1L, Long::sum));
        String counts = count.isEmpty() ? texts.ui(lang, "report.noFindings")
                : count.entrySet().stream().map(c -> plural(texts, lang, "count." + c.getKey().name(), c.getValue()))
                        .collect(Collectors.joining(" · "));

        Plan plan = null;
        if (cf != null && !cf.project().changes().isEmpty()) {
            Counterfactuals.ProjectFix p = cf.project();
            String after = texts.ui(lang, "verdict." + p.verdictAfter().name());
            plan = new Plan(changes(p.changes(), fields, texts, lang, localizer), WebJson.forScript(p.changes()),
                    p.verdictAfter().name(), after,
                    plural(texts, lang, p.verdictAfter() == Verdict.INCOMPLETE ? "plan.summaryOpen" : "plan.summary",
                            p.changes().size()).replace("{verdict}", after),
                    p.remaining());
        }

        TreeSet<Area> covered = new TreeSet<>();
        catalogue.stream().filter(r -> r.area() != null).forEach(r -> covered.add(r.area()));
        String coveredAreas = covered.stream().map(ar -> texts.ui(lang, "area." + ar.name())).collect(Collectors.joining(", "));

        vn.lgm.compliance.contract.model.Derived d = a.derived();
        Derived derived = d == null ? null : new Derived(
                d.mineralGroups() == null || d.mineralGroups().isEmpty() ? texts.ui(lang, "value.unknown") : String.join(", ", d.mineralGroups()),
                strategic(d, texts, lang),
                d.licensingAuthority() == null ? texts.ui(lang, "value.unknown") : texts.enumLabel("Issuer", d.licensingAuthority().name(), lang),
                // the reasons, in the reader's language (FindingLocalizer)
                d.explanations() == null ? List.of() : d.explanations());

        String version = a.rulesVersion() == null ? "" : a.rulesVersion();
        return new ReportView(lang, a.projectId(), project.name(), title(project, lang, texts), a.verdict().name(),
                texts.ui(lang, "verdict." + a.verdict().name()), texts.ui(lang, "verdict." + a.verdict().name() + ".text"),
                counts, Labels.date(a.lawAsOf(), lang), version, version.length() > 12 ? version.substring(0, 12) : version,
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(lang.equals("vi") ? STAMP_VI : STAMP), derived, plan, groups, questions,
                List.copyOf(missing.values()), coveredAreas, WebJson.forScript(engine), WebJson.forScript(WebJson.compact(project)),
                cf == null || cf.stoppedBy() == null ? null : texts.ui(lang, "plan.stopped." + cf.stoppedBy().name()));
    }

    /**
     * What the report is titled by: the project's name; for a project without one (an interview's), what it is — its
     * minerals, activities and stage in the reader's words ("Construction stone · Mining · Operating"); its reference
     * when nothing of these is known.
     */
    static String title(Project project, String lang, Labels texts) {
        if (project.name() != null && !project.name().isBlank()) {
            return project.name();
        }
        List<String> parts = new ArrayList<>();
        if (project.minerals() != null) {
            String minerals = project.minerals().stream().filter(m -> m != null && m.name() != null)
                    .map(m -> texts.enumLabel("MineralName", m.name().name(), lang)).distinct().collect(Collectors.joining(", "));
            if (!minerals.isEmpty()) {
                parts.add(minerals);
            }
        }
        if (project.activities() != null && !project.activities().isEmpty()) {
            parts.add(project.activities().stream().map(x -> texts.enumLabel("Activity", x.name(), lang)).collect(Collectors.joining(", ")));
        }
        if (project.stage() != null) {
            parts.add(texts.enumLabel("Stage", project.stage().name(), lang));
        }
        return parts.isEmpty() ? project.id() : String.join(" · ", parts);
    }

    /** "1 violation", "3 violations"; Vietnamese has one form. Keys KEY.one and KEY.other, {n} the number. */
    public static String plural(Labels texts, String lang, String key, long n) {
        String form = n == 1 ? texts.ui(lang, key + ".one") : texts.ui(lang, key + ".other");
        return form.replace("{n}", Long.toString(n));
    }

    private static String atOf(Finding raw) {
        String at = null;
        List<String> paths = new ArrayList<>();
        raw.facts().forEach(v -> paths.add(v.path()));
        paths.addAll(raw.missingFacts());
        for (String p : paths) {
            int b = p.indexOf(']');
            if (b > 0 && !p.startsWith("minerals")) {
                at = p.substring(0, b + 1);
                break;
            }
        }
        return at;
    }

    private static List<ChangeView> changes(List<Counterfactuals.Change> changes, Map<String, FormModel.FormField> fields,
                                            Labels texts, String lang, FindingLocalizer localizer) {
        List<ChangeView> out = new ArrayList<>();
        for (Counterfactuals.Change c : changes) {
            out.add(new ChangeView(item(c.path(), fields, texts, lang, localizer),
                    localizer.value(new FactValue(c.path(), c.from()), lang),
                    localizer.value(new FactValue(c.path(), c.to()), lang)));
        }
        return out;
    }

    /** Input problems, each pointing to its field. */
    public static Errors errors(List<InputError> errors, String lang, Labels texts, FormModel form) {
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
        return new Errors(errors.stream().map(e -> new Fact(item(e.path(), fields, texts, lang, null), e.message())).toList());
    }

    private static String strategic(vn.lgm.compliance.contract.model.Derived d, Labels texts, String lang) {
        if (Boolean.TRUE.equals(d.specialStrategic())) {
            return texts.ui(lang, "derived.specialStrategic");
        }
        if (Boolean.TRUE.equals(d.strategic())) {
            return texts.ui(lang, "derived.strategic");
        }
        if (d.strategic() == null) {
            return texts.ui(lang, "value.unknown");
        }
        return texts.ui(lang, "derived.notStrategic");
    }

    private static String inForce(Finding f, Labels texts, String lang) {
        if (f.inForce() == null) {
            return "";
        }
        return texts.ui(lang, "report.inForceFrom") + " " + Labels.date(f.inForce().from(), lang)
                + (f.inForce().to() == null ? "" : " " + texts.ui(lang, "report.inForceTo") + " " + Labels.date(f.inForce().to(), lang));
    }

    private static Item item(String path, Map<String, FormModel.FormField> fields, Labels texts, String lang, FindingLocalizer localizer) {
        FormModel.FormField field = fields.get(FormModel.keyOf(path));
        String label = localizer != null ? localizer.label(path, fields, lang) : field != null ? field.label() : path;
        if (field != null) {
            return new Item(path, FormModel.idOf(path), label, true);
        }
        if (path.startsWith("derived.")) {
            return new Item(path, FormModel.idOf(path), label, false);
        }
        // a whole section or list ("exports", "site"): name it, link it
        boolean section = !path.equals("$") && fields.keySet().stream().anyMatch(k -> k.startsWith(path + "."));
        return new Item(path, FormModel.idOf(path), label, section);
    }

    private static Fact fact(FactValue v, Map<String, FormModel.FormField> fields, Labels texts, String lang, FindingLocalizer localizer) {
        return new Fact(item(v.path(), fields, texts, lang, localizer), localizer.value(v, lang));
    }

    /**
     * The search that fills "what would make it comply", within the request's bounds (its deadline, its client: the same
     * as the API's); null when not asked for.
     */
    public static Counterfactuals search(CounterfactualSearch search, Project project, boolean wanted,
                                         CounterfactualSearch.Bounds bounds) {
        return wanted ? search.search(project, bounds) : null;
    }
}
