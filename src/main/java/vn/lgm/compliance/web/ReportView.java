package vn.lgm.compliance.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateData;
import vn.lgm.compliance.input.InputError;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.model.Area;
import vn.lgm.compliance.model.Assessment;
import vn.lgm.compliance.model.FactValue;
import vn.lgm.compliance.model.Finding;
import vn.lgm.compliance.model.Outcome;
import vn.lgm.compliance.model.Project;

/**
 * What the report fragment shows, in one language: the verdict in plain words, findings grouped by area (in the
 * law's order) and ordered by weight, the missing facts as a checklist pointing back to the form, the derived
 * classification, the law's date and the rules version. Built from the engine's {@link Assessment}; nothing is
 * re-decided here.
 */
@TemplateData
public record ReportView(String lang, String projectId, String projectName, String verdict, String verdictTitle,
                         String verdictText, String counts, String lawAsOf, String rulesVersion,
                         String rulesVersionShort, String generated, Derived derived, List<AreaGroup> areas,
                         List<Item> missing, String coveredAreas, String assessmentJson, String projectJson) {

    @TemplateData
    public record Item(String path, String id, String label, boolean focusable) {
    }

    @TemplateData
    public record Fact(Item field, String value) {
    }

    @TemplateData
    public record FindingView(String ruleId, String title, String otherTitle, String otherLang, String outcome,
                              String outcomeLabel, String citation, String inForce, List<Fact> facts,
                              String explanation, String remediation, List<Item> missing) {
    }

    @TemplateData
    public record AreaGroup(String area, String name, List<FindingView> findings) {
    }

    @TemplateData
    public record Derived(String groups, String strategic, String authority, List<String> explanations) {
    }

    @TemplateData
    public record Errors(List<Fact> errors) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static ReportView of(Assessment a, Project project, String requested, Texts texts, FormModel form,
                                Collection<RuleInfo> catalogue) {
        String lang = Texts.lang(requested);
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        catalogue.forEach(r -> rules.put(r.id(), r));
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);

        Map<Area, List<Finding>> byArea = new EnumMap<>(Area.class);
        a.findings().stream()
                .sorted(Comparator.comparing(Finding::area).thenComparing(Finding::outcome).thenComparing(Finding::ruleId))
                .forEach(f -> byArea.computeIfAbsent(f.area(), k -> new ArrayList<>()).add(f));
        List<AreaGroup> groups = new ArrayList<>();
        Map<String, Item> missing = new LinkedHashMap<>();
        String other = lang.equals("vi") ? "en" : "vi";
        for (Map.Entry<Area, List<Finding>> e : byArea.entrySet()) {
            List<FindingView> views = new ArrayList<>();
            for (Finding f : e.getValue()) {
                RuleInfo r = rules.get(f.ruleId());
                String vi = r == null || r.titleVi() == null ? f.title() : r.titleVi();
                String title = lang.equals("vi") ? vi : f.title();
                String otherTitle = lang.equals("vi") ? f.title() : vi;
                List<Item> need = f.missingFacts().stream().map(p -> item(p, fields, texts, lang)).toList();
                need.forEach(i -> missing.putIfAbsent(i.path(), i));
                views.add(new FindingView(f.ruleId(), title, otherTitle.equals(title) ? null : otherTitle, other,
                        f.outcome().name(), texts.ui(lang, "outcome." + f.outcome().name()),
                        f.citation() == null ? "" : f.citation().label(), inForce(f, texts, lang),
                        f.facts().stream().map(v -> fact(v, fields, texts, lang)).toList(),
                        f.explanation(), f.remediation(), need));
            }
            groups.add(new AreaGroup(e.getKey().name(), texts.ui(lang, "area." + e.getKey().name()), views));
        }

        Map<Outcome, Long> count = a.findings().stream()
                .collect(Collectors.groupingBy(Finding::outcome, () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        String counts = count.isEmpty() ? texts.ui(lang, "report.noFindings")
                : count.entrySet().stream().map(c -> c.getValue() + " " + texts.ui(lang, "outcome." + c.getKey().name() + ".count"))
                        .collect(Collectors.joining(" · "));

        TreeSet<Area> covered = new TreeSet<>();
        catalogue.stream().filter(r -> r.area() != null).forEach(r -> covered.add(r.area()));
        String coveredAreas = covered.stream().map(ar -> texts.ui(lang, "area." + ar.name())).collect(Collectors.joining(", "));

        vn.lgm.compliance.model.Derived d = a.derived();
        Derived derived = d == null ? null : new Derived(
                d.mineralGroups() == null || d.mineralGroups().isEmpty() ? texts.ui(lang, "value.unknown") : String.join(", ", d.mineralGroups()),
                strategic(d, texts, lang),
                d.licensingAuthority() == null ? texts.ui(lang, "value.unknown") : texts.enumLabel("Issuer", d.licensingAuthority().name(), lang),
                d.explanations() == null ? List.of() : d.explanations());

        String version = a.rulesVersion() == null ? "" : a.rulesVersion();
        return new ReportView(lang, a.projectId(), project.name(), a.verdict().name(),
                texts.ui(lang, "verdict." + a.verdict().name()), texts.ui(lang, "verdict." + a.verdict().name() + ".text"),
                counts, String.valueOf(a.lawAsOf()), version, version.length() > 12 ? version.substring(0, 12) : version,
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(STAMP), derived, groups,
                List.copyOf(missing.values()), coveredAreas, WebJson.forScript(a), WebJson.forScript(WebJson.compact(project)));
    }

    /** Input problems, each pointing to its field. */
    public static Errors errors(List<InputError> errors, String lang, Texts texts, FormModel form) {
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
        return new Errors(errors.stream().map(e -> new Fact(item(e.path(), fields, texts, lang), e.message())).toList());
    }

    private static String strategic(vn.lgm.compliance.model.Derived d, Texts texts, String lang) {
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

    private static String inForce(Finding f, Texts texts, String lang) {
        if (f.inForce() == null) {
            return "";
        }
        return texts.ui(lang, "report.inForceFrom") + " " + f.inForce().from()
                + (f.inForce().to() == null ? "" : " " + texts.ui(lang, "report.inForceTo") + " " + f.inForce().to());
    }

    private static Item item(String path, Map<String, FormModel.FormField> fields, Texts texts, String lang) {
        FormModel.FormField field = fields.get(FormModel.keyOf(path));
        if (field != null) {
            return new Item(path, FormModel.idOf(path), field.label(), true);
        }
        if (path.startsWith("derived.")) {
            String key = switch (path.substring("derived.".length())) {
                case "mineralGroups" -> "report.groups";
                case "strategic", "specialStrategic" -> "report.strategic";
                case "licensingAuthority" -> "report.authority";
                default -> null;
            };
            return new Item(path, FormModel.idOf(path), key == null ? path : texts.ui(lang, key), false);
        }
        // a whole section or list ("exports", "site"), or a derived fact: name it, link it if it is a section
        boolean section = !path.startsWith("derived.") && !path.equals("$") && fields.keySet().stream().anyMatch(k -> k.startsWith(path + "."));
        return new Item(path, FormModel.idOf(path), path, section);
    }

    private static Fact fact(FactValue v, Map<String, FormModel.FormField> fields, Texts texts, String lang) {
        return new Fact(item(v.path(), fields, texts, lang), value(v.value(), fields.get(FormModel.keyOf(v.path())), texts, lang));
    }

    private static String value(Object v, FormModel.FormField field, Texts texts, String lang) {
        if (v == null) {
            return texts.ui(lang, "value.unknown");
        }
        if (v instanceof Boolean b) {
            return texts.ui(lang, b ? "value.yes" : "value.no");
        }
        if (field != null && !field.choices().isEmpty()) {
            String s = v instanceof Enum<?> en ? en.name() : String.valueOf(v);
            for (FormModel.Choice c : field.choices()) {
                if (c.value().equals(s)) {
                    return c.label() + " (" + s + ")";
                }
            }
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }
}
