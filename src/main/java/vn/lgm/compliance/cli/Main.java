package vn.lgm.compliance.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import vn.lgm.compliance.engine.RuleLoadException;
import vn.lgm.compliance.texts.RulesPreload;

/**
 * Starts the service, or, when the first argument names a command ({@code audit}, {@code bench}), runs that
 * command without Quarkus and exits with its status. A start-up failure we can explain (a broken rule file) is printed as one line on stderr
 * and the process exits with status 1.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    public static void main(String... args) {
        if (args.length > 0 && Cli.isHelp(args[0])) {
            // Help for the service and every command; the service is not started.
            Cli.printHelp(System.out);
            System.exit(0);
        }
        if (args.length > 0 && Cli.isCommand(args[0])) {
            // A command (audit, bench, ...): run it on the framework-free engine, without booting the service.
            System.exit(Cli.run(args));
        }
        // the rules are read while Quarkus boots (two cores: one for each), and taken when first needed
        RulesPreload.start();
        Quarkus.run(Main.class, (status, error) -> {
            String reason = ruleError(error);
            if (reason == null && error != null) {
                reason = "The service could not start: " + rootMessage(error);
            }
            if (reason != null) {
                System.err.println(reason);
            }
            System.exit(status);
        }, args);
    }

    /** The innermost cause's message (its class when it has none): what a configuration error says. */
    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }

    /** The one-line reason a start failed on the rules ({@code Rule error: file:line: problem}), or null. */
    static String ruleError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleLoadException e) {
                return "Rule error: " + e.getMessage();
            }
        }
        return null;
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
