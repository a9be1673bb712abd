package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A programme being built by the rules of clinical reference §9: exercises in order, each once. An
 * exercise named by two rules stays where it first came, with all their reasons and the larger dose.
 */
final class ProgrammeDraft {

    private final Map<String, ProgrammeItem> items = new LinkedHashMap<>();

    /** Adds the exercise at the end, or merges it into the one already there. */
    void add(ProgrammeItem item) {
        items.merge(item.exercise(), item, ProgrammeDraft::merge);
    }

    /** Adds the exercises before all others, in the order given (merging as {@link #add} does). */
    void addFirst(List<ProgrammeItem> first) {
        Map<String, ProgrammeItem> rest = new LinkedHashMap<>(items);
        items.clear();
        first.forEach(this::add);
        rest.values().forEach(this::add);
    }

    /** Puts {@code replacement} where {@code code} was (or at the end when it is not there). */
    void replace(String code, ProgrammeItem replacement) {
        if (!items.containsKey(code)) {
            add(replacement);
            return;
        }
        Map<String, ProgrammeItem> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ProgrammeItem> e : items.entrySet()) {
            if (e.getKey().equals(code)) {
                ProgrammeItem replaced = e.getValue();
                ProgrammeItem kept = copy.containsKey(replacement.exercise())
                        ? merge(copy.get(replacement.exercise()), replacement) : replacement;
                copy.put(replacement.exercise(), kept.withReasons(replaced.reasons().stream()
                        .filter(r -> !r.equals(Reasons.STAGE) || kept.reasons().contains(Reasons.STAGE)).toList()));
            } else if (e.getKey().equals(replacement.exercise())) {
                copy.merge(e.getKey(), e.getValue(), ProgrammeDraft::merge);
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        items.clear();
        items.putAll(copy);
    }

    void removeIf(Predicate<String> code) {
        items.keySet().removeIf(code);
    }

    boolean contains(String code) {
        return items.containsKey(code);
    }

    ProgrammeItem get(String code) {
        return items.get(code);
    }

    /** Changes the exercise in place (its dose, notes or reasons). */
    void update(String code, UnaryOperator<ProgrammeItem> change) {
        items.computeIfPresent(code, (k, item) -> change.apply(item));
    }

    List<String> codes() {
        return List.copyOf(items.keySet());
    }

    List<ProgrammeItem> items() {
        return new ArrayList<>(items.values());
    }

    /** One exercise named twice: all reasons, the larger dose, both notes. */
    static ProgrammeItem merge(ProgrammeItem a, ProgrammeItem b) {
        Dose x = a.dose();
        Dose y = b.dose();
        Dose larger = new Dose(Math.max(x.sets(), y.sets()), Math.max(x.reps(), y.reps()),
                Math.max(x.holdSeconds(), y.holdSeconds()), Math.max(x.timesPerDay(), y.timesPerDay()),
                Math.max(x.daysPerWeek(), y.daysPerWeek()));
        String notes = a.notes() == null ? b.notes()
                : b.notes() == null || a.notes().equals(b.notes()) ? a.notes() : a.notes() + " " + b.notes();
        return new ProgrammeItem(a.exercise(), larger, notes, a.reasons()).withReasons(b.reasons());
    }
}
