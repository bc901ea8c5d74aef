package vn.lgm.compliance.api;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleLoadException;

/** Compiles the rules directory once at start-up; a broken rule file stops the service with one clear line. */
public class RulesProducer {

    private static final Logger LOG = Logger.getLogger(RulesProducer.class);

    @Produces
    @Singleton
    @Startup
    RuleBase ruleBase(@ConfigProperty(name = "rules.dir", defaultValue = "rules") String dir) {
        long start = System.nanoTime();
        try {
            RuleBase rules = RuleBase.load(Path.of(dir));
            LOG.infof("Loaded %d rules from %s in %d ms (rules version %s): %s", rules.catalogue().size(),
                    Path.of(dir).toAbsolutePath().normalize(), (System.nanoTime() - start) / 1_000_000,
                    rules.version().substring(0, 12), rules.howBuilt());
            return rules;
        } catch (RuleLoadException e) {
            Main.failStartup("Rule error: " + e.getMessage());
            throw e;
        }
    }

    @Produces
    @Singleton
    Assessor assessor(RuleBase rules) {
        return new Assessor(rules);
    }
}
