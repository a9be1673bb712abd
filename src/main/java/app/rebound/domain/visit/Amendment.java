package app.rebound.domain.visit;

import java.time.Instant;
import java.util.List;

/** A change made to a completed visit: when, by whom, and which fields (their record-format paths). */
public record Amendment(Instant at, String clinician, List<String> fields) {

    public Amendment {
        fields = List.copyOf(fields);
    }
}
