package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.TestFiles;
import vn.lgm.compliance.lawyer.RuleReload;
import vn.lgm.compliance.lawyer.RulesWatch;
import vn.lgm.compliance.lawyer.DirectoryWatcher;

/**
 * The service's watch of rules/ and cases/ ({@code rules.watch.enabled}), without starting the service: the live
 * rules over a copy of rules/, and the watch loop the service starts. No clock is asserted: each step waits for
 * what it expects, for at most ten minutes (a bound no busy machine reaches).
 */
class RulesWatchTest {

    private static final Duration BOUND = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    @Test
    void anEditIsSwappedInAndABrokenEditIsRefusedWhileTheRulesInForceStay() throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        LiveRules live = new LiveRules();
        live.dir = rules.toString();
        live.casesDir = "cases";
        String before = live.rules().version();
        Path drl = rules.resolve("export/export.drl");
        try (RulesWatch.Loop loop = new RulesWatch.Loop(live, rules, Path.of("cases"))) {
            Files.writeString(drl, "\n// an edit the watch picks up\n", StandardOpenOption.APPEND);
            RuleReload.LastReload edited = await(loop, live, l -> l.result().swapped() && !l.result().rulesVersion().equals(before));
            assertNotEquals(before, live.rules().version(), "the edited rules are in force");
            assertEquals(edited.result().rulesVersion(), live.rules().version());
            assertTrue(edited.trigger().startsWith("watch: ") && edited.trigger().contains("export.drl"), edited.trigger());

            String good = live.rules().version();
            Files.writeString(drl, "\nrule \"broken\" when Project( stage == ) then end\n", StandardOpenOption.APPEND);
            RuleReload.LastReload broken = await(loop, live, l -> !l.result().swapped());
            assertTrue(broken.result().message().matches("Rule error: .*export\\.drl:\\d+: .*"), broken.result().message());
            assertEquals(good, live.rules().version(), "the rules in force stay");
            assertEquals(good, broken.result().rulesVersion());
        }
    }

    @Test
    void aChangeNamesItsRootAndFilesAndNewSubfoldersAreWatched() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("watched/area"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        try (DirectoryWatcher watcher = new DirectoryWatcher(50, tmp.resolve("watched"), other)) {
            // An editor's save: a temporary file written, then moved onto the file.
            Path temp = Files.writeString(root.resolve(".a.drl.tmp"), "one");
            Files.move(temp, root.resolve("a.drl"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DirectoryWatcher.Change change = assertTimeoutPreemptively(BOUND, watcher::awaitChange);
            assertTrue(change.under(tmp.resolve("watched")), change.toString());
            assertFalse(change.under(other), change.toString());
            Path a = root.resolve("a.drl").toAbsolutePath().normalize();
            if (change.files().contains(a)) {
                // The events come in order: the temporary file was made and moved within this burst.
                assertFalse(change.files().contains(temp.toAbsolutePath().normalize()), change.toString());
            }
            while (!change.files().contains(a)) { // the move's events came after the quiet period
                change = assertTimeoutPreemptively(BOUND, watcher::awaitChange);
            }

            // A folder made after the watch began is watched from the change that saw it being made.
            Path added = Files.createDirectories(tmp.resolve("watched/added"));
            while (!assertTimeoutPreemptively(BOUND, watcher::awaitChange).files().contains(added.toAbsolutePath().normalize())) {
                // events of the first writes that came after the quiet period
            }
            Files.writeString(added.resolve("b.drl"), "three");
            Path b = added.resolve("b.drl").toAbsolutePath().normalize();
            while (!assertTimeoutPreemptively(BOUND, watcher::awaitChange).files().contains(b)) {
                // only b.drl's events are left
            }
        }
    }

    /** The last reload once it meets the condition; waits up to the bound. */
    private static RuleReload.LastReload await(RulesWatch.Loop loop, LiveRules live,
                                              Predicate<RuleReload.LastReload> condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(loop.running(), "the watch thread died; see the log");
            RuleReload.LastReload last = live.lastReload();
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such reload within " + BOUND + "; the last: " + live.lastReload());
    }
}
