package vn.lgm.compliance.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Project;

/**
 * The list entries of a description (minerals[], partners[], exports[]) as findings name them: an entry identical to an
 * earlier one of the same list is that entry said again, so the engine inserts only the first of identical entries and
 * a finding about it names all of them ({@code Finding.entries}): a finding that would repeat for identical entries is
 * stated once. Entries that differ in any field, even one no rule reads, stay separate.
 */
public final class Entries {

    /** The lists whose entries the rules match one by one. */
    static final List<String> LISTS = List.of("minerals", "partners", "exports");

    private static final Entries NONE = new Entries(Map.of(), Set.of());

    /** First entry of identical ones → all of them, in the description's order (only entries with a twin). */
    private final Map<String, List<String>> twins;
    /** Entries identical to an earlier one: not inserted. */
    private final Set<String> repeats;

    private Entries(Map<String, List<String>> twins, Set<String> repeats) {
        this.twins = twins;
        this.repeats = repeats;
    }

    /** The identical entries of the project's lists. */
    public static Entries of(Project project) {
        Map<String, List<String>> twins = new HashMap<>();
        Set<String> repeats = new java.util.HashSet<>();
        for (String list : LISTS) {
            List<?> items = switch (list) {
                case "minerals" -> project.minerals();
                case "partners" -> project.partners();
                default -> project.exports();
            };
            if (items == null || items.size() < 2) {
                continue;
            }
            Map<Object, String> first = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item == null) {
                    continue;
                }
                String path = list + "[" + i + "]";
                String original = first.putIfAbsent(item, path);
                if (original != null) {
                    repeats.add(path);
                    twins.computeIfAbsent(original, k -> new ArrayList<>(List.of(k))).add(path);
                }
            }
        }
        return twins.isEmpty() ? NONE : new Entries(twins, repeats);
    }

    /** False for an entry identical to an earlier one of its list: the rules see the first one only. */
    public boolean inserted(String list, int index) {
        return repeats.isEmpty() || !repeats.contains(list + "[" + index + "]");
    }

    /** The entries a finding concerns: those its facts name, each followed by the entries identical to it. */
    public List<String> of(List<FactValue> facts, List<String> missing) {
        List<String> named = named(facts, missing);
        if (twins.isEmpty() || named.isEmpty()) {
            return named;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String e : named) {
            out.addAll(twins.getOrDefault(e, List.of(e)));
        }
        return List.copyOf(out);
    }

    /** The entries the facts and missing facts name ("exports[0]" for "exports[0].product"), in order of first mention. */
    public static List<String> named(List<FactValue> facts, List<String> missing) {
        Set<String> out = null;
        for (FactValue f : facts) {
            out = add(out, f.path());
        }
        for (String m : missing) {
            out = add(out, m);
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    private static Set<String> add(Set<String> out, String path) {
        String entry = entry(path);
        if (entry == null) {
            return out;
        }
        Set<String> s = out == null ? new LinkedHashSet<>() : out;
        s.add(entry);
        return s;
    }

    /** "exports[0]" for a path inside that entry, else null. */
    static String entry(String path) {
        int bracket = path.indexOf('[');
        if (bracket < 0) {
            return null;
        }
        int close = path.indexOf(']', bracket);
        if (close < 0 || !LISTS.contains(path.substring(0, bracket))) {
            return null;
        }
        return path.substring(0, close + 1);
    }
}
