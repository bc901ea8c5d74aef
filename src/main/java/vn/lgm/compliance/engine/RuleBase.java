package vn.lgm.compliance.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import vn.lgm.compliance.contract.input.LawSpan;
import java.time.LocalDate;

/**
 * The rules compiled from a directory into one KieBase, with each rule's metadata, the dated parameters and the
 * version hash. Built once and shared by every assessment; immutable.
 */
public final class RuleBase {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PARAMETER_USE = Pattern.compile("params\\.(?:number|text)\\(\"([^\"]+)\"\\)|\\{param:([^}]+)}");

    private final Path dir;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> byName;
    /** The same, keyed by the compiled rule itself: looked up on every activation, so no string is built. */
    private final Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();
    private final List<RuleInfo> catalogue;
    private final LawParameters parameters;
    private final Instruments instruments;
    private final String version;
    private final String howBuilt;

    private RuleBase(Path dir, KieBase kieBase, Map<String, RuleInfo> byName, LawParameters parameters,
                     Instruments instruments, String version, String howBuilt) {
        this.howBuilt = howBuilt;
        this.dir = dir;
        this.kieBase = kieBase;
        this.byName = byName;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                byRule.put(rule, byName.get(key(rule)));
            }
        }
        this.catalogue = byName.values().stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
        this.parameters = parameters;
        this.instruments = instruments;
        this.version = version;
    }

    /**
     * Compiles every .drl under the directory, or takes the compiled packages from the configured cache
     * ({@link RuleBaseCache#configured()}). Any error stops here with one line naming file, line and problem.
     */
    public static RuleBase load(Path dir) {
        return load(dir, RuleBaseCache.configured());
    }

    /**
     * Loads the rules, the KieBase built through the given cache, or — with {@link RuleBaseCache#disabled()}, or
     * when a package does not compile — in one classic {@code KieBuilder} build, whose errors name file and line.
     */
    public static RuleBase load(Path dir, RuleBaseCache cache) {
        if (!Files.isDirectory(dir)) {
            throw new RuleLoadException(dir.toAbsolutePath() + ": rules directory not found (set rules.dir)");
        }
        List<Path> files = files(dir);
        List<Path> drls = files.stream().filter(p -> p.toString().endsWith(".drl")).toList();
        if (drls.isEmpty()) {
            throw new RuleLoadException(dir + ": no .drl rule files");
        }
        Instruments instruments = Instruments.load(dir.resolve("instruments.yaml"));
        LawParameters parameters = LawParameters.load(dir.resolve("parameters.yaml"));

        Map<String, Path> sources = new HashMap<>();
        for (Path drl : drls) {
            String relative = dir.relativize(drl).toString().replace('\\', '/');
            sources.put(RESOURCES + "rules/" + relative, drl);
        }
        checkParameterNames(sources, parameters);
        RuleSourceCheck.checkFactPaths(sources, parameters);
        ClassLoader classLoader = RuleBase.class.getClassLoader();
        long start = System.nanoTime();
        RuleBaseCache.Build build = cache.dir() == null ? null : cache.build(sources, classLoader);
        KieBase kieBase;
        String howBuilt;
        if (build != null) {
            kieBase = build.kieBase();
            howBuilt = build.stats().toString();
        } else {
            kieBase = compileClassic(sources, dir, classLoader);
            howBuilt = "compiled " + drls.size() + " rule files in one build in " + (System.nanoTime() - start) / 1_000_000
                    + " ms" + (cache.dir() == null ? " (no cache)" : "");
        }

        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Path file = fileOf(rule, sources, dir);
                List<String> problems = new ArrayList<>();
                RuleInfo info = RuleInfo.read(rule.getName(), file.toString(), rule.getMetaData(), instruments, problems);
                if (info.id() != null) {
                    RuleInfo twin = byId.putIfAbsent(info.id(), info);
                    if (twin != null) {
                        problems.add("@id " + info.id() + " is already used by rule '" + twin.name() + "' in " + twin.file());
                    }
                }
                checkOrder(rule, info, problems);
                if (!problems.isEmpty()) {
                    throw new RuleLoadException(file + ":" + lineOf(file, rule.getName()) + ": rule '" + rule.getName()
                            + "': " + String.join("; ", problems));
                }
                byName.put(key(rule), info);
            }
        }
        RuleSourceCheck.checkCatalogue(List.copyOf(byName.values()), ProvisionRegister.load(dir.resolve("provisions.yaml")), dir);
        RuleSourceCheck.checkActs(List.copyOf(byName.values()));
        return new RuleBase(dir, kieBase, byName, parameters, instruments, hash(dir, files), howBuilt);
    }

    /** The classic build: every file in one KieFileSystem, one KieBuilder, the KieBase from a KieContainer. */
    private static KieBase compileClassic(Map<String, Path> sources, Path dir, ClassLoader classLoader) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("vn.lgm", "rules-" + UUID.randomUUID(), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        for (Map.Entry<String, Path> e : new java.util.TreeMap<>(sources).entrySet()) {
            kfs.write(e.getKey(), read(e.getValue()));
        }
        KieBuilder builder = ks.newKieBuilder(kfs, classLoader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            Message first = errors.get(0);
            Path file = sourceOf(first.getPath(), sources, dir);
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error(s))" : "";
            throw new RuleLoadException(file + ":" + first.getLine() + ": " + oneLine(first.getText()) + more);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        KieBase kieBase = container.getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /** How the KieBase was made: compiled (and how long it took) or taken from the cache. */
    public String howBuilt() {
        return howBuilt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public RuleInfo info(Rule rule) {
        RuleInfo info = byRule.get(rule);
        return info != null ? info : byName.get(key(rule));
    }

    /** Every rule, ordered by id. */
    public List<RuleInfo> catalogue() {
        return catalogue;
    }

    public LawParameters parameters() {
        return parameters;
    }

    public Instruments instruments() {
        return instruments;
    }

    /** SHA-256 over every file under the rules directory (rules, parameters, instruments). */
    public String version() {
        return version;
    }

    public Path dir() {
        return dir;
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "." + rule.getName();
    }

    /**
     * Definitions fire before any finding rule, so a finding rule that matches the absence of a derived fact
     * ({@code not LicenceRegime(...)}) sees every definition already applied: definitions carry a positive salience
     * ({@code salience 100}), finding rules none.
     */
    private static void checkOrder(Rule rule, RuleInfo info, List<String> problems) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && info.kind() != null) {
            int salience = impl.getSalienceValue();
            if (info.isDefinition() && salience <= 0) {
                problems.add("a DEFINITION rule needs 'salience 100' so it is applied before the findings rules");
            } else if (!info.isDefinition() && salience != 0) {
                problems.add("only DEFINITION rules take a salience; findings rules fire in any order");
            }
        }
    }

    /** The file a compiler message points at (Drools reports paths with or without the resources prefix). */
    private static Path sourceOf(String path, Map<String, Path> sources, Path dir) {
        if (path == null) {
            return dir;
        }
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            if (e.getKey().equals(path) || e.getKey().endsWith("/" + path)) {
                return e.getValue();
            }
        }
        return dir;
    }

    /** The file that declares the rule: among the files of its package's folder, the one naming it. */
    private static Path fileOf(Rule rule, Map<String, Path> sources, Path dir) {
        String folder = RESOURCES + rule.getPackageName().replace('.', '/') + "/";
        for (Map.Entry<String, Path> e : sources.entrySet()) {
            if (e.getKey().startsWith(folder) && lineOf(e.getValue(), rule.getName()) > 0) {
                return e.getValue();
            }
        }
        return sources.values().stream().filter(p -> lineOf(p, rule.getName()) > 0).findFirst().orElse(dir);
    }

    /** Every parameter a rule file or a rule's text names must exist in parameters.yaml. */
    private static void checkParameterNames(Map<String, Path> sources, LawParameters parameters) {
        for (Path file : sources.values()) {
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = PARAMETER_USE.matcher(lines.get(i));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!parameters.all().containsKey(key)) {
                        throw new RuleLoadException(file + ":" + (i + 1) + ": unknown parameter '" + key
                                + "'; parameters.yaml has " + parameters.all().keySet());
                    }
                }
            }
        }
    }

    static int lineOf(Path file, String ruleName) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        List<String> lines = read(file).lines().toList();
        Pattern declaration = Pattern.compile("^\\s*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|'"
                + Pattern.quote(ruleName) + "'|" + Pattern.quote(ruleName) + "(?=\\s|$))");
        for (int i = 0; i < lines.size(); i++) {
            if (declaration.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleLoadException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String hash(Path dir, List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dates these rules can answer for: from the earliest date a findings rule judged on the assessment date is in
     * force (definitions and grant conditions judged on a licence's issue date reach further back, but say nothing of
     * an assessment date) to {@link LawSpan#LATEST}.
     */
    public LawSpan lawSpan() {
        LocalDate from = catalogue().stream()
                .filter(r -> !r.isDefinition() && r.judgedOn() == JudgedOn.ASSESSMENT)
                .map(RuleInfo::inForce).filter(f -> f != null && f.from() != null)
                .map(f -> f.from()).min(LocalDate::compareTo).orElse(LocalDate.of(2025, 7, 1));
        return new LawSpan(from, LawSpan.LATEST);
    }
}
