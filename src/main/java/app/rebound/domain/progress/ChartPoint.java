package app.rebound.domain.progress;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One visit's value in a series. {@code value} null means the measure was not assessed at that
 * visit: a gap in the line, never a zero. {@code text} is the value as the clinician reads it
 * ("2.5 cm", "4 of 7"); {@code detail} says more where there is more to say (which tests passed).
 */
public record ChartPoint(UUID visitId, LocalDate date, Double value, String text, String detail) {

    public boolean present() {
        return value != null;
    }
}
