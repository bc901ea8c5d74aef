package vn.lgm.compliance.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.Startup;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleLoadException;

/**
 * The rules in force, compiled (or read from the rule cache) once at start-up; a broken rule file stops the
 * service with one clear line. Application-scoped, so a reload ({@link LiveRules#reload()}) is seen by every
 * bean that injects them from its next call on.
 */
public class RulesProducer {

    @Produces
    @ApplicationScoped
    @Startup
    RuleBase ruleBase(LiveRules live) {
        try {
            return live.rules();
        } catch (RuleLoadException e) {
            Main.failStartup("Rule error: " + e.getMessage());
            throw e;
        }
    }

    @Produces
    @ApplicationScoped
    Assessor assessor(LiveRules live) {
        return live.assessor();
    }
}
