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
import vn.lgm.compliance.engine.req.Tri;
import vn.lgm.compliance.contract.model.Derived;
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
     * within the rule's time in force (then the date it is judged on can change its outcome). {@code conditions}: the
     * facts its consequence reads as conditions ({@code given(...)}, {@code breach(...)}) — whether the provision
     * applies at all — as opposed to what it requires; {@code guard}: the simple constraints of its {@code when}.
     */
    public record Reads(Set<String> when, Set<String> asks, boolean datedNumbers, Set<String> conditions, Guard guard,
                        Map<String, Set<String>> alternatives, Set<java.time.LocalDate> dates) {

        /**
         * The facts to ask before this one: in {@code eitherOf(a, b, ...)} the facts of an earlier alternative, whose
         * answer may meet the requirement alone (a share of equity before financing commitments).
         */
        public Set<String> before(String key) {
            return alternatives.getOrDefault(key, Set.of());
        }
    }

    private static final Pattern RULE = Pattern.compile(
            "(?ms)^rule\\s+\"([^\"]+)\"(.*?)^when\\s*$(.*?)^then\\s*$(.*?)^end\\s*$");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w.$\"])([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)");
    private static final Pattern DERIVED = Pattern.compile("\\b([A-Z][A-Za-z]+)\\s*\\(");
    private static final Pattern INSERTS = Pattern.compile("new\\s+([A-Z][A-Za-z]+)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("(?:\\$(\\w+)\\.at\\(\\s*)?\"([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)\"");
    private static final Pattern DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"");
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
            Set<String> conditions = new LinkedHashSet<>();
            for (String part : conditionArguments(source.then())) {
                thenReads(source.when(), part, conditions);
                Matcher used = BINDING.matcher(source.when());
                while (used.find()) {
                    if (part.contains("$" + used.group(1)) && derivedBy.containsKey(used.group(2))) {
                        asksOf(used.group(2), sources, derivedBy, conditions);
                    }
                }
            }
            Set<java.time.LocalDate> dates = new LinkedHashSet<>();
            Matcher d = DATE.matcher(source.then());
            while (d.find()) {
                dates.add(java.time.LocalDate.parse(d.group(1)));
            }
            out.put(name, new Reads(Set.copyOf(when), Set.copyOf(all), false, Set.copyOf(conditions), Guard.of(source.when()),
                    alternatives(source.when(), source.then()), Set.copyOf(dates)));
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
                    datedNumbers(r, sources.get(r.name()).then(), rules.parameters()), reads.conditions(), reads.guard(),
                    reads.alternatives(), reads.dates()));
        }
        return out;
    }

    /**
     * The arguments of a consequence that are conditions: those of {@code findings.given(kcontext, ...)} and of
     * {@code findings.breach(kcontext, ...)} (a prohibition: every fact it names is a condition).
     */
    private static List<String> conditionArguments(String then) {
        List<String> out = new ArrayList<>();
        for (String call : List.of("findings.given(", "findings.breach(")) {
            int at = then.indexOf(call);
            if (at >= 0) {
                out.add(inside(then, at + call.length() - 1));
            }
        }
        return out;
    }

    /** For each fact in a later alternative of an {@code eitherOf(...)}, the facts of the alternatives before it. */
    private static Map<String, Set<String>> alternatives(String when, String then) {
        Map<String, Set<String>> out = new HashMap<>();
        int at = then.indexOf("eitherOf(");
        while (at >= 0) {
            String args = inside(then, at + "eitherOf".length());
            Set<String> earlier = new LinkedHashSet<>();
            for (String alternative : Guard.split(args, ",")) {
                Set<String> keys = new LinkedHashSet<>();
                thenReads(when, alternative, keys);
                for (String k : keys) {
                    if (!earlier.contains(k) && !earlier.isEmpty()) {
                        out.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(earlier);
                    }
                }
                earlier.addAll(keys);
            }
            at = then.indexOf("eitherOf(", at + 1);
        }
        Map<String, Set<String>> copy = new HashMap<>();
        out.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
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
     * The simple constraints of a rule's {@code when}, for telling that it can never fire on a description: each
     * top-level pattern on the project, a list entry ({@code MineralLine}, {@code ExportLine}, {@code PartnerLine}) or
     * a mineral's group ({@code MineralGroup}, {@code PrincipalGroup}), with its constraints, parsed once. A constraint
     * is judged on the facts given only: one that reads an unknown fact, or that this reading does not understand (a
     * negated pattern, a binding to another pattern, a function), may still hold. Facts once given stay given in an
     * interview, so a rule whose guard is false on them stays unable to fire.
     */
    public static final class Guard {

        /** A constraint, judged on a pattern's target (the project, a list entry, or a group's name). */
        private interface Constraint {
            Tri on(Object target);
        }

        private record Pattern(String type, List<Constraint> constraints) {
        }

        private static final Constraint HOLDS = t -> Tri.TRUE;
        private static final Constraint MAY_HOLD = t -> Tri.UNKNOWN;
        private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile(
                "\\G\\s*(?:\\$\\w+\\s*:\\s*)?(not\\b|\\(|(?:[a-z]\\w*\\.)*[A-Z][A-Za-z]*\\s*\\()");
        private static final java.util.regex.Pattern COLLECT = java.util.regex.Pattern.compile("\\G\\s*from\\s+collect\\s*\\(");
        private static final java.util.regex.Pattern BOUND = java.util.regex.Pattern.compile("^\\$\\w+\\s*:\\s*(.*)$");
        private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("^(does|doesAny|stageAtLeast)\\((.*)\\)$");
        private static final java.util.regex.Pattern ATOM = java.util.regex.Pattern.compile(
                "^([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)*)\\s*(==|!=|>=|<=|>|<|\\bin\\b)\\s*(.+)$");
        private static final Set<String> TYPES = Set.of("Project", "MineralLine", "ExportLine", "PartnerLine",
                "MineralGroup", "PrincipalGroup");

        private final List<Pattern> patterns;
        /** False when the {@code when} holds a pattern this reading skips (a negation, a group, another derived fact). */
        private final boolean understood;

        private Guard(List<Pattern> patterns, boolean understood) {
            this.patterns = patterns;
            this.understood = understood;
        }

        static Guard of(String when) {
            List<Pattern> out = new ArrayList<>();
            boolean understood = true;
            int i = 0;
            Matcher m = HEAD.matcher(when);
            while (i < when.length() && m.find(i)) {
                String head = m.group(1);
                if (head.equals("not")) {
                    understood = false;
                    // skip the negated pattern or group: it may hold whatever is given
                    Matcher next = HEAD.matcher(when);
                    if (!next.find(m.end())) {
                        break;
                    }
                    int open = next.end() - 1;
                    i = open + inside(when, open).length() + 2;
                    continue;
                }
                int open = m.end() - 1;
                String body = inside(when, open);
                i = open + body.length() + 2;
                Matcher tail = COLLECT.matcher(when);
                if (tail.find(i)) {
                    i = tail.end() - 1 + inside(when, tail.end() - 1).length() + 2;
                }
                if (head.equals("(")) {
                    understood = false;
                    continue;   // a group of alternatives: may hold
                }
                String type = head.substring(0, head.length() - 1).trim();
                if (TYPES.contains(type)) {
                    out.add(new Pattern(type, split(body, ",").stream().map(c -> parse(c.trim())).toList()));
                } else {
                    understood = false;
                }
            }
            return new Guard(List.copyOf(out), understood && when.substring(Math.min(i, when.length())).isBlank());
        }

        /** True when the facts given already make one of the rule's patterns false, whatever is added. */
        public boolean cannotFire(Project project, Derived derived) {
            for (Pattern p : patterns) {
                if (pattern(p, project, derived) == Tri.FALSE) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True when every pattern of the {@code when} is one this reading judges, and the facts given leave it open:
         * the rule is an answer away from firing.
         */
        public boolean open(Project project, Derived derived) {
            if (!understood) {
                return false;
            }
            boolean unknown = false;
            for (Pattern p : patterns) {
                Tri t = pattern(p, project, derived);
                if (t == Tri.FALSE) {
                    return false;
                }
                unknown |= t == Tri.UNKNOWN;
            }
            return unknown;
        }

        private static Tri pattern(Pattern p, Project project, Derived derived) {
            switch (p.type()) {
                case "Project":
                    return all(p.constraints(), project);
                case "MineralLine":
                    return project.minerals() == null || project.minerals().isEmpty() ? Tri.UNKNOWN : any(p.constraints(), project.minerals());
                case "ExportLine":
                    if (project.activities() != null && !project.does(vn.lgm.compliance.contract.model.Activity.EXPORT)) {
                        return Tri.FALSE;
                    }
                    return project.exports() == null ? Tri.UNKNOWN : any(p.constraints(), project.exports());
                case "PartnerLine":
                    return project.partners() == null ? Tri.UNKNOWN : any(p.constraints(), project.partners());
                default:
                    return group(p, project, derived);
            }
        }

        /** A group pattern, judged once every mineral is named (the groups depend on the names alone). */
        private static Tri group(Pattern p, Project project, Derived derived) {
            if (derived == null || project.minerals() == null || project.minerals().isEmpty()
                    || project.minerals().stream().anyMatch(m -> m == null || m.name() == null)) {
                return Tri.UNKNOWN;
            }
            List<String> groups = p.type().equals("PrincipalGroup")
                    ? derived.principalGroup() == null ? List.of() : List.of(derived.principalGroup())
                    : derived.mineralGroups() == null ? List.of() : derived.mineralGroups();
            if (groups.isEmpty()) {
                return Tri.UNKNOWN;   // an unclassified mineral: no group, and no reading of what may come
            }
            return any(p.constraints(), groups.stream().map(g -> (Object) Map.of("group", g)).toList());
        }

        /** The pattern matches some entry: true if one does, false if none can. */
        private static Tri any(List<Constraint> constraints, List<?> entries) {
            return or(entries, entry -> entry == null ? Tri.UNKNOWN : all(constraints, entry));
        }

        private static Tri all(List<Constraint> constraints, Object target) {
            return and(constraints, c -> c.on(target));
        }

        /** Kleene "or": true if one is, false if every one is, otherwise unknown. */
        private static <T> Tri or(List<T> items, java.util.function.Function<T, Tri> value) {
            Tri result = Tri.FALSE;
            for (T item : items) {
                Tri t = value.apply(item);
                if (t == Tri.TRUE) {
                    return t;
                }
                if (t == Tri.UNKNOWN) {
                    result = t;
                }
            }
            return result;
        }

        /** Kleene "and": false if one is, true if every one is, otherwise unknown. */
        private static <T> Tri and(List<T> items, java.util.function.Function<T, Tri> value) {
            return or(items, item -> value.apply(item).not()).not();
        }

        private static Constraint parse(String c) {
            if (c.isEmpty()) {
                return HOLDS;
            }
            Matcher bound = BOUND.matcher(c);
            if (bound.matches()) {
                String rest = bound.group(1).trim();
                // "$x : field" binds without constraining; "$x : field != null" constrains
                return rest.matches("[a-z][A-Za-z0-9.]*") ? HOLDS : parse(rest);
            }
            List<String> or = split(c, "||");
            if (or.size() > 1) {
                List<Constraint> parts = or.stream().map(x -> parse(x.trim())).toList();
                return t -> or(parts, p -> p.on(t));
            }
            List<String> and = split(c, "&&");
            if (and.size() > 1) {
                List<Constraint> parts = and.stream().map(x -> parse(x.trim())).toList();
                return t -> all(parts, t);
            }
            if (c.startsWith("!") && !c.startsWith("!=")) {
                Constraint inner = parse(c.substring(1).trim());
                return t -> inner.on(t).not();
            }
            if (c.startsWith("(") && c.endsWith(")") && inside(c, 0).length() == c.length() - 2) {
                return parse(c.substring(1, c.length() - 1).trim());
            }
            Matcher call = CALL.matcher(c);
            if (call.matches()) {
                List<String> args = split(call.group(2), ",").stream().map(a -> constant(a.trim())).toList();
                if (call.group(1).equals("stageAtLeast")) {
                    vn.lgm.compliance.contract.model.Stage stage = vn.lgm.compliance.contract.model.Stage.valueOf(args.get(0));
                    return t -> !(t instanceof Project p) ? Tri.UNKNOWN : p.stage() == null ? Tri.UNKNOWN : Tri.of(p.stage().atLeast(stage));
                }
                return t -> !(t instanceof Project p) || p.activities() == null ? Tri.UNKNOWN
                        : Tri.of(p.activities().stream().anyMatch(a -> args.contains(a.name())));
            }
            Matcher atom = ATOM.matcher(c);
            if (!atom.matches() || atom.group(3).contains("$") || atom.group(3).contains("(") && !atom.group(2).equals("in")) {
                return MAY_HOLD;
            }
            String path = atom.group(1);
            String op = atom.group(2);
            if (op.equals("in")) {
                String list = atom.group(3).trim();
                if (!list.startsWith("(") || !list.endsWith(")")) {
                    return MAY_HOLD;
                }
                List<String> values = split(list.substring(1, list.length() - 1), ",").stream().map(v -> constant(v.trim())).toList();
                return t -> {
                    Object actual = value(t, path);
                    return actual == null ? Tri.UNKNOWN : Tri.of(values.contains(String.valueOf(actual)));
                };
            }
            String wanted = constant(atom.group(3).trim());
            return t -> {
                Object actual = value(t, path);
                if (actual == null) {
                    return Tri.UNKNOWN;   // not given yet: may take any value
                }
                if (wanted == null) {
                    return Tri.of(op.equals("!="));   // a given fact is not null
                }
                if (actual instanceof Number n) {
                    double a = n.doubleValue();
                    double w;
                    try {
                        w = Double.parseDouble(wanted);
                    } catch (NumberFormatException ex) {
                        return Tri.UNKNOWN;
                    }
                    return Tri.of(switch (op) {
                        case "==" -> a == w;
                        case "!=" -> a != w;
                        case ">" -> a > w;
                        case "<" -> a < w;
                        case ">=" -> a >= w;
                        default -> a <= w;
                    });
                }
                return switch (op) {
                    case "==" -> Tri.of(String.valueOf(actual).equals(wanted));
                    case "!=" -> Tri.of(!String.valueOf(actual).equals(wanted));
                    default -> Tri.UNKNOWN;
                };
            };
        }

        private static Object value(Object target, String path) {
            return target instanceof Map<?, ?> m ? m.get(path) : PathResolver.resolve(target, path);
        }

        /** "Activity.EXPORT" → "EXPORT"; "\"III\"" → "III"; "null" → null; a number or boolean as written. */
        private static String constant(String v) {
            if (v.equals("null")) {
                return null;
            }
            if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
                return v.substring(1, v.length() - 1);
            }
            int dot = v.lastIndexOf('.');
            return dot > 0 && Character.isUpperCase(v.charAt(0)) ? v.substring(dot + 1) : v;
        }

        /** Splits at a separator outside parentheses and quotes. */
        static List<String> split(String text, String separator) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted && ch == '(') {
                    depth++;
                } else if (!quoted && ch == ')') {
                    depth--;
                } else if (!quoted && depth == 0 && text.startsWith(separator, i)) {
                    out.add(text.substring(start, i));
                    start = i + separator.length();
                    i += separator.length() - 1;
                }
            }
            out.add(text.substring(start));
            return out;
        }
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
