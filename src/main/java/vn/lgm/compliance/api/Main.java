package vn.lgm.compliance.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. A start-up failure we can explain (a broken rule file) is printed as one line on stderr
 * and the process exits with status 1.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    private static volatile String startupFailure;

    public static void main(String... args) {
        Quarkus.run(Main.class, (status, error) -> {
            if (startupFailure != null) {
                System.err.println(startupFailure);
            }
            System.exit(status);
        }, args);
    }

    /** Remembers the one-line reason the service cannot start, to be printed last. */
    static void failStartup(String message) {
        startupFailure = message;
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
