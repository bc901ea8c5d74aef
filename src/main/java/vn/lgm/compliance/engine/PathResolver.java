package vn.lgm.compliance.engine;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a value out of the project by its JSON path, e.g. {@code exports[0].product} or {@code site.areaKm2}. */
final class PathResolver {

    private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();

    private PathResolver() {
    }

    static Object resolve(Object root, String path) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            current = property(current, name, path);
            if (bracket >= 0 && current != null) {
                int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
                List<?> list = (List<?>) current;
                current = index < list.size() ? list.get(index) : null;
            }
        }
        return current;
    }

    private static Object property(Object target, String name, String path) {
        Class<?> type = target.getClass();
        Method accessor = ACCESSORS.computeIfAbsent(type.getName() + "#" + name, k -> {
            try {
                return type.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("a rule names path '" + path + "' but " + type.getSimpleName()
                        + " has no field '" + name + "'");
            }
        });
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
