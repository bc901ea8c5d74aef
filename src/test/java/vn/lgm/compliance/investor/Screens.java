package vn.lgm.compliance.investor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectTree;
import vn.lgm.compliance.engine.RelevanceGate;

/** Answers an interview screen as a person on the page does: a shortcut, or each question shown, in order. */
final class Screens {

    /** What answering one screen took: the questions a person answered (a shortcut is one) and the facts they set. */
    record Answered(int questions, int facts, Set<String> fields) {
    }

    private Screens() {
    }

    /** The interview over the project's rules, its texts and its form (each loaded once), without the service. */
    static Interview interview() {
        vn.lgm.compliance.cli.Cli.quietLogging();
        vn.lgm.compliance.engine.RuleBase rules = vn.lgm.compliance.engine.CasesTest.RULES;
        return new Interview(new vn.lgm.compliance.engine.Assessor(rules),
                vn.lgm.compliance.texts.FindingLocalizer.load(rules, vn.lgm.compliance.texts.Labels.shared(),
                        vn.lgm.compliance.texts.FormModel.shared()),
                vn.lgm.compliance.texts.Labels.shared(), vn.lgm.compliance.texts.FormModel.shared());
    }

    /** A description with only its reference and the date the law is applied as of: where an interview starts. */
    static ObjectNode start(String id, String assessmentDate) {
        ObjectNode project = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        project.put("id", id);
        project.put("assessmentDate", assessmentDate);
        return project;
    }

    /**
     * Takes the shortcuts the person wants, then answers each question still open on the screen, in the screen's order:
     * a question that follows another's answer ({@code askedIf}) only when that answer leaves it open. An answer of
     * null is "I don't know".
     */
    static Answered answer(Interview.Page page, ObjectNode project, List<String> unknown,
                           Predicate<Interview.Shortcut> takeShortcut, Function<Interview.Question, JsonNode> answerOf) {
        Set<String> done = new HashSet<>();
        int questions = 0;
        for (Interview.Shortcut s : page.shortcuts()) {
            if (s.answers().stream().noneMatch(a -> done.contains(a.field())) && takeShortcut.test(s)) {
                questions++;
                for (Interview.Answer a : s.answers()) {
                    RelevanceGate.set(project, a.field(), a.value());
                    done.add(a.field());
                }
            }
        }
        Set<String> hidden = new HashSet<>();
        for (Interview.Question q : page.questions()) {
            if (done.contains(q.field())) {
                continue;
            }
            if (!shown(q.askedIf(), project, unknown, hidden)) {
                hidden.add(q.field());
                continue;
            }
            questions++;
            done.add(q.field());
            JsonNode v = answerOf.apply(q);
            if (v == null) {
                unknown.add(q.field());
            } else {
                RelevanceGate.set(project, q.field(), Json.json().convertValue(v, Object.class));
            }
        }
        return new Answered(questions, done.size(), done);
    }

    /** Whether a question that follows another's answer is shown: that answer is given and leaves it open. */
    static boolean shown(Interview.AskedIf c, ObjectNode project, List<String> unknown, Set<String> hidden) {
        if (c == null) {
            return true;
        }
        if (hidden.contains(c.field()) || unknown.contains(c.field())) {
            return false;
        }
        JsonNode v = ProjectTree.get(project, c.field());
        if (v == null) {
            return false;
        }
        if (c.anyOf() != null) {
            if (v.isArray()) {
                for (JsonNode x : v) {
                    if (c.anyOf().contains(x.asText())) {
                        return true;
                    }
                }
                return false;
            }
            return c.anyOf().contains(v.asText());
        }
        String d = v.asText();
        return (c.from() == null || d.compareTo(c.from()) >= 0) && (c.before() == null || d.compareTo(c.before()) < 0);
    }
}
