package vn.lgm.compliance.regulator.history;

import java.nio.file.Path;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;

/** The rules compiled once for the history and report tests (compiling them takes seconds). */
public final class SharedRules {

    private static Assessor assessor;

    private SharedRules() {
    }

    public static synchronized Assessor assessor() {
        if (assessor == null) {
            vn.lgm.compliance.cli.Cli.quietLogging();
            assessor = new Assessor(RuleBase.load(Path.of("rules")));
        }
        return assessor;
    }
}
