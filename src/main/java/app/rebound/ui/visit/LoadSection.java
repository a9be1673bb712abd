package app.rebound.ui.visit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;

import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Visit;

/**
 * The load and impact tests: a result per test, or per side for the one-sided ones. A result the
 * validator refuses (a pass with symptoms) is shown as typed and left out of what is saved.
 */
final class LoadSection implements VisitSection {

    private final Map<LoadTest, LoadInput[]> results = new EnumMap<>(LoadTest.class);

    LoadSection() {
        for (LoadTest test : LoadTest.values()) {
            results.put(test, test.oneSided() ? new LoadInput[] {new LoadInput(), new LoadInput()}
                    : new LoadInput[] {new LoadInput()});
        }
    }

    LoadInput[] inputs(LoadTest test) {
        return results.get(test);
    }

    @Override
    public void load(Visit visit) {
        results.forEach((test, inputs) -> {
            LoadEntry entry = visit.loadImpact().get(test);
            if (test.oneSided()) {
                Sides<LoadResult> sides = entry instanceof LoadEntry.PerSide per ? per.sides() : Sides.of(null, null);
                inputs[0].set(sides.left());
                inputs[1].set(sides.right());
            } else {
                inputs[0].set(entry instanceof LoadEntry.Whole whole ? whole.result() : null);
            }
        });
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        Map<LoadTest, LoadEntry> entries = new EnumMap<>(LoadTest.class);
        results.forEach((test, inputs) -> {
            if (test.oneSided()) {
                LoadResult left = value(inputs[0], asTyped);
                LoadResult right = value(inputs[1], asTyped);
                if (left != null || right != null) {
                    entries.put(test, new LoadEntry.PerSide(new Sides<>(left, right)));
                }
            } else {
                LoadResult result = value(inputs[0], asTyped);
                if (result != null) {
                    entries.put(test, new LoadEntry.Whole(result));
                }
            }
        });
        visit.loadImpact(entries);
    }

    private static LoadResult value(LoadInput input, boolean asTyped) {
        LoadResult result = input.value();
        return result != null && result.passWithSymptoms() && !asTyped ? null : result;
    }

    @Override
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>();
        results.values().forEach(inputs -> {
            for (LoadInput input : inputs) {
                all.add(input.statusProperty());
                input.allSymptoms().forEach(all::add);
            }
        });
        return all;
    }
}
