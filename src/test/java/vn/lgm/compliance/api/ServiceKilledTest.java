package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.regulator.history.HistoryStore;

/**
 * The service killed with {@code kill -9} in the middle of an audit upload, then started again (issue 20, item 3): the
 * run it left open is marked INTERRUPTED at the next start-up, with the records it stored, and can then be neither
 * reported nor reformed. The service runs as a process of its own ({@link ServiceProcess}), on an audit history in a
 * file that outlives it.
 */
class ServiceKilledTest {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("history/audits").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /** Starts the service and returns its port once it listens (waiting for the process, not the clock). */
    private int start(String name, List<Process> into) throws Exception {
        Path portFile = dir.resolve(name + ".port");
        Path log = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-D%test.history.db.url=" + db(), "-D%test.coverage.at-startup=false"));
        if (System.getProperty("rules.cache.dir") != null) {
            command.add("-Drules.cache.dir=" + System.getProperty("rules.cache.dir"));
        }
        command.addAll(List.of(ServiceProcess.class.getName(), portFile.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        into.add(p);
        while (!Files.exists(portFile)) {
            if (!p.isAlive()) {
                fail("the service did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return Integer.parseInt(Files.readString(portFile).strip());
    }

    @Test
    void aRunLeftOpenByAKilledServiceIsMarkedInterruptedAtTheNextStartUp() throws Exception {
        Path records = dir.resolve("records.jsonl");
        SyntheticProjects.write(records, 400, 21);
        int port = start("first", started);
        long runId;
        Process first = started.get(0);
        try (ChunkedUpload upload = new ChunkedUpload(port, "/api/v1/audits?register=killed&detail=lean", "application/x-ndjson")) {
            upload.send(Files.readAllBytes(records)); // the records, but not the end of the body: the upload stays open
            // Two batches answered: the first is stored before the second is written.
            runId = upload.receiveRecords(128);
            first.destroyForcibly(); // kill -9, mid-upload
            first.waitFor();
        }
        HistoryStore store = HistoryStore.open(db(), null, null);
        HistoryStore.Run open = store.run(runId);
        assertEquals(HistoryStore.State.RUNNING, open.state(), "nobody has marked it yet");
        long stored = store.storedRecords(runId);
        assertTrue(stored >= 64, "the first batch is stored: " + stored);

        int again = start("again", started);
        while (store.run(runId).state() == HistoryStore.State.RUNNING) {
            assertTrue(started.get(1).isAlive(), "the service runs");
            Thread.sleep(200);
        }
        HistoryStore.Run run = store.run(runId);
        assertEquals(HistoryStore.State.INTERRUPTED, run.state());
        assertTrue(run.stopped().contains("ended before the run did"), run.stopped());
        assertEquals(stored, run.records());
        assertEquals(stored, run.assessed() + run.errors());
        assertTrue(run.ended() != null);
        // It is not reported, compared or reformed as if complete.
        assertEquals(409, status(again, "GET", "/api/v1/audits/" + runId + "/report", null));
        assertEquals(409, status(again, "POST", "/api/v1/audits/" + runId + "/reform", "rareEarth.treoMinimumPercent: 85\n"));
    }

    private static int status(int port, String method, String path, String yaml) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        c.setRequestProperty("Authorization", Users.regulatorHeader().substring("Authorization: ".length()).strip());
        if (yaml != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/yaml");
            c.getOutputStream().write(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }
}
