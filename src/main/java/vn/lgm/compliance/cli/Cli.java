package vn.lgm.compliance.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import vn.lgm.compliance.engine.RuleLoadException;

/**
 * The commands of the application, run without booting Quarkus (the engine is framework-free). {@code Main}
 * hands over when the first argument names one of them. To add a command, add its class to {@link #COMMANDS}.
 */
@Command(name = "mineral-compliance", mixinStandardHelpOptions = true,
        description = "Compliance engine for Vietnam's Law on Geology and Minerals: commands.")
public final class Cli implements Callable<Integer> {

    /** The subcommands, registered in this order. */
    static final List<Class<?>> COMMANDS = List.of(AuditCommand.class, HistoryCommand.class, CoverageCommand.class,
            BenchCommand.class, HttpBenchCommand.class);

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

    /** True for {@code --help}, {@code -h} or {@code help}: print help for the service and every command, and exit. */
    public static boolean isHelp(String arg) {
        return "--help".equals(arg) || "-h".equals(arg) || "help".equals(arg) || "-?".equals(arg);
    }

    /** Help for the service (no argument) and for every command, in that order. */
    public static void printHelp(java.io.PrintStream out) {
        out.println("""
                Usage: java -jar target/quarkus-app/quarkus-run.jar [COMMAND [OPTIONS]]

                Without a command: the service, on http://localhost:8080 — the investor page at /, the API under
                /api/v1 (assessments, audits, rules, parameters, coverage), /coverage, /q/openapi, /q/health.
                Its settings, as -Dname=value before -jar (or environment variables, e.g. RULES_DIR):
                  rules.dir=rules               the rules directory, compiled (or read from the cache) at start-up
                  cases.dir=cases               the cases the coverage page and a reload run
                  rules.cache.dir=DIR|off       where compiled rule packages are cached
                                                (default $XDG_CACHE_HOME or ~/.cache, /mineral-compliance/rule-base)
                  rules.reload.enabled=false    POST /api/v1/rules/reload (with rules.reload.token) and SIGHUP
                                                reload rules/ without a restart; off by default
                  rules.reload.token=SECRET     the bearer token the reload endpoint requires
                  rules.watch.enabled=false     watch rules/ and cases/ and reload on each save (a lawyer's
                                                workstation; off in production; needs no reload switch or token)
                  quarkus.http.port=8080        the port

                Commands (each runs without starting the service; COMMAND --help for its options):""");
        CommandLine cl = commandLine();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            out.println();
            out.print(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
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
        printHelp(System.out);
        return 0;
    }
}
