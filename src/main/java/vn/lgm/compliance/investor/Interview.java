package vn.lgm.compliance.investor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.JudgedOn;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.engine.RuleReads;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.texts.RuleNames;

/**
 * The interview: from a partial description, the verdict so far, the questions still worth asking, ranked, and the
 * screen to show next.
 *
 * <p>First what the project does: its activities, its mineral, its stage and — only where a licence exists or is
 * sought — the licence type. Then only the facts the assessment itself asks for: the missing facts of its
 * INSUFFICIENT_INFORMATION findings and of the OBLIGATION findings whose weight turns on a fact (the stage, the start
 * of construction), and a list (partners, exports) that the description omits while a rule that reads its entries may
 * still apply. The engine names only facts whose answer could still change a rule's outcome, so the interview asks
 * nothing else. A fact answered "I don't know" is not asked again.
 *
 * <p>Ranking: a question whose answer can decide a VIOLATION (a rule whose outcome is a violation, or a step already
 * due) comes before one that can only decide a step still to take, and that before one that only completes the
 * picture; within each, by the weight of the findings it settles (a finding asking for one fact is settled by its
 * answer; one asking for three is a third settled by each). A question a rule asks only if a condition holds (the
 * approval to work in a prohibited area, when whether the site overlaps one is open) waits until the condition is
 * answered. Steps not due at this stage come last, under "What you must still do", with "Not yet" as an answer.
 *
 * <p>The screen ({@link Page}): the questions of one topic (the site, the licence, the money...), at most
 * {@value #PAGE_SIZE}, those of the topic of the first-ranked question, with the shortcuts that answer several of them
 * at once (each setting ordinary facts of the description).
 */
public final class Interview {

    /** The facts that decide which provisions apply, asked first and in this order. */
    public static final List<String> FIRST = List.of("activities", "minerals[0].name", "stage", "licence.type");
    /** The activities that need a licence under Law 54: only then is the licence type asked. */
    static final List<String> LICENSED_ACTIVITIES = List.of("EXPLORATION", "EXPLOITATION", "SALVAGE");
    /** Lists asked as a whole while the description omits them: the fields of the entry asked with them. */
    static final Map<String, List<String>> LIST_ENTRY = Map.of(
            "exports", List.of("mineral", "product"),
            "partners", List.of("country"));
    /** Lists the description may state as empty (none): a project that exports has something to export. */
    private static final Set<String> MAY_BE_NONE = Set.of("partners");
    /** At most this many questions on a screen. */
    public static final int PAGE_SIZE = 8;

    private static final int VIOLATION = 0;
    private static final int STEP = 1;
    private static final int INFORMATION = 2;
    private static final String[] DECIDES = {"VIOLATION", "OBLIGATION", "INFORMATION"};

    @Schema(name = "InterviewQuestion", description = "One question: the fact to state, how to state it, and why it is asked")
    public record Question(
            @Schema(description = "JSON path of the fact in the project description; for a list question, the list", example = "exports[0].onPmExportList") String field,
            String label,
            @Schema(description = "boolean | enum | enumList | number | integer | date | text | list (a list's first entry, or none)") String type,
            @Schema(description = "Allowed values (enum, enumList; boolean: true and false, named Done and Not yet for a step not yet due; list: none, when the list may be empty)") List<Choice> allowed,
            @Schema(description = "What the question means") String help,
            @Schema(description = "The provision behind the question, written out in the reader's language",
                    example = "Decree 193/2025/ND-CP as amended by Decree 21/2026/ND-CP, Art. 110a(2)(c)") String provision,
            @Schema(description = "Rules whose outcome the answer settles or brings into play, wholly or in part") List<String> settles,
            @Schema(description = "Ranking score: the weight of the findings it settles") double score,
            @Schema(description = "The topic of the screen it belongs on", example = "site") String topic,
            @Schema(description = "The most the answer can decide: VIOLATION, OBLIGATION (a step to take) or INFORMATION") String decides,
            @Schema(description = "A step the law requires only at a later stage: \"Not yet\" (false) is an answer, and lists it under the steps to take") boolean notYet,
            @Schema(description = "Questions whose answer may make this one moot: it is asked after them") List<String> after,
            @Schema(description = "Why it is asked: the provisions its answer decides, in the reader's language") String why,
            @Schema(description = "What to answer when unsure") String unsure,
            @Schema(description = "For a list question: the fields of its entry") List<Question> entry,
            @Schema(description = "Asked only when this holds (the licence type, only where a licence is held or sought)") AskedIf askedIf) {
    }

    @Schema(name = "InterviewChoice")
    public record Choice(String value, String label) {
    }

    @Schema(name = "InterviewAskedIf", description = "The question applies only when the answer to the field is one of these values"
            + " (anyOf), or a date on or after from and before before")
    public record AskedIf(String field, List<String> anyOf, String from, String before) {
    }

    @Schema(name = "InterviewAnswer", description = "A fact a shortcut sets")
    public record Answer(String field, @Schema(description = "The value: false, 0, or [] (none)") Object value) {
    }

    @Schema(name = "InterviewShortcut", description = "One answer to several questions of the screen")
    public record Shortcut(String id, String label, List<Answer> answers) {
    }

    @Schema(name = "InterviewPage", description = "The next screen: the questions of one topic, at most " + PAGE_SIZE)
    public record Page(String topic, String title, String intro, List<Question> questions, List<Shortcut> shortcuts) {
    }

    @Schema(name = "InterviewStep", description = "The interview after the answers so far: the verdict, the next screen, the ranked questions, and the assessment")
    public record Step(
            @Schema(description = "START while what the project does is unknown; QUESTIONS; DONE when nothing more can change the verdict") String phase,
            Verdict verdict,
            @Schema(description = "Findings per outcome so far") Map<Outcome, Long> counts,
            @Schema(description = "At most this many questions can still come, whatever the answers (the questions open now, and every unknown fact of a rule that an answer could still bring into play); 0 when DONE") int remaining,
            @Schema(description = "About this many questions are likely to come: those open now (a question that waits for another's answer counted as an even chance) and half of those that answers could still bring into play; 0 when DONE") int likely,
            @Schema(description = "The next screen; empty when DONE") Page page,
            @Schema(description = "Every question open now, most decisive first") List<Question> questions,
            @Schema(description = "Facts answered \"I don't know\": not asked again; the findings that need them stay open") List<String> unknown,
            Assessment assessment) {
    }

    private final Assessor assessor;
    private final FindingLocalizer localizer;
    private final Labels texts;
    private final FormModel form;
    private final InterviewTexts screens;
    private final RuleNames names;
    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final Map<String, RuleReads.Reads> reads;
    private final java.util.TreeSet<java.time.LocalDate> lawDates;

    public Interview(Assessor assessor, FindingLocalizer localizer, Labels texts, FormModel form) {
        this(assessor, localizer, texts, form, InterviewTexts.shared());
    }

    public Interview(Assessor assessor, FindingLocalizer localizer, Labels texts, FormModel form, InterviewTexts screens) {
        this.assessor = assessor;
        this.localizer = localizer;
        this.texts = texts;
        this.form = form;
        this.screens = screens;
        this.names = new RuleNames(assessor.rules());
        assessor.rules().catalogue().forEach(r -> rules.put(r.id(), r));
        this.reads = RuleReads.of(assessor.rules());
        this.lawDates = new java.util.TreeSet<>(List.of(java.time.LocalDate.of(1900, 1, 1)));
        for (RuleInfo r : assessor.rules().catalogue()) {
            lawDates.add(r.inForce().from());
            if (r.inForce().to() != null) {
                lawDates.add(r.inForce().to().plusDays(1));
            }
        }
        assessor.rules().parameters().all().values().forEach(p -> p.values().forEach(v -> lawDates.add(v.from())));
        reads.values().forEach(r -> r.dates().forEach(lawDates::add));
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
                first.add(question(path, fields, List.of(), 0, VIOLATION, false, List.of(), lang));
            }
        }
        List<Open> open = open(project, a, dontKnow);
        List<Question> ranked = open.stream().map(o -> question(o, null, fields, lang)).toList();
        Assessment localized = localizer.localize(a, project, lang);
        if (!first.isEmpty()) {
            // what the project does comes first; what the engine asks already is counted in what remains
            Bound b = bound(project, a, dontKnow, first, open);
            String[] t = screens.topic("project", lang);
            return new Step("START", a.verdict(), counts, b.atMost(), b.likely(),
                    new Page("project", t[0], t[1], first, List.of()), first, List.copyOf(dontKnow), localized);
        }
        if (ranked.isEmpty()) {
            return new Step("DONE", a.verdict(), counts, 0, 0, null, ranked, List.copyOf(dontKnow), localized);
        }
        Bound b = bound(project, a, dontKnow, first, open);
        return new Step("QUESTIONS", a.verdict(), counts, b.atMost(), b.likely(),
                new InterviewScreen(this, screens, project, dontKnow, a.lawAsOf(), fields, lang).build(open), ranked,
                List.copyOf(dontKnow), localized);
    }

    /** A question open now: the fact, what it settles, the most it can decide, and the questions it waits for. */
    record Open(String path, double score, Set<String> settles, int decides, boolean notYet, Set<String> after,
                        boolean waits) {
    }

    /** Every question open now, ranked: by what it can decide, then by the weight of what it settles. */
    List<Open> open(Project project, Assessment a, Set<String> dontKnow) {
        Map<String, Double> score = new LinkedHashMap<>();
        Map<String, Set<String>> settles = new HashMap<>();
        Map<String, Integer> decides = new HashMap<>();
        Map<String, Set<String>> after = new HashMap<>();
        Set<String> free = new HashSet<>();    // asked by some finding without waiting for a condition
        for (Finding f : a.findings()) {
            if (f.outcome() != Outcome.INSUFFICIENT_INFORMATION && f.outcome() != Outcome.OBLIGATION || f.missingFacts().isEmpty()) {
                continue;
            }
            RuleInfo r = rules.get(f.ruleId());
            List<String> asks = f.missingFacts().stream().map(p -> askable(p, project)).filter(p -> p != null && !dontKnow.contains(p))
                    .distinct().toList();
            int kind = decides(r, project);
            RuleReads.Reads read = r == null ? null : reads.get(r.name());
            Set<String> conditions = read == null ? Set.of() : read.conditions();
            for (String p : asks) {
                score.merge(p, weight(kind) / f.missingFacts().size(), Double::sum);
                settles.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(f.ruleId());
                decides.merge(p, kind, Math::min);
                // it waits for the conditions of the rule (when it is not one), and for an earlier alternative
                boolean condition = isCondition(p, conditions);
                Set<String> earlier = read == null ? Set.of() : read.before(FormModel.keyOf(p));
                List<String> conditionsOpen = asks.stream().filter(x -> !x.equals(p)
                        && (!condition && isCondition(x, conditions) || earlier.contains(FormModel.keyOf(x)))).toList();
                if (conditionsOpen.isEmpty()) {
                    free.add(p);
                } else {
                    after.computeIfAbsent(p, k -> new LinkedHashSet<>()).addAll(conditionsOpen);
                }
            }
        }
        // a list the description omits while a rule that reads its entries may still apply: asked as a whole
        for (String list : LIST_ENTRY.keySet()) {
            if (listGiven(project, list) || dontKnow.contains(list)) {
                continue;
            }
            for (RuleInfo r : rules.values()) {
                RuleReads.Reads read = reads.get(r.name());
                if (!mayAsk(r, read, a) || !read.when().contains(list) || read.guard().cannotFire(project, a.derived())) {
                    continue;
                }
                int kind = decides(r, project);
                score.merge(list, weight(kind), Double::sum);
                settles.computeIfAbsent(list, k -> new LinkedHashSet<>()).add(r.id());
                decides.merge(list, kind, Math::min);
                free.add(list);
            }
        }
        // a fact that conditions others comes first: a question gains the weight of the questions that wait for it, and
        // of the rules an answer away from applying that its answer may bring into play
        Map<String, Double> conditioning = new HashMap<>();
        for (String p : score.keySet()) {
            Set<String> waitFor = free.contains(p) ? Set.of() : after.getOrDefault(p, Set.of());
            for (String x : waitFor) {
                conditioning.merge(x, score.get(p) / waitFor.size(), Double::sum);
            }
        }
        for (Waiting w : waiting(project, a, dontKnow)) {
            List<String> triggers = w.triggers().stream().filter(score::containsKey).toList();
            if (w.anAnswerAway() && !triggers.isEmpty() && w.asks().stream().anyMatch(x -> !triggers.contains(x))) {
                triggers.forEach(t -> conditioning.merge(t, weight(w.decides()) / triggers.size(), Double::sum));
            }
        }
        List<String> order = new ArrayList<>(form.fieldsByKey("en").keySet());
        List<Open> out = new ArrayList<>();
        for (String p : score.keySet()) {
            boolean notYet = decides.get(p) == STEP && screens.isStep(p) && isBoolean(p);
            Set<String> waitFor = free.contains(p) ? Set.of() : after.getOrDefault(p, Set.of());
            out.add(new Open(p, score.get(p) + conditioning.getOrDefault(p, 0.0), settles.get(p), decides.get(p), notYet,
                    waitFor, !waitFor.isEmpty()));
        }
        out.sort(Comparator.comparing(Open::waits)
                .thenComparing(Open::notYet)
                .thenComparingInt(Open::decides)
                .thenComparingDouble(o -> -o.score())
                .thenComparingInt(o -> -o.settles().size())
                .thenComparingInt(o -> {
                    int i = order.indexOf(FormModel.keyOf(o.path()));
                    return i < 0 ? Integer.MAX_VALUE : i;
                }));
        return out;
    }

    /** VIOLATION for a rule that finds violations or a step already due (or whose due point is not known), STEP for a step not yet due. */
    private static int decides(RuleInfo r, Project project) {
        if (r == null || r.outcome() == null) {
            return INFORMATION;
        }
        return switch (r.outcome()) {
            case VIOLATION -> VIOLATION;
            case OBLIGATION -> r.dueAt() == null || !Boolean.FALSE.equals(r.dueAt().reachedBy(project)) ? VIOLATION : STEP;
            default -> INFORMATION;
        };
    }

    private static double weight(int kind) {
        return kind == VIOLATION ? 3 : kind == STEP ? 2 : 1;
    }

    /** A question is a condition of a rule when the rule reads it (or, for a list, an entry's field) as one. */
    private static boolean isCondition(String path, Set<String> conditions) {
        String key = FormModel.keyOf(path);
        if (LIST_ENTRY.containsKey(key)) {
            return LIST_ENTRY.get(key).stream().anyMatch(f -> conditions.contains(key + "." + f));
        }
        return conditions.contains(key);
    }

    /** A findings rule that may ask on this assessment's date: in force then (or judged on an issue date yet to come). */
    private static boolean mayAsk(RuleInfo r, RuleReads.Reads read, Assessment a) {
        return read != null && !r.isDefinition() && r.outcome() != Outcome.ADVISORY
                && (r.judgedOn() == JudgedOn.ISSUE || r.inForce().on(a.lawAsOf()));
    }

    String topicOf(Open o) {
        return o.notYet() ? "steps" : screens.topicOf(o.path());
    }

    /**
     * The dates at which the law applied to a description can change: when a rule comes into force or leaves it, when
     * a legal number takes a new value, the dates rules compare facts with, and the assessment date; from the
     * earliest (a date long before any of them) on.
     */
    List<String> lawDates(java.time.LocalDate lawAsOf) {
        java.util.TreeSet<java.time.LocalDate> dates = new java.util.TreeSet<>(lawDates);
        dates.add(lawAsOf);
        dates.add(lawAsOf.plusDays(1));
        return dates.stream().map(java.time.LocalDate::toString).toList();
    }

    /** The assessment the interview makes of a description (its texts are written by the localizer). */
    Assessment assess(Project project) {
        return assessor.assess(project, Assessor.Options.WITHOUT_TEXTS);
    }

    /** What remains: at most, and likely. */
    private record Bound(int atMost, int likely) {
    }

    /**
     * At most how many questions can still come, whatever the answers, and about how many are likely to. A question
     * comes only from a rule that asks, and a rule asks only if it has an open finding (which names every fact that
     * could still change it) or if an answer brings it into play: a rule without a finding is settled on the facts
     * given — its conditions false or its requirements met stay so as facts are added (three-valued logic is
     * monotone) — until a fact its {@code when} reads (or the issue date, for a grant condition not in force on the
     * assessment date or whose legal numbers change within its time in force) changes from unknown to known, and that
     * happens only if that fact is itself asked; a rule whose {@code when} the facts given already make false never
     * fires ({@link RuleReads.Guard}). So, from the questions open now, each rule that may still fire and whose
     * {@code when} reads a fact that may be asked adds every unknown fact its consequence can ask, until nothing more
     * is added. An open finding of an OBLIGATION rule may also come to ask its due point. ADVISORY rules never ask. A
     * list is asked with its first entry; the bound counts one entry per list.
     *
     * <p>Likely: the questions open now, one that waits for another's answer counted as an even chance, and half of
     * those that answers could still bring into play. So the bound is never more than twice the likely count.
     */
    private Bound bound(Project project, Assessment a, Set<String> dontKnow, List<Question> first, List<Open> open) {
        Set<String> can = new LinkedHashSet<>();
        first.forEach(q -> can.add(q.field()));
        open.forEach(o -> can.add(o.path()));
        int openNow = can.size();
        double waiting = open.stream().filter(Open::waits).count();
        for (Finding f : a.findings()) {
            // an open finding, once its facts are given, may turn into an obligation whose weight asks its due point
            RuleInfo r = rules.get(f.ruleId());
            if (r != null && r.dueAt() != null && !f.missingFacts().isEmpty()) {
                String due = r.dueAt().decidingFact(project);
                RuleReads.unknownPaths(project, due).stream().map(p -> askable(p, project))
                        .filter(p -> p != null && !dontKnow.contains(p)).forEach(can::add);
            }
        }
        List<Waiting> waitingRules = new ArrayList<>(waiting(project, a, dontKnow));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Iterator<Waiting> it = waitingRules.iterator(); it.hasNext();) {
                Waiting w = it.next();
                if (w.triggers().stream().anyMatch(can::contains)) {
                    it.remove();
                    grew |= can.addAll(w.asks());
                }
            }
        }
        int atMost = can.size();
        int likely = (int) Math.ceil(openNow - waiting / 2 + (atMost - openNow) / 2.0);
        return new Bound(atMost, likely);
    }

    /** A rule without a finding: the questions that could bring it into play, and those it could then ask. */
    private record Waiting(Set<String> triggers, Set<String> asks, boolean anAnswerAway, int decides) {
    }

    /** Every rule without a finding that may still fire and ask (its {@code when} not already false on the facts given). */
    private List<Waiting> waiting(Project project, Assessment a, Set<String> dontKnow) {
        Set<String> found = new HashSet<>();
        a.findings().forEach(f -> found.addAll(f.ruleIds()));   // an act's finding names every rule it breaks
        List<Waiting> out = new ArrayList<>();
        for (RuleInfo r : rules.values()) {
            RuleReads.Reads read = reads.get(r.name());
            if (!mayAsk(r, read, a) || found.contains(r.id()) || read.guard().cannotFire(project, a.derived())) {
                continue;
            }
            Set<String> triggerKeys = new LinkedHashSet<>(read.when());
            if (r.judgedOn() == JudgedOn.ISSUE && (!r.inForce().on(a.lawAsOf()) || read.datedNumbers())) {
                triggerKeys.add("licence.issuedOn");   // judged on another date, it may apply, or read another number
            }
            out.add(new Waiting(askableUnknown(project, triggerKeys, Set.of()), askableUnknown(project, read.asks(), dontKnow),
                    read.guard().open(project, a.derived()), decides(r, project)));
        }
        return out;
    }

    /** The questions for the facts of these keys that the description leaves unknown, but those answered "I don't know". */
    private Set<String> askableUnknown(Project project, Set<String> keys, Set<String> dontKnow) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            for (String path : RuleReads.unknownPaths(project, key)) {
                String asked = askable(path, project);
                if (asked != null && !dontKnow.contains(asked)) {
                    out.add(asked);
                }
            }
        }
        return out;
    }

    /**
     * The question that asks for a missing fact, or null when none can: a derived fact through the mineral, the list of
     * minerals through its first; an omitted list (and the fields of its entry asked with it) as a whole, and a list the
     * description states (an empty list is none) not again.
     */
    static String askable(String path, Project project) {
        if (path.startsWith("derived.") || path.equals("minerals")) {
            return "minerals[0].name";
        }
        for (Map.Entry<String, List<String>> l : LIST_ENTRY.entrySet()) {
            String list = l.getKey();
            if (path.equals(list)) {
                return listGiven(project, list) ? null : list;
            }
            if (path.startsWith(list + "[")) {
                if (listGiven(project, list)) {
                    // an entry the description has; an entry beyond a list it states is none to ask about
                    int index = Integer.parseInt(path.substring(list.length() + 1, path.indexOf(']')));
                    return index < (list.equals("exports") ? project.exports() : project.partners()).size() ? path : null;
                }
                String field = path.substring(path.indexOf("].") + 2);
                return l.getValue().contains(field) ? list : path;
            }
        }
        return path;
    }

    private static boolean listGiven(Project project, String list) {
        return (list.equals("exports") ? project.exports() : project.partners()) != null;
    }

    private boolean isBoolean(String path) {
        FormModel.FormField f = form.fieldsByKey("en").get(FormModel.keyOf(path));
        return f != null && f.tristate();
    }

    Question question(Open o, AskedIf askedIf, Map<String, FormModel.FormField> fields, String lang) {
        Question q = question(o.path(), fields, List.copyOf(o.settles()), Math.round(o.score() * 100) / 100.0, o.decides(),
                o.notYet(), List.copyOf(o.after()), lang);
        return askedIf == null ? q : new Question(q.field(), q.label(), q.type(), q.allowed(), q.help(), q.provision(),
                q.settles(), q.score(), q.topic(), q.decides(), q.notYet(), q.after(), q.why(), q.unsure(), q.entry(), askedIf);
    }

    private Question question(String path, Map<String, FormModel.FormField> fields, List<String> settles, double score,
                              int decides, boolean notYet, List<String> after, String lang) {
        String topic = notYet ? "steps" : screens.topicOf(path);
        String why = why(path, settles, lang);
        if (LIST_ENTRY.containsKey(path)) {
            List<Question> entry = new ArrayList<>();
            for (String f : LIST_ENTRY.get(path)) {
                entry.add(question(path + "[0]." + f, fields, List.of(), 0, decides, false, List.of(), lang));
            }
            String[] section = texts.section(path, lang);
            String label = section == null ? FormModel.humanise(path) : section[0];
            List<Choice> none = MAY_BE_NONE.contains(path) ? List.of(new Choice("none", texts.ui(lang, "interview.none." + path))) : List.of();
            return new Question(path, label, "list", none, section == null ? null : section[1], null, settles, score, topic,
                    DECIDES[decides], false, after, why, unsure(path, "list", lang), List.copyOf(entry), null);
        }
        FormModel.FormField f = fields.get(FormModel.keyOf(path));
        if (f == null) {
            return new Question(path, FormModel.humanise(path), "text", List.of(), null, null, settles, score, topic,
                    DECIDES[decides], notYet, after, why, unsure(path, "text", lang), null, null);
        }
        String type = switch (f.kind()) {
            case "tristate" -> "boolean";
            case "select" -> "enum";
            case "multi" -> "enumList";
            default -> f.kind();
        };
        List<Choice> allowed = type.equals("boolean")
                ? notYet ? List.of(new Choice("true", texts.ui(lang, "interview.answer.done")), new Choice("false", texts.ui(lang, "interview.answer.notYet")))
                         : List.of(new Choice("true", texts.ui(lang, "form.yes")), new Choice("false", texts.ui(lang, "form.no")))
                : f.choices().stream().map(c -> new Choice(c.value(), c.label())).toList();
        AskedIf askedIf = path.equals("licence.type") ? new AskedIf("activities", LICENSED_ACTIVITIES, null, null) : null;
        // the provision written out in the reader's language, whatever form the interview was given (as written, idempotent)
        return new Question(path, f.label(), type, allowed, f.help(), f.cite() == null ? null : localizer.cite(f.cite(), lang),
                settles, score, topic, DECIDES[decides],
                notYet, after, why, unsure(path, type, lang), null, askedIf);
    }

    /**
     * Why a question is asked, in the reader's language: for the first screen, what the fact decides; otherwise the
     * provision its answer decides that weighs most (a violation before a step), named by its title and provision.
     */
    private String why(String path, List<String> settles, String lang) {
        String first = screens.why(path, lang);
        if (first != null || settles.isEmpty()) {
            return first;
        }
        String top = settles.stream().min(Comparator.comparingInt((String id) -> rules.get(id) == null ? 9
                : rules.get(id).outcome() == Outcome.VIOLATION ? 0 : rules.get(id).outcome() == Outcome.OBLIGATION ? 1 : 2)).orElseThrow();
        String text = texts.ui(lang, "interview.why").replace("{title}", names.title(top, lang))
                .replace("{provision}", names.provision(top, lang));
        int more = settles.size() - 1;
        if (more > 0) {
            text += " " + texts.ui(lang, more == 1 ? "interview.whyMore.one" : "interview.whyMore.other").replace("{n}", String.valueOf(more));
        }
        return text;
    }

    private String unsure(String path, String type, String lang) {
        String own = screens.unsure(path, lang);
        return own != null ? own : texts.ui(lang, "interview.unsure." + type);
    }

    private static boolean unknownIn(Project p, String path) {
        return switch (path) {
            case "activities" -> p.activities() == null || p.activities().isEmpty();
            case "minerals[0].name" -> p.minerals() == null || p.minerals().isEmpty() || p.minerals().get(0) == null
                    || p.minerals().get(0).name() == null;
            case "stage" -> p.stage() == null;
            // a licence only where one is held or sought: not for a plant that only processes, trades or transfers
            case "licence.type" -> p.licence().type() == null
                    && (p.activities() == null || p.activities().isEmpty()
                        || p.activities().stream().anyMatch(x -> LICENSED_ACTIVITIES.contains(x.name())));
            default -> false;
        };
    }
}
