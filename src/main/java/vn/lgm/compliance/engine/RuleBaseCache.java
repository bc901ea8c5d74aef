package vn.lgm.compliance.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.impl.KnowledgePackageImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * The compiled rules kept on disk, so a start with unchanged rules does not compile them again.
 *
 * <p>The unit is a rule package, i.e. one folder of {@code rules/} (each folder's files declare
 * {@code package rules.<folder>}, and no DRL function or type is used outside its folder). Each package is
 * compiled on its own with Drools' {@code KnowledgeBuilder} (classic DRL/MVEL engine, as before) and its compiled
 * form — the Drools {@code KnowledgePackage}, with the bytecode of its consequences and functions — is serialised
 * to {@code <cache dir>/<key>.pkg}. The key is the SHA-256 of the engine's version (the Drools jars, the Java
 * feature release and the bytes of this application's classes, which the compiled rules call) and the relative
 * path and content of every file of the folder: changing a rule file, a fact class or Drools gives a new key.
 *
 * <p>An entry is trusted only when it can be verified: its header names the key it was asked for, the SHA-256 of
 * its body matches the one in the header, and the body deserialises, through a filter that admits only Drools,
 * MVEL, JDK and this application's classes, into packages. Anything else is logged, the entry deleted and the
 * package compiled again. When the engine's version cannot be determined the cache is not used at all.
 *
 * <p>The KieBase is then assembled from the packages (building the Rete network is not cached: it takes a
 * tenth of a second). {@code RuleBaseCacheTest} checks that every case gives exactly the same assessment from a
 * cached base as from the classic single {@code KieBuilder} build.
 */
public final class RuleBaseCache {

    private static final Logger LOG = Logger.getLogger(RuleBaseCache.class.getName());
    private static final String MAGIC = "LGM-RULE-PACKAGE 1";
    /** Where the cache lives unless configured: the user's cache folder (XDG), so it survives {@code mvn clean}. */
    public static final String DIR_PROPERTY = "rules.cache.dir";

    private static volatile String engineVersion;

    private final Path dir;

    private RuleBaseCache(Path dir) {
        this.dir = dir;
    }

    /** No cache: the rules are compiled in one classic {@code KieBuilder} build, as they were before the cache. */
    public static RuleBaseCache disabled() {
        return new RuleBaseCache(null);
    }

    public static RuleBaseCache at(Path dir) {
        return new RuleBaseCache(dir);
    }

    /**
     * The cache configured by the system property {@value #DIR_PROPERTY} or the environment variable
     * {@code RULES_CACHE_DIR} ({@code off} disables it); by default {@code $XDG_CACHE_HOME/mineral-compliance/rule-base}
     * ({@code ~/.cache/...}).
     */
    public static RuleBaseCache configured() {
        String setting = System.getProperty(DIR_PROPERTY, System.getenv("RULES_CACHE_DIR"));
        if (setting != null && !setting.isBlank()) {
            return "off".equalsIgnoreCase(setting.trim()) ? disabled() : at(Path.of(setting.trim()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("mineral-compliance").resolve("rule-base"));
    }

    public boolean enabled() {
        return dir != null && engineVersion() != null;
    }

    public Path dir() {
        return dir;
    }

    /**
     * What a build did: how many packages came from the cache, how many were compiled, and how long it took
     * (compileMillis adds up the packages' compile times, which run in parallel: it can exceed totalMillis).
     */
    public record Stats(int packages, int fromCache, int compiled, long compileMillis, long totalMillis) {
        @Override
        public String toString() {
            return compiled == 0
                    ? "all " + packages + " rule packages from the cache in " + totalMillis + " ms"
                    : "compiled " + compiled + " of " + packages + " rule packages in " + compileMillis + " ms"
                    + (fromCache > 0 ? ", " + fromCache + " from the cache" : "") + ", " + totalMillis + " ms in all";
        }
    }

    /** A KieBase and how it was made. */
    public record Build(KieBase kieBase, Stats stats) {
    }

    /**
     * Builds the KieBase from the rule files, package by package, each from the cache when a verified entry
     * exists. Returns null when a package does not compile: the caller then compiles classically, whose error
     * messages name file and line.
     *
     * @param sources every DRL file by its resource path ({@code src/main/resources/rules/<folder>/<file>.drl})
     */
    public Build build(Map<String, Path> sources, ClassLoader classLoader) {
        long start = System.nanoTime();
        Map<String, Map<String, Path>> byFolder = new TreeMap<>();
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            String folder = e.getKey().substring(0, Math.max(0, e.getKey().lastIndexOf('/')));
            byFolder.computeIfAbsent(folder, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
        }
        // The packages are independent: read (or compiled) in parallel, then added in the folders' order.
        List<Map<String, Path>> folders = new ArrayList<>(byFolder.values());
        List<List<KiePackage>> loaded = new ArrayList<>(Collections.nCopies(folders.size(), null));
        AtomicInteger fromCache = new AtomicInteger();
        AtomicInteger compiled = new AtomicInteger();
        AtomicLong compileNanos = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        IntStream.range(0, folders.size()).parallel().forEach(i -> {
            // Drools finds its services through the context class loader; a pool thread's may be the system's.
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader);
            try {
                loadFolder(folders.get(i), i, classLoader, loaded, fromCache, compiled, compileNanos, failed);
            } finally {
                thread.setContextClassLoader(before);
            }
        });
        if (failed.get()) {
            return null;
        }
        List<KiePackage> all = new ArrayList<>();
        loaded.forEach(all::addAll);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, classLoader));
        kieBase.addPackages(all);
        return new Build(kieBase, new Stats(byFolder.size(), fromCache.get(), compiled.get(), compileNanos.get() / 1_000_000,
                (System.nanoTime() - start) / 1_000_000));
    }

    private void loadFolder(Map<String, Path> files, int i, ClassLoader classLoader, List<List<KiePackage>> loaded,
                            AtomicInteger fromCache, AtomicInteger compiled, AtomicLong compileNanos, AtomicBoolean failed) {
        String key = key(files);
        List<KiePackage> packages = read(key, classLoader);
        if (packages != null) {
            fromCache.incrementAndGet();
        } else {
            long c = System.nanoTime();
            packages = compile(files, classLoader);
            compileNanos.addAndGet(System.nanoTime() - c);
            if (packages == null) {
                failed.set(true);
                return;
            }
            compiled.incrementAndGet();
            write(key, packages);
        }
        loaded.set(i, packages);
    }

    /** Compiles one folder's files into its package(s); null on any error. */
    private static List<KiePackage> compile(Map<String, Path> files, ClassLoader classLoader) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, classLoader));
        for (Map.Entry<String, Path> e : files.entrySet()) {
            try {
                builder.add(ResourceFactory.newByteArrayResource(Files.readAllBytes(e.getValue())).setSourcePath(e.getKey()),
                        ResourceType.DRL);
            } catch (IOException ex) {
                return null;
            }
        }
        if (builder.hasErrors()) {
            return null;
        }
        return new ArrayList<>(builder.getKnowledgePackages());
    }

    /** The cache key of a folder: the engine's version and every file's path and bytes. */
    String key(Map<String, Path> files) {
        MessageDigest sha = sha256();
        sha.update(String.valueOf(engineVersion()).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Path> e : files.entrySet()) {
            sha.update((byte) 0);
            sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try {
                sha.update(Files.readAllBytes(e.getValue()));
            } catch (IOException ex) {
                throw new RuleLoadException(e.getValue() + ": cannot be read: " + ex.getMessage());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private List<KiePackage> read(String key, ClassLoader classLoader) {
        if (!enabled()) {
            return null;
        }
        Path file = dir.resolve(key + ".pkg");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String header = MAGIC + "\n" + key + "\n";
            byte[] expectedHeader = header.getBytes(StandardCharsets.US_ASCII);
            int bodyAt = expectedHeader.length + 65;
            if (bytes.length < bodyAt || !Arrays.equals(bytes, 0, expectedHeader.length, expectedHeader, 0, expectedHeader.length)) {
                throw new IOException("header does not name this key");
            }
            String digest = new String(bytes, expectedHeader.length, 64, StandardCharsets.US_ASCII);
            MessageDigest sha = sha256();
            sha.update(bytes, bodyAt, bytes.length - bodyAt);
            if (!HexFormat.of().formatHex(sha.digest()).equals(digest)) {
                throw new IOException("SHA-256 of the body does not match its header");
            }
            try (DroolsObjectInputStream in = new DroolsObjectInputStream(
                    new ByteArrayInputStream(bytes, bodyAt, bytes.length - bodyAt), classLoader)) {
                in.setObjectInputFilter(RuleBaseCache::admit);
                Object o = in.readObject();
                if (!(o instanceof List<?> list) || list.isEmpty()
                        || !list.stream().allMatch(KnowledgePackageImpl.class::isInstance)) {
                    throw new IOException("the body is not a list of rule packages");
                }
                @SuppressWarnings("unchecked")
                List<KiePackage> packages = (List<KiePackage>) o;
                return packages;
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "Rule cache entry " + file + " cannot be verified (" + e + "); compiling instead");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // compiled again and rewritten below
            }
            return null;
        }
    }

    /** Only Drools', MVEL's, the JDK's and this application's classes may come out of a cache entry. */
    private static ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String name = c.getName();
        return name.startsWith("java.") || name.startsWith("org.drools.") || name.startsWith("org.kie.")
                || name.startsWith("org.mvel2.") || name.startsWith("vn.lgm.") || name.startsWith("rules.")
                ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private void write(String key, List<KiePackage> packages) {
        if (!enabled()) {
            return;
        }
        Path file = dir.resolve(key + ".pkg");
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(body)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] bytes = body.toByteArray();
            String header = MAGIC + "\n" + key + "\n" + HexFormat.of().formatHex(sha256().digest(bytes)) + "\n";
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                out.write(header.getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Exception e) {
            // A cache that cannot be written only costs the next start a compile.
            LOG.log(Level.WARNING, "Rule cache entry " + file + " not written: " + e);
        }
    }

    /**
     * The engine's version: the Drools jars, the Java feature release, and a SHA-256 over the bytes of this
     * application's classes (a change to a fact class, the finding builder or a helper the rules call changes it;
     * a rebuild of unchanged sources does not, as javac's output is deterministic). Null when the classes cannot
     * be found, and then nothing is cached.
     */
    public static String engineVersion() {
        String v = engineVersion;
        if (v == null) {
            synchronized (RuleBaseCache.class) {
                if (engineVersion == null) {
                    engineVersion = computeEngineVersion();
                }
                v = engineVersion;
            }
        }
        return v.isEmpty() ? null : v;
    }

    private static String computeEngineVersion() {
        try {
            String drools = location(KnowledgePackageImpl.class) + "|" + location(KnowledgeBuilderFactory.class);
            Path app = codeSource(RuleBaseCache.class);
            if (app == null) {
                return "";
            }
            MessageDigest sha = sha256();
            String prefix = RuleBaseCache.class.getPackageName().replace('.', '/').replaceAll("/engine$", "/");
            if (Files.isDirectory(app)) {
                try (Stream<Path> walk = Files.walk(app)) {
                    for (Path f : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        String name = app.relativize(f).toString().replace('\\', '/');
                        if (name.startsWith(prefix)) {
                            sha.update(name.getBytes(StandardCharsets.UTF_8));
                            sha.update(Files.readAllBytes(f));
                        }
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(app.toFile())) {
                    List<ZipEntry> entries = new ArrayList<>();
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        ZipEntry z = e.nextElement();
                        if (z.getName().startsWith(prefix) && z.getName().endsWith(".class")) {
                            entries.add(z);
                        }
                    }
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (ZipEntry z : entries) {
                        sha.update(z.getName().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = zip.getInputStream(z)) {
                            sha.update(in.readAllBytes());
                        }
                    }
                }
            }
            return drools + "|java " + Runtime.version().feature() + "|app " + HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The engine's version cannot be determined (" + e + "): the rule cache is not used");
            return "";
        }
    }

    private static String location(Class<?> c) {
        Path p = codeSource(c);
        return p == null ? c.getName() + "@" + c.getPackage().getImplementationVersion() : p.getFileName().toString();
    }

    private static Path codeSource(Class<?> c) {
        CodeSource source = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            Path p = Path.of(url.toURI());
            return Files.exists(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: every entry file. */
    public List<Path> entries() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".pkg")).sorted().toList();
        }
    }
}
