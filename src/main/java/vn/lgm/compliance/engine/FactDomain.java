package vn.lgm.compliance.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Stage;
import vn.lgm.compliance.contract.input.ProjectTree;

/**
 * Which facts a proponent can change, and the values a changed fact may take: both values of a yes/no fact, every
 * value of an enum, and for a number the legal thresholds in force (rules/parameters.yaml), the same thresholds as
 * a share of the section's other amounts, and zero. What the law or the past fixes is never proposed: the
 * project's identity, date, stage and activities, its minerals, where it is (province, district, commune, at sea,
 * underground), any date (issue, expiry, filing, auction), the licence's number, history and — once licensed —
 * how it was issued and allocated, and the proponent's record of violations.
 */
public final class FactDomain {

    /** Fact keys (list indexes dropped) that are never proposed. */
    private static final Set<String> FROZEN = Set.of(
            "id", "name", "assessmentDate", "stage", "activities",
            "minerals.name", "minerals.radioactive", "minerals.localName",
            "site.province", "site.district", "site.commune", "site.offshore", "site.underground",
            "exports.mineral", "exports.destination",
            "licence.number", "licence.issuedOn", "licence.expiresOn", "licence.applicationFiledOn", "licence.auctionWonOn",
            "licence.extensionCount", "licence.extensionMonths", "licence.note", "licence.type", "licence.renewalPending",
            "proponent.name", "proponent.seriousViolationsLast5Years",
            "partners.name", "partners.country", "partners.role",
            "transfer.rights", "transfer.mineInOperation", "operations.constructionStarted");

    /** Facts fixed once the licence is issued: how it was issued and allocated. */
    private static final Set<String> FROZEN_ONCE_LICENSED = Set.of(
            "licence.issuedBy", "licence.allocation", "licence.noAuctionBasis", "licence.areaExplored",
            "licence.statesReserveTermAndArea");

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Map<String, Class<?>> TYPES = new ConcurrentHashMap<>();

    private FactDomain() {
    }

    /** "exports[0].product" → "exports.product". */
    public static String key(String path) {
        return INDEX.matcher(path).replaceAll("");
    }

    public static boolean changeable(String path, Project project) {
        String key = key(path);
        Class<?> t = type(path);
        if (path.startsWith("derived.") || FROZEN.contains(key) || t == Void.class) {
            return false;
        }
        if (t == LocalDate.class || t == String.class || List.class.isAssignableFrom(t) || t.isRecord()) {
            return false;
        }
        return !(FROZEN_ONCE_LICENSED.contains(key) && project.stageAtLeast(Stage.LICENSED));
    }

    /**
     * The values a fact may take instead of the current one, nearest first for numbers. Numbers: every threshold
     * in force, as it is and as a share (percent) of the numbers beside it, and zero.
     */
    public static List<JsonNode> alternatives(String path, JsonNode current, JsonNode tree, LawParameters parameters, LocalDate date) {
        Class<?> t = type(path);
        List<JsonNode> out = new ArrayList<>();
        if (t == Boolean.class) {
            out.add(BooleanNode.TRUE);
            out.add(BooleanNode.FALSE);
        } else if (t != null && t.isEnum()) {
            for (Object v : t.getEnumConstants()) {
                out.add(TextNode.valueOf(((Enum<?>) v).name()));
            }
        } else if (t == Double.class || t == Integer.class) {
            Set<Double> values = new LinkedHashSet<>();
            List<Double> thresholds = new ArrayList<>();
            parameters.all().values().forEach(p -> {
                LawParameters.Value v = p.on(date);
                if (v != null) {
                    thresholds.add(v.value().doubleValue());
                }
            });
            values.addAll(thresholds);
            values.add(0.0);
            // a threshold as a share of another amount of the same section (owner's equity as a share of the investment)
            int dot = path.lastIndexOf('.');
            JsonNode section = dot < 0 ? null : ProjectTree.get(tree, path.substring(0, dot));
            if (section != null && section.isObject()) {
                section.fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber() && e.getValue().doubleValue() > 0 && !path.endsWith("." + e.getKey())) {
                        for (double th : thresholds) {
                            if (th > 0 && th < 100) {
                                values.add(Math.ceil(e.getValue().doubleValue() * th / 100.0));
                            }
                        }
                    }
                });
            }
            double now = current == null || !current.isNumber() ? 0 : current.doubleValue();
            values.stream().sorted((a, b) -> Double.compare(Math.abs(a - now), Math.abs(b - now)))
                    .forEach(v -> out.add(t == Integer.class ? IntNode.valueOf((int) Math.round(v)) : DoubleNode.valueOf(v)));
        }
        out.removeIf(v -> current != null && (v.equals(current) || v.isNumber() && current.isNumber()
                && v.doubleValue() == current.doubleValue()));
        return out;
    }

    /** The Java type of the fact at a path, or null if the path names no fact. */
    public static Class<?> type(String path) {
        return TYPES.computeIfAbsent(key(path), FactDomain::resolve);
    }

    private static Class<?> resolve(String key) {
        Class<?> cur = Project.class;
        for (String name : key.split("\\.")) {
            if (cur == null || !cur.isRecord()) {
                return Void.class;
            }
            Class<?> next = null;
            for (RecordComponent c : cur.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    next = c.getType();
                    if (List.class.isAssignableFrom(next) && c.getGenericType() instanceof ParameterizedType p
                            && p.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
                        next = e;
                    }
                }
            }
            cur = next;
        }
        return cur == null ? Void.class : cur;
    }
}
