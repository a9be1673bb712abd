package app.rebound.domain.visit;

import java.math.BigDecimal;

import app.rebound.domain.Decimals;

/** History and risk factors; every field null when not asked. */
public record History(
        Boolean breastfeeding,
        BigDecimal sleepHours,
        BigDecimal bmi,
        Boolean hypermobility,
        Boolean psychologicalConcern,
        Boolean redsConcern,
        Boolean leakedBeforeOrDuringPregnancy,
        SupportDevice supportDevice) {

    public static final History EMPTY = new History(null, null, null, null, null, null, null, null);

    public History {
        sleepHours = Decimals.shortest(sleepHours);
        bmi = Decimals.shortest(bmi);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
