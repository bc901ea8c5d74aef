package vn.lgm.compliance.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.Startup;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;

/**
 * The rules in force, compiled (or read from the rule cache) once at start-up; a broken rule file stops the
 * service with one clear line. Application-scoped, so a reload ({@link LiveRules#reload(String)}) is seen by every
 * bean that injects them from its next call on.
 */
public class RulesProducer {

    @Produces
    @ApplicationScoped
    @Startup
    RuleBase ruleBase(LiveRules live) {
        return live.rules();   // a RuleLoadException stops the start; Main prints its one line
    }

    @Produces
    @ApplicationScoped
    Assessor assessor(LiveRules live) {
        return live.assessor();
    }
}
