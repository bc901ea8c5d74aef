package vn.lgm.compliance.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.lgm.compliance.engine.RuleBase;

/** Ready once the rules compiled; reports how many and their version. */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    @Inject
    RuleBase rules;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rules").up()
                .withData("rules", rules.catalogue().size())
                .withData("rulesVersion", rules.version())
                .build();
    }
}
