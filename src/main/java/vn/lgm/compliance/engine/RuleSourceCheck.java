package vn.lgm.compliance.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lgm.compliance.contract.model.ExportItem;
import vn.lgm.compliance.contract.model.Mineral;
import vn.lgm.compliance.contract.model.Partner;
import vn.lgm.compliance.contract.model.Project;

/**
 * Checks the rule files against the model and the provision register when the rules load, so that a mistyped fact
 * path, a provision named on a rule but not in rules/provisions.yaml (or the reverse), a rule in the wrong area's
 * folder or out of the catalogue's order stops the load with {@code file:line}, instead of surfacing when the rule
 * first fires.
 */
final class RuleSourceCheck {

    /** A string literal in a consequence that reads like a fact path; {@code .at("x")} names a field of a list entry. */
    private static final Pattern LITERAL = Pattern.compile("(\\.at\\(\\s*)?\"([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z0-9]*)*)\"");

    /** Folder → area: every finding rule of a folder belongs to that folder's area. */
    private static final Map<String, String> AREAS = Map.of("export", "EXPORT", "approval", "APPROVAL",
            "auction", "AUCTION", "technology", "TECHNOLOGY", "environment", "ENVIRONMENT", "rare-earth", "RARE_EARTH",
            "foreign-investment", "FOREIGN_INVESTMENT", "operations", "OPERATIONS");

    private RuleSourceCheck() {
    }

    /** Every fact path named in a rule's consequence exists in the description's model. */
    static void checkFactPaths(Map<String, Path> sources, LawParameters parameters) {
        for (Path file : sources.values()) {
            List<String> lines = RuleBase.read(file).lines().toList();
            boolean consequence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.equals("then")) {
                    consequence = true;
                    continue;
                }
                if (line.equals("end")) {
                    consequence = false;
                    continue;
                }
                if (!consequence || line.startsWith("//")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(lines.get(i));
                while (m.find()) {
                    String text = m.group(2);
                    boolean entryField = m.group(1) != null;
                    if (!entryField && isParameter(text, parameters)) {
                        continue;
                    }
                    String problem = entryField ? entryField(text) : path(text);
                    if (problem != null) {
                        throw new RuleLoadException(file + ":" + (i + 1) + ": " + problem);
                    }
                }
            }
        }
    }

    /** A parameter key, or the prefix of keys set per mineral group ({@code forGroup}). */
    private static boolean isParameter(String text, LawParameters parameters) {
        return parameters.all().containsKey(text)
                || parameters.all().keySet().stream().anyMatch(k -> k.startsWith(text + ".group"));
    }

    private static String entryField(String field) {
        for (Class<?> type : List.of(Mineral.class, Partner.class, ExportItem.class)) {
            if (component(type, field) != null) {
                return null;
            }
        }
        return "a rule names the list-entry field '" + field + "', which no entry of minerals[], partners[] or exports[] has";
    }

    /** Null when the path exists in the model (a record field at every step), else the problem. */
    static String path(String path) {
        Type type = Project.class;
        for (String step : path.split("\\.")) {
            Class<?> raw = raw(type);
            if (List.class.isAssignableFrom(raw)) {
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
                raw = raw(type);
            }
            RecordComponent c = raw.isRecord() ? component(raw, step) : null;
            if (c == null) {
                return "a rule names the fact '" + path + "', but the description has no field '" + step + "' there"
                        + " (see docs/CONTRACT.md and the model)";
            }
            type = c.getGenericType();
        }
        return null;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static RecordComponent component(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The provisions named on the rules ({@code @provision}) and in rules/provisions.yaml agree both ways; each finding
     * rule sits in its area's folder; within a file, rules follow the catalogue's order of their first provision.
     */
    static void checkCatalogue(List<RuleInfo> rules, ProvisionRegister register, Path dir) {
        Map<String, Integer> position = new HashMap<>();
        Map<String, Set<String>> listed = new HashMap<>();
        for (ProvisionRegister.Entry e : register.entries()) {
            position.put(e.id(), position.size());
            listed.put(e.id(), new LinkedHashSet<>(e.rules()));
        }
        for (RuleInfo r : rules) {
            String where = r.file() + ":" + RuleBase.lineOf(Path.of(r.file()), r.name()) + ": rule " + r.id() + ": ";
            for (String p : r.provisions()) {
                if (!position.containsKey(p)) {
                    throw new RuleLoadException(where + "@provision names '" + p + "', which rules/provisions.yaml does not have");
                }
                if (!listed.get(p).contains(r.id())) {
                    throw new RuleLoadException(where + "@provision names " + p + ", but rules/provisions.yaml does not list "
                            + r.id() + " under " + p);
                }
            }
            if (!r.isDefinition()) {
                String folder = Path.of(r.file()).getParent().getFileName().toString();
                String expected = AREAS.get(folder);
                if (expected != null && r.area() != null && !expected.equals(r.area().name())) {
                    throw new RuleLoadException(where + "@area(\"" + r.area() + "\") but the rule sits in " + folder
                            + "/, the folder of " + expected);
                }
            }
        }
        Map<String, RuleInfo> byId = new HashMap<>();
        rules.forEach(r -> byId.put(r.id(), r));
        for (ProvisionRegister.Entry e : register.entries()) {
            for (String id : e.rules()) {
                RuleInfo r = byId.get(id);
                if (r == null) {
                    throw new RuleLoadException(dir.resolve("provisions.yaml") + ": " + e.id() + " lists rule " + id
                            + ", which no rule file defines");
                }
                if (!r.provisions().contains(e.id())) {
                    throw new RuleLoadException(r.file() + ":" + RuleBase.lineOf(Path.of(r.file()), r.name()) + ": rule "
                            + id + " is listed under " + e.id() + " in rules/provisions.yaml but its @provision does not name it");
                }
            }
        }
        checkOrder(rules, position);
    }

    /** Within a file, findings rules follow the catalogue's order of their first provision. */
    static void checkOrder(List<RuleInfo> rules, Map<String, Integer> position) {
        Map<String, List<RuleInfo>> byFile = new HashMap<>();
        rules.stream().filter(r -> !r.isDefinition() && !r.provisions().isEmpty()).forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        for (List<RuleInfo> inFile : byFile.values()) {
            inFile.sort(Comparator.comparingInt(r -> RuleBase.lineOf(Path.of(r.file()), r.name())));
            int last = -1;
            RuleInfo previous = null;
            for (RuleInfo r : inFile) {
                int p = r.provisions().stream().mapToInt(position::get).min().orElse(-1);
                if (p < last) {
                    throw new RuleLoadException(r.file() + ":" + RuleBase.lineOf(Path.of(r.file()), r.name()) + ": rule "
                            + r.id() + " (" + r.provisions().get(0) + ") comes after " + previous.id() + " ("
                            + previous.provisions().get(0) + "): rules follow the catalogue's order within a file");
                }
                last = p;
                previous = r;
            }
        }
    }

    /** A list-entry fact a rule's {@code when} matches (not under {@code not}, {@code exists} or {@code collect}). */
    private static final Pattern ENTRY_PATTERN = Pattern.compile(
            "(?<!not )(?<!exists )(?<!collect\\( )(?<!collect\\()\\b(MineralLine|PartnerLine|ExportLine)\\s*\\(");

    /**
     * The rules of one act ({@code @act}) can be one finding: at least two rules name it (one alone is a misspelt
     * act), in the same area, with the same outcome and due point (so their findings weigh the same), each matching
     * the same kinds of list entry (the entries that make one act), each at its own place ({@code @actOrder}).
     */
    static void checkActs(List<RuleInfo> rules) {
        Map<String, List<RuleInfo>> byAct = new java.util.TreeMap<>();
        rules.stream().filter(r -> r.act() != null).forEach(r -> byAct.computeIfAbsent(r.act(), a -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<RuleInfo>> e : byAct.entrySet()) {
            List<RuleInfo> act = e.getValue();
            act.sort(Comparator.comparing(RuleInfo::actOrder, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(RuleInfo::id));
            RuleInfo first = act.get(0);
            if (act.size() < 2) {
                throw new RuleLoadException(where(first) + "@act(\"" + e.getKey() + "\") is named by this rule only: an act"
                        + " is judged by two or more rules (is the act's name misspelt?)");
            }
            List<String> entries = entryTypes(first);
            Set<Integer> orders = new java.util.HashSet<>();
            for (RuleInfo r : act) {
                String differs = r.area() != first.area() ? "has @area " + r.area() + " where " + first.id() + " has " + first.area()
                        : r.outcome() != first.outcome() ? "has @outcome " + r.outcome() + " where " + first.id() + " has " + first.outcome()
                        : r.dueAt() != first.dueAt() ? "has @dueAt " + r.dueAt() + " where " + first.id() + " has " + first.dueAt()
                        : !entryTypes(r).equals(entries) ? "matches the entries " + entryTypes(r) + " where " + first.id()
                                + " matches " + entries
                        : null;
                if (differs != null) {
                    throw new RuleLoadException(where(r) + "@act(\"" + e.getKey() + "\"): the rules of one act share their"
                            + " area, outcome, due point and the list entries they match; this rule " + differs);
                }
                if (!orders.add(r.actOrder())) {
                    throw new RuleLoadException(where(r) + "@act(\"" + e.getKey() + "\"): @actOrder(" + r.actOrder()
                            + ") is already another rule's place in the act");
                }
            }
        }
    }

    private static String where(RuleInfo r) {
        return r.file() + ":" + RuleBase.lineOf(Path.of(r.file()), r.name()) + ": rule " + r.id() + ": ";
    }

    /** The kinds of list entry a rule's {@code when} matches, in order (comments left out). */
    static List<String> entryTypes(RuleInfo rule) {
        String text = RuleBase.read(Path.of(rule.file())).replaceAll("(?m)//.*$", "");
        Matcher m = Pattern.compile("(?ms)^rule\\s+\"" + Pattern.quote(rule.name()) + "\"(.*?)^when\\s*$(.*?)^then\\s*$")
                .matcher(text);
        List<String> types = new ArrayList<>();
        if (m.find()) {
            Matcher p = ENTRY_PATTERN.matcher(m.group(2));
            while (p.find()) {
                types.add(p.group(1));
            }
        }
        types.sort(null);
        return types;
    }
}
