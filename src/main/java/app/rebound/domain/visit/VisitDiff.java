package app.rebound.domain.visit;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which fields of a visit changed, named by their record-format paths ("pelvicFloor.power"). */
public final class VisitDiff {

    private static final Set<String> SECTIONS = Set.of("history", "symptoms", "pelvicFloor", "abdominalWall",
            "outcomes");
    private static final Set<String> IGNORED = Set.of("id", "patientId", "updated");

    private VisitDiff() {
    }

    public static List<String> changedFields(Visit before, Visit after) {
        Set<String> changed = new TreeSet<>();
        for (RecordComponent component : Visit.class.getRecordComponents()) {
            String name = component.getName();
            if (IGNORED.contains(name)) {
                continue;
            }
            Object a = value(component, before);
            Object b = value(component, after);
            if (Objects.equals(a, b)) {
                continue;
            }
            if (SECTIONS.contains(name) && a != null && b != null && a.getClass().isRecord()) {
                for (RecordComponent inner : a.getClass().getRecordComponents()) {
                    if (!Objects.equals(value(inner, a), value(inner, b))) {
                        changed.add(name + "." + inner.getName());
                    }
                }
            } else if (name.equals("strength") || name.equals("loadImpact")) {
                var mapA = (Map<?, ?>) a;
                var mapB = (Map<?, ?>) b;
                Set<Object> keys = new LinkedHashSet<>(mapA.keySet());
                keys.addAll(mapB.keySet());
                for (Object key : keys) {
                    if (!Objects.equals(mapA.get(key), mapB.get(key))) {
                        changed.add(name + "." + key);
                    }
                }
            } else {
                changed.add(name);
            }
        }
        return new ArrayList<>(changed);
    }

    /** What each path holds in the visit, as text for the record of an amendment ("—" when not recorded). */
    public static Map<String, String> valuesOf(Visit visit, Collection<String> paths) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String path : paths) {
            values.put(path, text(valueAt(visit, path)));
        }
        return values;
    }

    /** The value at {@code path} ("pelvicFloor.power", "strength.SL_BRIDGE"); null when not recorded. */
    static Object valueAt(Visit visit, String path) {
        String[] parts = path.split("\\.", 2);
        for (RecordComponent component : Visit.class.getRecordComponents()) {
            if (!component.getName().equals(parts[0])) {
                continue;
            }
            Object value = value(component, visit);
            if (parts.length == 1 || value == null) {
                return value;
            }
            if (value instanceof Map<?, ?> map) {
                for (var entry : map.entrySet()) {
                    if (entry.getKey().toString().equals(parts[1])) {
                        return entry.getValue();
                    }
                }
                return null;
            }
            for (RecordComponent inner : value.getClass().getRecordComponents()) {
                if (inner.getName().equals(parts[1])) {
                    return value(inner, value);
                }
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? "none" : collection.stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
