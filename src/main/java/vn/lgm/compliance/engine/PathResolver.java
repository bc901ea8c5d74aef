package vn.lgm.compliance.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a value out of the project by its JSON path, e.g. {@code exports[0].product} or {@code site.areaKm2}.
 * Paths are parsed once and accessors looked up once per class: this runs for every fact of every finding.
 */
final class PathResolver {

    /** One segment of a path: a field, and the list index after it (-1 for none). */
    private record Step(String name, int index) {
    }

    private static final Map<String, Step[]> PATHS = new ConcurrentHashMap<>();
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private PathResolver() {
    }

    static Object resolve(Object root, String path) {
        Object current = root;
        Step[] steps = PATHS.get(path);   // a plain read when present (computeIfAbsent costs more on this hot path)
        if (steps == null) {
            steps = PATHS.computeIfAbsent(path, PathResolver::parse);
        }
        for (Step step : steps) {
            if (current == null) {
                return null;
            }
            current = property(current, step.name(), path);
            if (step.index() >= 0 && current != null) {
                List<?> list = (List<?>) current;
                current = step.index() < list.size() ? list.get(step.index()) : null;
            }
        }
        return current;
    }

    private static Step[] parse(String path) {
        List<Step> steps = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            steps.add(bracket < 0 ? new Step(segment, -1)
                    : new Step(segment.substring(0, bracket), Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1))));
        }
        return steps.toArray(Step[]::new);
    }

    private static Object property(Object target, String name, String path) {
        Class<?> type = target.getClass();
        Map<String, Method> accessors = ACCESSORS.get(type);
        Method accessor = accessors.get(name);
        if (accessor == null) {
            accessor = accessors.computeIfAbsent(name, n -> {
                try {
                    Method m = type.getMethod(n);
                    m.setAccessible(true);   // no access check on each call: these are the model's public accessors
                    return m;
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException("a rule names path '" + path + "' but " + type.getSimpleName()
                            + " has no field '" + n + "'");
                }
            });
        }
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
