package app.rebound.ui.visit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;

import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;

/** The strength tests: repetitions on each side. */
final class StrengthSection implements VisitSection {

    private final Map<StrengthTest, NumberInput[]> reps = new EnumMap<>(StrengthTest.class);

    StrengthSection() {
        for (StrengthTest test : StrengthTest.values()) {
            reps.put(test, new NumberInput[] {
                NumberInput.whole("strength." + test.name() + ".left", Measures.STRENGTH_REPETITIONS),
                NumberInput.whole("strength." + test.name() + ".right", Measures.STRENGTH_REPETITIONS)});
        }
    }

    NumberInput input(StrengthTest test, Side side) {
        return reps.get(test)[side == Side.LEFT ? 0 : 1];
    }

    @Override
    public void load(Visit visit) {
        reps.forEach((test, pair) -> {
            Sides<Integer> sides = visit.strength(test);
            pair[0].set(sides.left());
            pair[1].set(sides.right());
        });
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        Map<StrengthTest, Sides<Integer>> done = new EnumMap<>(StrengthTest.class);
        reps.forEach((test, pair) -> {
            Sides<Integer> sides = new Sides<>(pair[0].intValue(), pair[1].intValue());
            if (!sides.isEmpty()) {
                done.put(test, sides);
            }
        });
        visit.strength(done);
    }

    @Override
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>();
        numberInputs().forEach(input -> all.add(input.textProperty()));
        return all;
    }

    @Override
    public List<NumberInput> numberInputs() {
        List<NumberInput> all = new ArrayList<>();
        reps.values().forEach(pair -> all.addAll(List.of(pair)));
        return all;
    }
}
