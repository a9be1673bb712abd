package app.rebound.domain.visit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change made to a completed visit: when, by whom, which fields (their record-format paths), and
 * what each field held before (as text; "—" when it was not recorded).
 */
public record Amendment(Instant at, String clinician, List<String> fields, Map<String, String> previous) {

    public Amendment {
        fields = List.copyOf(fields);
        previous = previous == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    public Amendment(Instant at, String clinician, List<String> fields) {
        this(at, clinician, fields, Map.of());
    }
}
