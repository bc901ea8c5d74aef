package vn.lgm.compliance.investor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.engine.RuleReads;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * The interview: from a partial description, the verdict so far and the questions still worth asking, ranked.
 *
 * <p>First the few facts that decide which provisions apply — what the project does, its mineral, its stage, the
 * licence it holds or seeks. Then only the facts the assessment itself asks for: the union of the missing facts of
 * its INSUFFICIENT_INFORMATION findings and of the OBLIGATION findings whose weight turns on a fact (the stage, the
 * start of construction). The engine names only facts whose answer could still change a rule's outcome, so the
 * interview asks nothing else. A fact answered "I don't know" is not asked again.
 *
 * <p>Ranking: each open finding spreads its weight over the facts it asks for (a finding that asks for one fact is
 * settled by its answer; one that asks for three is a third settled by each); the weight is 3 for a rule that can
 * find a violation, 2 for one that can find an obligation, 1 otherwise. Ties go to the fact named by more
 * findings, then to the form's order.
 */
public final class Interview {

    /** The facts that decide which provisions apply, asked first and in this order. */
    public static final List<String> FIRST = List.of("activities", "minerals[0].name", "stage", "licence.type");
    /** A whole list asked for is asked through its entry's deciding field. */
    private static final Map<String, String> LIST_FIELD = Map.of("minerals", "minerals[0].name",
            "exports", "exports[0].product", "partners", "partners[0].role");

    @Schema(name = "InterviewQuestion", description = "One question: the fact to state, how to state it, and why it is asked")
    public record Question(
            @Schema(description = "JSON path of the fact in the project description", example = "exports[0].onPmExportList") String field,
            String label,
            @Schema(description = "boolean | enum | enumList | number | integer | date | text") String type,
            @Schema(description = "Allowed values (enum, enumList; boolean: true, false)") List<Choice> allowed,
            String help,
            @Schema(description = "The provision behind the question", example = "D193 Art 110a(2)(c)") String provision,
            @Schema(description = "Rules whose open finding the answer settles, wholly or in part") List<String> settles,
            @Schema(description = "Ranking score: the weight of the findings it settles") double score) {
    }

    @Schema(name = "InterviewChoice")
    public record Choice(String value, String label) {
    }

    @Schema(name = "InterviewStep", description = "The interview after the answers so far: the verdict, the ranked next questions, and the assessment")
    public record Step(
            @Schema(description = "START while the deciding facts are unknown; QUESTIONS; DONE when nothing more can change the verdict") String phase,
            Verdict verdict,
            @Schema(description = "Findings per outcome so far") Map<Outcome, Long> counts,
            @Schema(description = "At most this many questions can still come, whatever the answers (the questions open now, and every unknown fact of a rule that an answer could still bring into play); 0 when DONE") int remaining,
            @Schema(description = "The next questions, most decisive first") List<Question> questions,
            @Schema(description = "Facts answered \"I don't know\": not asked again; the findings that need them stay open") List<String> unknown,
            Assessment assessment) {
    }

    private final Assessor assessor;
    private final FindingLocalizer localizer;
    private final Labels texts;
    private final FormModel form;
    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final Map<String, RuleReads.Reads> reads;

    public Interview(Assessor assessor, FindingLocalizer localizer, Labels texts, FormModel form) {
        this.assessor = assessor;
        this.localizer = localizer;
        this.texts = texts;
        this.form = form;
        assessor.rules().catalogue().forEach(r -> rules.put(r.id(), r));
        this.reads = RuleReads.of(assessor.rules());
    }

    /** The rules version this interview asks by. */
    public String rulesVersion() {
        return assessor.rules().version();
    }

    public Step next(Project project, List<String> unknown, String lang) {
        Set<String> dontKnow = new LinkedHashSet<>(unknown == null ? List.of() : unknown);
        // the texts are written by the localizer, in the reader's language
        Assessment a = assessor.assess(project, Assessor.Options.WITHOUT_TEXTS);
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        a.findings().forEach(f -> counts.merge(f.outcome(), 1L, Long::sum));
        Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);

        List<Question> first = new ArrayList<>();
        for (String path : FIRST) {
            if (!dontKnow.contains(path) && unknownIn(project, path)) {
                first.add(question(path, fields, List.of(), 0, lang));
            }
        }
        List<Question> ranked = ranked(a, dontKnow, fields, lang);
        if (!first.isEmpty()) {
            // the deciding facts come first; what the engine asks already is counted in what remains
            return new Step("START", a.verdict(), counts, atMost(project, a, dontKnow, first, ranked), first,
                    List.copyOf(dontKnow), localizer.localize(a, project, lang));
        }
        return new Step(ranked.isEmpty() ? "DONE" : "QUESTIONS", a.verdict(), counts,
                ranked.isEmpty() ? 0 : atMost(project, a, dontKnow, first, ranked), ranked,
                List.copyOf(dontKnow), localizer.localize(a, project, lang));
    }

    /**
     * At most how many questions can still come, whatever the answers. A question comes only from a rule that asks,
     * and a rule asks only if it has an open finding (which names every fact that could still change it) or if an
     * answer brings it into play: a rule without a finding is settled on the facts given — its conditions false or its
     * requirements met stay so as facts are added (three-valued logic is monotone) — until a fact its {@code when}
     * reads (or the issue date, for a grant condition not in force on the assessment date or whose legal numbers change
     * within its time in force) changes from unknown to known, and that happens only if that
     * fact is itself asked. So, from the questions open now, each rule without a finding whose {@code when} reads a
     * fact that may be asked adds every unknown fact its consequence can ask, until nothing more is added. An open finding of an
     * OBLIGATION rule may also come to ask its due point. ADVISORY rules never ask.
     */
    private int atMost(Project project, Assessment a, Set<String> dontKnow, List<Question> first, List<Question> ranked) {
        Set<String> can = new LinkedHashSet<>();
        first.forEach(q -> can.add(q.field()));
        ranked.forEach(q -> can.add(q.field()));
        Set<String> found = new java.util.HashSet<>();
        for (Finding f : a.findings()) {
            found.addAll(f.ruleIds());
            // an open finding, once its facts are given, may turn into an obligation whose weight asks its due point
            RuleInfo r = rules.get(f.ruleId());
            if (r != null && r.dueAt() != null && !f.missingFacts().isEmpty()) {
                String due = r.dueAt().decidingFact(project);
                RuleReads.unknownPaths(project, due).stream().filter(p -> !dontKnow.contains(p)).forEach(can::add);
            }
        }
        // per rule still waiting: the questions that could bring it into play, and those it could then ask, found once
        record Waiting(Set<String> triggers, Set<String> asks) {
        }
        List<Waiting> waiting = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            RuleReads.Reads read = reads.get(r.name());
            if (r.isDefinition() || r.outcome() == Outcome.ADVISORY || found.contains(r.id()) || read == null
                    || r.judgedOn() != vn.lgm.compliance.engine.JudgedOn.ISSUE && !r.inForce().on(a.lawAsOf())) {
                continue;
            }
            Set<String> triggerKeys = new LinkedHashSet<>(read.when());
            if (r.judgedOn() == vn.lgm.compliance.engine.JudgedOn.ISSUE && (!r.inForce().on(a.lawAsOf()) || read.datedNumbers())) {
                triggerKeys.add("licence.issuedOn");   // judged on another date, it may apply, or read another number
            }
            waiting.add(new Waiting(askableUnknown(project, triggerKeys, Set.of()), askableUnknown(project, read.asks(), dontKnow)));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (java.util.Iterator<Waiting> it = waiting.iterator(); it.hasNext();) {
                Waiting w = it.next();
                if (w.triggers().stream().anyMatch(can::contains)) {
                    it.remove();
                    grew |= can.addAll(w.asks());
                }
            }
        }
        return can.size();
    }

    /** The questions for the facts of these keys that the description leaves unknown, but those answered "I don't know". */
    private Set<String> askableUnknown(Project project, Set<String> keys, Set<String> dontKnow) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            for (String path : RuleReads.unknownPaths(project, key)) {
                String asked = askable(path);
                if (!dontKnow.contains(asked)) {
                    out.add(asked);
                }
            }
        }
        return out;
    }

    /** Every fact the assessment asks for, as questions, most decisive first. */
    private List<Question> ranked(Assessment a, Set<String> dontKnow, Map<String, FormModel.FormField> fields, String lang) {
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Set<String>> settles = new HashMap<>();
        for (Finding f : a.findings()) {
            if (f.outcome() != Outcome.INSUFFICIENT_INFORMATION && f.outcome() != Outcome.OBLIGATION || f.missingFacts().isEmpty()) {
                continue;
            }
            List<String> asks = f.missingFacts().stream().map(this::askable).distinct().filter(p -> !dontKnow.contains(p)).toList();
            RuleInfo r = rules.get(f.ruleId());
            double weight = r == null || r.outcome() == null ? 1 : switch (r.outcome()) {
                case VIOLATION -> 3;
                case OBLIGATION -> 2;
                default -> 1;
            };
            for (String p : asks) {
                score.merge(p, weight / f.missingFacts().size(), Double::sum);
                settles.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(f.ruleId());
            }
        }
        List<String> order = new ArrayList<>(fields.keySet());
        return score.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                        .thenComparingInt(e -> -settles.get(e.getKey()).size())
                        .thenComparingInt(e -> {
                            int i = order.indexOf(FormModel.keyOf(e.getKey()));
                            return i < 0 ? Integer.MAX_VALUE : i;
                        }))
                .map(e -> question(e.getKey(), fields, List.copyOf(settles.get(e.getKey())),
                        Math.round(e.getValue() * 100) / 100.0, lang))
                .toList();
    }

    /** The fact to ask for a missing fact: a whole list through its entry's deciding field, a derived fact through the mineral. */
    private String askable(String path) {
        if (path.startsWith("derived.")) {
            return "minerals[0].name";
        }
        return LIST_FIELD.getOrDefault(path, path);
    }

    private Question question(String path, Map<String, FormModel.FormField> fields, List<String> settles, double score, String lang) {
        FormModel.FormField f = fields.get(FormModel.keyOf(path));
        if (f == null) {
            return new Question(path, path, "text", List.of(), null, null, settles, score);
        }
        String type = switch (f.kind()) {
            case "tristate" -> "boolean";
            case "select" -> "enum";
            case "multi" -> "enumList";
            default -> f.kind();
        };
        List<Choice> allowed = type.equals("boolean")
                ? List.of(new Choice("true", texts.ui(lang, "form.yes")), new Choice("false", texts.ui(lang, "form.no")))
                : f.choices().stream().map(c -> new Choice(c.value(), c.label())).toList();
        return new Question(path, f.label(), type, allowed, f.help(), f.cite(), settles, score);
    }

    private static boolean unknownIn(Project p, String path) {
        return switch (path) {
            case "activities" -> p.activities() == null || p.activities().isEmpty();
            case "minerals[0].name" -> p.minerals() == null || p.minerals().isEmpty() || p.minerals().get(0) == null
                    || p.minerals().get(0).name() == null;
            case "stage" -> p.stage() == null;
            case "licence.type" -> p.licence().type() == null;
            default -> false;
        };
    }
}
