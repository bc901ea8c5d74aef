package vn.lgm.compliance.engine;

import java.util.List;

import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.OutcomeDependence;

/**
 * How a finding's explanation and remediation are put together from the texts of the rules it rests on — one
 * composition for the engine's own English (paths and raw values) and for a reader's language (labels, value names;
 * {@code texts/FindingLocalizer}), so the two say the same:
 * <ul>
 * <li>a breach the facts show: each rule's explanation, the first rule's (the most specific provision) first, each
 *     other introduced by its citation and title; then, when the weight turns on a fact not given
 *     ({@code dependsOn}), which fact decides and what each answer means. The remediation: each rule's remedy, the
 *     others introduced by their citation;</li>
 * <li>a finding that cannot be decided: the provisions, the facts the description does not give; the remediation asks
 *     for them, then gives each remedy whose facts the finding shows, for the case the answer shows a breach.</li>
 * </ul>
 * A finding that stands for entries the description repeats identically says so at the end of its explanation.
 */
public final class FindingTexts {

    /** The words of one language, and the rules' texts in it. */
    public interface Words {
        String title(RuleInfo rule);

        String citation(RuleInfo rule);

        Template explanation(RuleInfo rule);

        Template remediation(RuleInfo rule);

        /** How the placeholders of this rule's texts are written (its legal numbers are those of the date it is judged on). */
        Template.Formatter format(RuleInfo rule);

        /** "Title (citation). The description does not give a, b, so it cannot be decided ..." for these provisions. */
        void undecided(StringBuilder out, List<String> provisions, List<String> missing);

        /** "State a, b and assess again." */
        void ask(StringBuilder out, List<String> missing);

        /** Before the remedy of an undecided finding: " If the answer shows a breach: ". */
        String ifBreach();

        /** Before another provision's explanation: " Also Art. 110a(2)(c) ... (title): ". */
        String also(String citation, String title);

        /** Before another provision's remedy: " For Art. 110a(2)(c) ...: ". */
        String forProvision(String citation);

        /** Which fact decides the weight, and what each answer means. */
        void dependence(StringBuilder out, OutcomeDependence dependsOn);

        /** That the finding holds as well for these entries, identical to those it names. */
        void repeats(StringBuilder out, List<String> entries);

        /** The source note of a rule resting on secondary, unverified or excerpted sources; "" otherwise. */
        String sourceNote(String confidence);
    }

    private FindingTexts() {
    }

    /** "Title (citation)" of a provision, as the undecided form names it. */
    public static String provision(Words w, RuleInfo rule) {
        return w.title(rule) + " (" + w.citation(rule) + ")";
    }

    /**
     * The explanation of a finding resting on these rules (the most specific first); {@code undecided} when no breach is
     * shown and the finding asks for {@code missing}.
     */
    public static String explanation(List<RuleInfo> rules, boolean undecided, OutcomeDependence dependsOn,
                                     List<FactValue> facts, List<String> missing, List<String> entries, Words w) {
        StringBuilder out = new StringBuilder(512 * rules.size());
        if (undecided) {
            w.undecided(out, rules.stream().map(r -> provision(w, r)).toList(), missing);
            repeats(out, facts, missing, entries, w);
            for (RuleInfo r : rules) {
                out.append(w.sourceNote(r.confidence()));
            }
            return out.toString();
        }
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            if (i > 0) {
                out.append(w.also(w.citation(r), w.title(r)));
            }
            w.explanation(r).render(out, facts, w.format(r));
            out.append(w.sourceNote(r.confidence()));
        }
        if (dependsOn != null) {
            w.dependence(out, dependsOn);
        }
        repeats(out, facts, missing, entries, w);
        return out.toString();
    }

    /** The entries beyond those the facts name: the identical ones the finding stands for as well. */
    private static void repeats(StringBuilder out, List<FactValue> facts, List<String> missing, List<String> entries,
                                Words w) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> named = Entries.named(facts, missing);
        if (named.size() < entries.size()) {
            w.repeats(out, entries.stream().filter(e -> !named.contains(e)).toList());
        }
    }

    /**
     * The remediation: for an undecided finding, first the facts to state, then each remedy its facts fill (a remedy
     * naming a fact not yet given is left for the answer to bring); for a shown breach whose weight is not known, the
     * deciding fact to state, then the remedies; otherwise the remedies.
     */
    public static String remediation(List<RuleInfo> rules, boolean undecided, OutcomeDependence dependsOn,
                                     List<FactValue> facts, List<String> missing, Words w) {
        StringBuilder out = new StringBuilder(512 * rules.size());
        if (undecided) {
            w.ask(out, missing);
        } else if (dependsOn != null) {
            w.ask(out, List.of(dependsOn.fact()));
            out.append(' ');
        }
        boolean first = true;
        for (RuleInfo r : rules) {
            Template remedy = w.remediation(r);
            if (remedy == null || undecided && !remedy.complete(facts)) {
                continue;
            }
            if (first) {
                if (undecided) {
                    out.append(w.ifBreach());
                }
            } else {
                out.append(w.forProvision(w.citation(r)));
            }
            remedy.render(out, facts, w.format(r));
            first = false;
        }
        return out.toString();
    }
}
