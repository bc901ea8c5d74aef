package vn.lgm.compliance.api;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The service as a process of its own, for tests that kill it ({@code kill -9}) and start it again: a JVM that boots
 * the application as the test suite does (Quarkus' test launcher, which needs no packaged jar), writes its HTTP port
 * to the file named by its first argument, and serves until it is killed. Its settings come as system properties
 * ({@code -D%test.history.db.url=...}).
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static void main(String[] args) {
        System.setProperty("lgm.test.port-file", args[0]);
        // Selected by name, not by a Class loaded here: Quarkus loads its test classes with its own class loader.
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(ServiceProcess.class.getName() + "$Serving")).build();
        org.junit.platform.launcher.listeners.SummaryGeneratingListener summary =
                new org.junit.platform.launcher.listeners.SummaryGeneratingListener();
        // A session, so that Quarkus' launcher-session listener sets up the class loading its tests need.
        try (org.junit.platform.launcher.LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, summary);
        }
        // Only a failure to boot gets here: serving lasts until the process is killed.
        summary.getSummary().printTo(new java.io.PrintWriter(System.err, true));
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 40);
        System.exit(1);
    }

    /** Not a test of the suite (no "Test" in its name): the service, booted and kept serving. */
    @QuarkusTest
    public static class Serving {
        @Test
        void serve() throws Exception {
            Path file = Path.of(System.getProperty("lgm.test.port-file"));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Integer.toString(io.restassured.RestAssured.port));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
