package vn.lgm.compliance.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import vn.lgm.compliance.investor.AssessmentWithCounterfactuals;
import vn.lgm.compliance.investor.CounterfactualSearch;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Project;

/**
 * What the API adds to the engine's assessment: findings written for a reader, in English or in Vietnamese
 * ({@code ?lang=vi} or {@code Accept-Language: vi}), and counterfactuals ({@code ?counterfactuals=true}). The Vietnamese texts
 * (rules/i18n/vi.yaml) are checked against the rules at start-up: a missing or wrong text stops the service.
 */
@ApplicationScoped
@Startup
public class AssessmentExtras {


    private final LiveRules live;
    private final CounterfactualSearch search;

    @Inject
    public AssessmentExtras(LiveRules live, Assessor assessor) {
        this.live = live;
        live.localizer(live.rules());   // a rule without its texts stops the start, as a rule that does not compile
        this.search = new CounterfactualSearch(assessor);
    }

    /** The reader's texts of the rules in force now. */
    public FindingLocalizer localizer() {
        return live.localizer(live.rules());
    }

    public CounterfactualSearch search() {
        return search;
    }

    /**
     * The response body: the assessment in the reader's language (English unless Vietnamese is asked; in both, facts
     * named by their labels and values by their names, never a JSON path), with counterfactuals if asked.
     */
    public Object respond(RuleBase rules, Assessment a, Project project, String lang, boolean counterfactuals) {
        Assessment out = live.localizer(rules).localize(a, project, lang);
        return counterfactuals ? AssessmentWithCounterfactuals.of(out, search.search(project)) : out;
    }
}
