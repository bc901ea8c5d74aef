package vn.lgm.compliance.lawyer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees (rules/ and cases/, with their subfolders) for edits, for {@code coverage --watch} and for the
 * service's {@code rules.watch.enabled}. {@link #awaitChange()} blocks until a file changes, then takes the burst of
 * events that follows (an editor writes a file in several steps) until none has come for the quiet period, so one
 * save gives one change. Every folder is registered when the watcher is made, and again after each change (new
 * folders too); an edit made after the constructor returned is therefore never missed.
 */
public final class DirectoryWatcher implements AutoCloseable {

    /**
     * What changed: the watched roots under which something changed, and the files (absolute paths; a file made and
     * removed within the burst, an editor's temporary file, is left out, though its root still counts as changed).
     */
    public record Change(Set<Path> roots, Set<Path> files) {
        public boolean under(Path root) {
            return roots.contains(root.toAbsolutePath().normalize());
        }
    }

    private final List<Path> roots;
    private final long quietMillis;
    private final WatchService ws;

    public DirectoryWatcher(long quietMillis, Path... roots) throws IOException {
        this.roots = Stream.of(roots).map(p -> p.toAbsolutePath().normalize()).toList();
        this.quietMillis = quietMillis;
        this.ws = FileSystems.getDefault().newWatchService();
        register();
    }

    public List<Path> roots() {
        return roots;
    }

    /** Blocks until something under a root changes and the burst of events is over; then says what changed. */
    public Change awaitChange() throws IOException, InterruptedException {
        Set<Path> changedRoots = new LinkedHashSet<>();
        Set<Path> files = new TreeSet<>();
        Set<Path> madeInBurst = new HashSet<>();
        WatchKey key = ws.take();
        do {
            if (key.watchable() instanceof Path dir) {
                Path folder = dir.toAbsolutePath().normalize();
                roots.stream().filter(folder::startsWith).forEach(changedRoots::add);
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.context() instanceof Path name) {
                        Path file = folder.resolve(name);
                        if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                            madeInBurst.add(file);
                        }
                        if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE && madeInBurst.remove(file)) {
                            files.remove(file); // an editor's temporary file, made and removed within the save
                        } else {
                            files.add(file);
                        }
                    }
                }
            } else {
                key.pollEvents();
            }
            key.reset();
        } while ((key = ws.poll(quietMillis, TimeUnit.MILLISECONDS)) != null);
        register();
        return new Change(changedRoots, files);
    }

    /** Registers every folder under each root (registering one again is harmless). */
    private void register() throws IOException {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path d : walk.filter(Files::isDirectory).toList()) {
                    d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        ws.close();
    }
}
