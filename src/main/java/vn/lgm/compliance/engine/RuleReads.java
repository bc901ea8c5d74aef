package vn.lgm.compliance.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.lgm.compliance.engine.facts.Asks;
import vn.lgm.compliance.contract.model.ExportItem;
import vn.lgm.compliance.contract.model.Mineral;
import vn.lgm.compliance.contract.model.Partner;
import vn.lgm.compliance.contract.model.Project;

/**
 * What each rule can ever read, from its source: the facts its {@code when} matches on (with, for a derived fact it
 * matches, everything the definitions that derive it read), and the facts it can ask: those its consequence names. Facts are
 * named by their form key, without list indices ({@code exports.product}, {@code licence.type}).
 *
 * <p>An over-approximation by design: the interview uses it to bound the questions that can still come (a rule whose
 * {@code when} reads only known facts and that has no open finding will never ask anything; any other rule may ask
 * at most the unknown facts its consequence reads).
 */
public final class RuleReads {

    /**
     * The facts a rule's {@code when} reads; those it can ask (the facts its consequence names, and those of the derived
     * facts its consequence uses, whose definitions ask them when unknown); and whether a legal number it uses takes another value
     * within the rule's time in force (then the date it is judged on can change its outcome).
     */
    public record Reads(Set<String> when, Set<String> asks, boolean datedNumbers) {
    }

    private static final Pattern RULE = Pattern.compile(
            "(?ms)^rule\\s+\"([^\"]+)\"(.*?)^when\\s*$(.*?)^then\\s*$(.*?)^end\\s*$");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.$\"])([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)");
    private static final Pattern DERIVED = Pattern.compile("\\b([A-Z][A-Za-z]+)\\s*\\(");
    private static final Pattern INSERTS = Pattern.compile("new\\s+([A-Z][A-Za-z]+)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("(?:\\$(\\w+)\\.at\\(\\s*)?\"([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)\"");
    private static final Pattern BINDING = Pattern.compile("\\$(\\w+)\\s*:\\s*([A-Z][A-Za-z]+)\\s*\\(");
    private static final Map<String, Class<?>> LISTS = Map.of("minerals", Mineral.class, "partners", Partner.class,
            "exports", ExportItem.class);
    private static final Map<String, String> LINES = Map.of("MineralLine", "minerals", "PartnerLine", "partners",
            "ExportLine", "exports");

    /** A rule's {@code when} and {@code then}, comments removed. */
    private record Source(String when, String then) {
    }

    private RuleReads() {
    }

    /** Per rule name, what it reads. */
    public static Map<String, Reads> of(RuleBase rules) {
        Map<String, Source> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(rules.dir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                Matcher m = RULE.matcher(withoutComments(Files.readString(f)));
                while (m.find()) {
                    sources.put(m.group(1), new Source(m.group(3), m.group(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a derived type → the facts its definitions read (their own derived types resolved below)
        Map<String, Set<String>> derivedBy = new HashMap<>();
        sources.forEach((name, s) -> {
            Matcher m = INSERTS.matcher(s.then());
            while (m.find()) {
                derivedBy.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(name);
            }
        });
        Map<String, Reads> out = new HashMap<>();
        for (String name : sources.keySet()) {
            Set<String> when = new LinkedHashSet<>();
            whenReads(name, sources.get(name).when(), sources, derivedBy, when, new HashSet<>());
            Set<String> all = new LinkedHashSet<>();
            Source source = sources.get(name);
            thenReads(source.when(), source.then(), all);
            Matcher b = BINDING.matcher(source.when());
            while (b.find()) {
                if (source.then().contains("$" + b.group(1)) && derivedBy.containsKey(b.group(2))) {
                    asksOf(b.group(2), sources, derivedBy, all);
                }
            }
            out.put(name, new Reads(Set.copyOf(when), Set.copyOf(all), false));
        }
        for (RuleInfo r : rules.catalogue()) {
            Reads reads = out.get(r.name());
            if (reads == null) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>(reads.asks());
            if (r.judgedOn() == JudgedOn.ISSUE) {
                all.add("licence.issuedOn");
            }
            if (r.judgedOn() == JudgedOn.AUCTION) {
                all.add("licence.auctionWonOn");
            }
            if (r.dueAt() != null) {
                all.addAll(List.of("stage", "operations.constructionStarted", "transfer.completed"));
            }
            out.put(r.name(), new Reads(reads.when(), Set.copyOf(all),
                    datedNumbers(r, sources.get(r.name()).then(), rules.parameters())));
        }
        return out;
    }

    private static void whenReads(String name, String when, Map<String, Source> sources,
                                  Map<String, Set<String>> derivedBy, Set<String> out, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        Matcher d = DERIVED.matcher(when);
        while (d.find()) {
            String type = d.group(1);
            String inside = inside(when, d.end() - 1);
            if (type.equals("Project")) {
                if (inside.contains("does(") || inside.contains("doesAny(")) {
                    out.add("activities");
                }
                if (inside.contains("stageAtLeast(")) {
                    out.add("stage");
                }
                names(inside, ident -> RuleSourceCheck.path(ident) == null ? ident : null, out);
            } else if (LINES.containsKey(type)) {
                String list = LINES.get(type);
                out.add(list);
                names(inside, ident -> entryKey(list, LISTS.get(list), ident), out);
            }
            for (String definition : derivedBy.getOrDefault(type, Set.of())) {
                Source s = sources.get(definition);
                whenReads(definition, s.when(), sources, derivedBy, out, seen);
                thenReads(s.when(), s.then(), out);
            }
        }
    }

    /**
     * True when a parameter the rule names (in its consequence or its texts; a prefix names a per-group family) has a
     * value that starts after the rule comes into force: judged on another date, the rule may read another number.
     */
    private static boolean datedNumbers(RuleInfo rule, String then, LawParameters parameters) {
        String texts = then + " " + rule.explanation() + " " + rule.remediation();
        for (LawParameters.Parameter p : parameters.all().values()) {
            String family = p.key().replaceAll("\\.group[A-Z]+$", "");
            if (!texts.contains("\"" + p.key() + "\"") && !texts.contains("{param:" + p.key() + "}")
                    && !texts.contains("\"" + family + "\"")) {
                continue;
            }
            for (LawParameters.Value v : p.values()) {
                if (v.from().isAfter(rule.inForce().from())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What a derived fact used in a consequence can ask when it is unknown: the facts its definitions' consequences
     * name (a decisive fact), and those its class declares ({@link Asks}).
     */
    private static void asksOf(String type, Map<String, Source> sources, Map<String, Set<String>> derivedBy, Set<String> out) {
        for (String definition : derivedBy.get(type)) {
            Source s = sources.get(definition);
            thenReads(s.when(), s.then(), out);
        }
        try {
            Asks asks = Class.forName("vn.lgm.compliance.engine.facts." + type).getAnnotation(Asks.class);
            if (asks != null) {
                out.addAll(List.of(asks.value()));
            }
        } catch (ClassNotFoundException e) {
            // a type declared in DRL: its definitions' consequences say what it asks
        }
    }

    /** The text between the parenthesis at {@code open} and the one that closes it. */
    private static String inside(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return text.substring(open + 1);
    }

    /** The names in a pattern's constraints that resolve to a form key. */
    private static void names(String constraints, java.util.function.Function<String, String> resolve, Set<String> out) {
        Matcher m = IDENT.matcher(constraints);
        while (m.find()) {
            String key = resolve.apply(m.group(1));
            if (key != null) {
                out.add(key);
            }
        }
    }

    private static void thenReads(String when, String then, Set<String> out) {
        Map<String, String> bound = new HashMap<>();
        Matcher b = BINDING.matcher(when);
        while (b.find()) {
            bound.put(b.group(1), LINES.get(b.group(2)));
        }
        Matcher m = LITERAL.matcher(then);
        while (m.find()) {
            if (m.group(1) != null) {
                String list = bound.get(m.group(1));
                if (list != null) {
                    String k = entryKey(list, LISTS.get(list), m.group(2));
                    if (k != null) {
                        out.add(k);
                    }
                }
            } else if (RuleSourceCheck.path(m.group(2)) == null) {
                out.add(m.group(2));
            }
        }
    }

    private static String entryKey(String list, Class<?> type, String field) {
        String first = field.split("\\.")[0];
        for (var c : type.getRecordComponents()) {
            if (c.getName().equals(first)) {
                return list + "." + field;
            }
        }
        return null;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?m)^\\s*//.*$", "");
    }

    /**
     * The concrete paths of a form key that the description leaves unknown: {@code licence.type} when it is null;
     * {@code exports[i].product} for each entry without it ({@code exports[0].product} when there is no entry).
     */
    public static List<String> unknownPaths(Project project, String key) {
        int dot = key.indexOf('.');
        String head = dot < 0 ? key : key.substring(0, dot);
        if (LISTS.containsKey(head)) {
            Object list = PathResolver.resolve(project, head);
            int n = list instanceof List<?> l ? l.size() : 0;
            if (dot < 0) {
                return n == 0 ? List.of(head) : List.of();
            }
            if (n == 0) {
                return List.of(head + "[0]" + key.substring(dot));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = head + "[" + i + "]" + key.substring(dot);
                if (PathResolver.resolve(project, path) == null) {
                    out.add(path);
                }
            }
            return out;
        }
        Object v = PathResolver.resolve(project, key);
        return v == null || v instanceof java.util.Collection<?> c && c.isEmpty() ? List.of(key) : List.of();
    }
}
