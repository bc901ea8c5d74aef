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
    /** How long one request may search for counterfactuals, from when its work starts (README "Limits"). */
    private final java.time.Duration timeLimit;

    @Inject
    public AssessmentExtras(LiveRules live, Assessor assessor,
                            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "counterfactuals.time-limit")
                            java.time.Duration timeLimit) {
        this.live = live;
        live.localizer(live.rules());   // a rule without its texts stops the start, as a rule that does not compile
        this.search = new CounterfactualSearch(assessor);
        this.timeLimit = timeLimit;
    }

    /**
     * The bounds of the request being served: its deadline ({@code counterfactuals.time-limit} after {@code startNanos})
     * and its client, watched from now on. Call it on the request's thread.
     */
    public CounterfactualSearch.Bounds bounds(long startNanos) {
        return CounterfactualSearch.Bounds.until(startNanos, timeLimit, ClientWatch.current());
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
    public Object respond(RuleBase rules, Assessment a, Project project, String lang, boolean counterfactuals,
                          CounterfactualSearch.Bounds bounds) {
        Assessment out = live.localizer(rules).localize(a, project, lang);
        return counterfactuals ? AssessmentWithCounterfactuals.of(out, search.search(project, bounds)) : out;
    }
}
