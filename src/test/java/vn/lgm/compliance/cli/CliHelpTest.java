package vn.lgm.compliance.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code --help} (which Main answers without starting the service) covers the service and every command. */
class CliHelpTest {

    @Test
    void helpNamesTheServiceSettingsAndEveryCommandWithItsOptions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Cli.printHelp(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String help = bytes.toString(StandardCharsets.UTF_8);
        for (String setting : new String[] {"rules.dir", "rules.cache.dir", "rules.reload.enabled", "quarkus.http.port"}) {
            assertTrue(help.contains(setting), setting);
        }
        for (String command : Cli.commandLine().getSubcommands().keySet()) {
            assertTrue(help.contains("Usage: mineral-compliance " + command), command);
        }
        assertTrue(help.contains("--detail") && help.contains("--watch"), help);
        for (String arg : new String[] {"--help", "-h", "help"}) {
            assertTrue(Cli.isHelp(arg), arg);
        }
        assertTrue(!Cli.isHelp("audit"));
    }
}
