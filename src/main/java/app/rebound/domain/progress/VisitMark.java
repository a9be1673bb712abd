package app.rebound.domain.progress;

import java.time.LocalDate;
import java.util.UUID;

/** A visit on the time axis with the stage issued at it ("3 Build", "Refer", or empty when none). */
public record VisitMark(UUID visitId, LocalDate date, String stage, boolean draft) {
}
