package vn.lgm.compliance.investor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import vn.lgm.compliance.contract.input.ProjectTree;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.investor.Interview.AskedIf;
import vn.lgm.compliance.investor.Interview.Answer;
import vn.lgm.compliance.investor.Interview.Page;
import vn.lgm.compliance.investor.Interview.Question;
import vn.lgm.compliance.investor.Interview.Shortcut;
import vn.lgm.compliance.texts.FormModel;

import static vn.lgm.compliance.investor.Interview.PAGE_SIZE;

/**
 * One step's screen: which topic comes next and which of its questions it shows, found by trying answers on the
 * description — every value of a yes/no or one-of question, and for a date another question waits for, the dates at
 * which the law changes — each tried description assessed once within the step.
 */
final class InterviewScreen {

    /** A description with answers tried: the questions then open, and the rules whose breach it then shows. */
    private record Tried(List<Interview.Open> open, Set<String> shown) {
    }

    private final Interview interview;
    private final InterviewTexts screens;
    private final Set<String> dontKnow;
    private final java.time.LocalDate lawAsOf;
    private final Map<String, FormModel.FormField> fields;
    private final String lang;
    private final ObjectNode tree;
    private final Map<String, Tried> tried = new HashMap<>();

    InterviewScreen(Interview interview, InterviewTexts screens, Project project, Set<String> dontKnow,
                    java.time.LocalDate lawAsOf, Map<String, FormModel.FormField> fields, String lang) {
        this.interview = interview;
        this.screens = screens;
        this.dontKnow = dontKnow;
        this.lawAsOf = lawAsOf;
        this.fields = fields;
        this.lang = lang;
        this.tree = ProjectTree.of(project);
    }

    /**
     * The screen: the open questions of the first-ranked question's topic, at most {@value Interview#PAGE_SIZE}, and the
     * shortcuts that answer several of them at once. A question that waits for another's answer comes on a later
     * screen, unless no answer to what it waits for would make it moot. On the screen, the answers are tried: a
     * question that only some answers of another question on the screen leave open is shown only after those
     * ({@link AskedIf}), and a question of the same topic that an answer brings into play is shown after it, so a
     * screen is seldom needed twice for one topic.
     */
    Page build(List<Interview.Open> open) {
        // topics in the order of their first-ranked question (one that waits may still come, after what it waits for)
        List<Interview.Open> byRank = new ArrayList<>(open);
        byRank.sort(Comparator.comparing(Interview.Open::notYet).thenComparingInt(Interview.Open::decides).thenComparingDouble(o -> -o.score()));
        Set<String> topics = new LinkedHashSet<>();
        byRank.forEach(o -> topics.add(interview.topicOf(o)));
        for (String topic : topics) {
            List<Question> questions = screen(topic, open);
            if (!questions.isEmpty()) {
                return page(topic, questions);
            }
        }
        // every question waits for another (a cycle): ask the first topic's anyway
        String topic = interview.topicOf(open.get(0));
        return page(topic, open.stream().filter(o -> interview.topicOf(o).equals(topic)).limit(PAGE_SIZE)
                .map(o -> interview.question(o, null, fields, lang)).toList());
    }

    /**
     * The questions of one topic for this screen: those open now that wait for nothing another answer could make
     * moot; those that wait for an answer on this screen, shown only after an answer that leaves them open; and those
     * an answer on this screen brings into play. Answers are tried: every value of a yes/no or one-of question, and
     * for a date that another question waits for, the dates at which the law changes.
     */
    private List<Question> screen(String topic, List<Interview.Open> open) {
        List<Interview.Open> candidates = open.stream().filter(o -> interview.topicOf(o).equals(topic)).limit(2L * PAGE_SIZE).toList();
        Set<String> openNow = new HashSet<>();
        open.forEach(o -> openNow.add(o.path()));
        Set<String> waitedFor = new HashSet<>();
        candidates.forEach(o -> waitedFor.addAll(o.after()));
        Set<String> shownNow = shown(Map.of());
        Map<String, AskedIf> askedIf = new LinkedHashMap<>();
        Set<String> never = new HashSet<>();
        Map<String, Interview.Open> revealed = new LinkedHashMap<>();
        for (Interview.Open x : candidates) {
            boolean date = isDate(x.path(), fields) && waitedFor.contains(x.path());
            List<String> values = date ? dates() : domain(x.path(), fields);
            if (values.isEmpty() || x.waits() && !askedIf.containsKey(x.path())) {
                continue;
            }
            // per value: the questions then open, and whether the answer shows a breach
            List<Set<String>> opened = new ArrayList<>();
            List<Boolean> breaches = new ArrayList<>();
            for (String v : values) {
                Map<String, String> answer = Map.of(x.path(), v);
                // an answer that shows a breach leaves the screen as it is: only answers that make a question moot
                // (its condition false, or the requirement met another way) hide it
                breaches.add(!shownNow.containsAll(shown(answer)));
                Set<String> after = new HashSet<>();
                for (Interview.Open y : tried(answer)) {
                    after.add(y.path());
                    if (!openNow.contains(y.path()) && interview.topicOf(y).equals(topic) && !revealed.containsKey(y.path())
                            && revealed.size() < PAGE_SIZE && (!y.waits() || neverMoot(y, answer))) {
                        revealed.put(y.path(), y);
                    }
                }
                opened.add(after);
            }
            Map<String, List<Boolean>> kept = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                for (Interview.Open y : candidates) {
                    kept.computeIfAbsent(y.path(), k -> new ArrayList<>()).add(breaches.get(i) || opened.get(i).contains(y.path()));
                }
                for (String y : revealed.keySet()) {
                    if (!openNow.contains(y)) {
                        kept.computeIfAbsent(y, k -> new ArrayList<>()).add(opened.get(i).contains(y));
                    }
                }
            }
            List<Interview.Open> dependents = new ArrayList<>(candidates);
            dependents.addAll(revealed.values());
            for (Interview.Open y : dependents) {
                List<Boolean> k = kept.getOrDefault(y.path(), List.of());
                // a condition is asked before what it conditions, never hidden behind it
                // a condition found earlier stands, unless this one follows it (then this one is the nearer)
                AskedIf earlier = askedIf.get(y.path());
                boolean nearer = earlier != null && askedIf.containsKey(x.path()) && askedIf.get(x.path()).field().equals(earlier.field());
                if (y == x || earlier != null && !nearer || never.contains(y.path()) || x.after().contains(y.path())
                        || k.size() < values.size() || !k.contains(false) || askedIf.containsKey(x.path())
                        && askedIf.get(x.path()).field().equals(y.path())) {
                    continue;
                }
                if (!k.contains(true)) {
                    never.add(y.path());   // moot whatever the answer: once it is given, not asked
                    continue;
                }
                AskedIf c = date ? range(x.path(), values, k) : new AskedIf(x.path(), pick(values, k), null, null);
                if (c != null) {
                    askedIf.put(y.path(), c);
                }
            }
        }
        List<Interview.Open> chosen = new ArrayList<>();
        for (Interview.Open y : candidates) {
            // a question that waits for another comes now only if no answer makes it moot, or after the answer
            // on this screen that leaves it open
            if (!never.contains(y.path()) && (!y.waits() || askedIf.containsKey(y.path()) || neverMoot(y, Map.of()))) {
                chosen.add(y);
            }
        }
        revealed.values().stream().filter(y -> askedIf.containsKey(y.path())).forEach(chosen::add);
        // each question right after the one whose answer it follows; at most PAGE_SIZE, a follower only with its lead
        List<Question> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Interview.Open o : chosen) {
            if (!askedIf.containsKey(o.path())) {
                place(o, chosen, askedIf, placed, out);
            }
        }
        return out;
    }

    /** Places a question, then the questions that follow its answer (and theirs), while the screen has room. */
    private void place(Interview.Open o, List<Interview.Open> chosen, Map<String, AskedIf> askedIf, Set<String> placed,
                       List<Question> out) {
        if (out.size() >= PAGE_SIZE || !placed.add(o.path())) {
            return;
        }
        out.add(interview.question(o, askedIf.get(o.path()), fields, lang));
        for (Interview.Open y : chosen) {
            AskedIf c = askedIf.get(y.path());
            if (c != null && c.field().equals(o.path())) {
                place(y, chosen, askedIf, placed, out);
            }
        }
    }

    private static List<String> pick(List<String> values, List<Boolean> kept) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (kept.get(i)) {
                out.add(values.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** The dates kept, as one span [from, before) of the dates at which the law changes; null when they are not one span. */
    private static AskedIf range(String field, List<String> dates, List<Boolean> kept) {
        int first = kept.indexOf(true);
        int last = kept.lastIndexOf(true);
        for (int i = first; i <= last; i++) {
            if (!kept.get(i)) {
                return null;
            }
        }
        return new AskedIf(field, null, first == 0 ? null : dates.get(first), last == dates.size() - 1 ? null : dates.get(last + 1));
    }

    private Page page(String topic, List<Question> questions) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (InterviewTexts.ShortcutText s : screens.shortcuts()) {
            List<Answer> answers = new ArrayList<>();
            for (Question q : questions) {
                String key = FormModel.keyOf(q.field());
                if (q.askedIf() == null && (s.steps() == null ? s.answers().containsKey(key)
                        : q.type().equals("boolean") && screens.isStep(key) && (s.steps() ? !q.notYet() && q.decides().equals("VIOLATION") : q.notYet()))) {
                    answers.add(new Answer(q.field(), s.steps() == null ? s.answers().get(key) : s.steps()));
                }
            }
            if (answers.size() >= 2) {
                shortcuts.add(new Shortcut(s.id(), s.label(lang), answers));
            }
        }
        String[] t = screens.topic(topic, lang);
        return new Page(topic, t[0], t[1], List.copyOf(questions), List.copyOf(shortcuts));
    }

    static boolean isDate(String path, Map<String, FormModel.FormField> fields) {
        FormModel.FormField f = fields.get(FormModel.keyOf(path));
        return f != null && f.kind().equals("date");
    }

    /** The answers tried on a screen: every value of a yes/no or one-of question. */
    static List<String> domain(String path, Map<String, FormModel.FormField> fields) {
        FormModel.FormField f = fields.get(FormModel.keyOf(path));
        if (f == null || Interview.LIST_ENTRY.containsKey(path)) {
            return List.of();
        }
        if (f.tristate()) {
            return List.of("true", "false");
        }
        return f.select() ? f.choices().stream().map(FormModel.Choice::value).toList() : List.of();
    }

    /** The dates at which the law applied to this description can change, earliest first. */
    private List<String> dates() {
        return interview.lawDates(lawAsOf);
    }

    /** The questions open once the facts at these paths take these values ("true", "false", an enum value, a date). */
    private List<Interview.Open> tried(Map<String, String> values) {
        return answered(values).open();
    }

    /** The rules whose breach (a violation or a step to take) the description then shows. */
    private Set<String> shown(Map<String, String> values) {
        return answered(values).shown();
    }

    /** The description with these answers, assessed once within the step. */
    private Tried answered(Map<String, String> values) {
        return tried.computeIfAbsent(new java.util.TreeMap<>(values).toString(), k -> {
            var t = tree.deepCopy();
            values.forEach((path, v) -> ProjectTree.set(t, path,
                    v.equals("true") || v.equals("false") ? BooleanNode.valueOf(v.equals("true")) : TextNode.valueOf(v)));
            Project p = ProjectTree.project(t);
            Assessment a = interview.assess(p);
            Set<String> shown = new HashSet<>();
            a.findings().stream().filter(f -> (f.outcome() == Outcome.VIOLATION || f.outcome() == Outcome.OBLIGATION)
                    && f.missingFacts().isEmpty()).forEach(f -> shown.addAll(f.ruleIds()));
            return new Tried(interview.open(p, a, dontKnow), shown);
        });
    }

    /**
     * True when no answers to the questions a waiting question waits for would make it moot (it is then asked
     * without waiting): every combination of their values is tried (with these answers given), when each has a few
     * values; otherwise it waits.
     */
    private boolean neverMoot(Interview.Open waiting, Map<String, String> given) {
        List<String> conditions = waiting.after().stream().filter(c -> !given.containsKey(c)).toList();
        List<List<String>> domains = conditions.stream().map(c -> isDate(c, fields) ? dates() : domain(c, fields)).toList();
        long combinations = domains.stream().mapToLong(List::size).reduce(1, (x, y) -> x * y);
        if (domains.stream().anyMatch(List::isEmpty) || combinations > 64) {
            return false;
        }
        for (long n = 0; n < combinations; n++) {
            Map<String, String> values = new LinkedHashMap<>(given);
            long rest = n;
            for (int i = 0; i < conditions.size(); i++) {
                values.put(conditions.get(i), domains.get(i).get((int) (rest % domains.get(i).size())));
                rest /= domains.get(i).size();
            }
            if (tried(values).stream().noneMatch(o -> o.path().equals(waiting.path()))) {
                return false;   // this answer makes it moot: it waits
            }
        }
        return true;
    }
}
