package vn.lgm.compliance.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.lgm.compliance.coverage.CoverageCommand;
import vn.lgm.compliance.engine.RuleLoadException;

/**
 * The commands of the application, run without booting Quarkus (the engine is framework-free). {@code Main}
 * hands over when the first argument names one of them. To add a command, add its class to {@link #COMMANDS}.
 */
@Command(name = "mineral-compliance", mixinStandardHelpOptions = true,
        description = "Compliance engine for Vietnam's Law on Geology and Minerals: commands.")
public final class Cli implements Callable<Integer> {

    /** The subcommands, registered in this order. */
    static final List<Class<?>> COMMANDS = List.of(AuditCommand.class, CoverageCommand.class, BenchCommand.class,
            HttpBenchCommand.class);

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        for (Class<?> c : COMMANDS) {
            cl.addSubcommand(c);
        }
        // A broken rule file stops every command as it stops the service: one line, file:line: problem, status 1.
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof RuleLoadException) {
                command.getErr().println("Rule error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl;
    }

    /** True when the argument is the name of a command (so the service is not started). */
    public static boolean isCommand(String arg) {
        return arg != null && commandLine().getSubcommands().containsKey(arg);
    }

    /**
     * Outside Quarkus nothing configures logging, and the JBoss log manager then reports TRACE as enabled: Drools
     * formats a trace line for every fact inserted, which costs more than the assessment. Commands log warnings
     * and errors only, as the service does (application.properties).
     */
    private static final java.util.logging.Logger ROOT = java.util.logging.Logger.getLogger("");

    public static void quietLogging() {
        ROOT.setLevel(java.util.logging.Level.WARNING);
    }

    /** Runs the command line and returns its exit status. */
    public static int run(String... args) {
        quietLogging();
        return commandLine().execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }
}
