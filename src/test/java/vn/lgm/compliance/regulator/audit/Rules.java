package vn.lgm.compliance.regulator.audit;

import java.nio.file.Path;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;

/** The rules compiled once for all audit tests. */
public final class Rules {

    private static Assessor assessor;

    private Rules() {
    }

    public static synchronized Assessor assessor() {
        if (assessor == null) {
            vn.lgm.compliance.cli.Cli.quietLogging();
            assessor = new Assessor(RuleBase.load(Path.of("rules")));
        }
        return assessor;
    }
}
