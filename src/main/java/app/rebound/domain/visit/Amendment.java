package app.rebound.domain.visit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.rebound.domain.TextNormalization;
import app.rebound.domain.Violation;

/**
 * A change made to a completed visit: when, by whom, why ({@code reason}, given when she chose Amend;
 * null for amendments made before reasons were asked), which fields (their record-format paths), what each
 * field held before (as text; "—" when it was not recorded), and each change in the clinician's words
 * ("Urinary incontinence: No → Yes"; empty for amendments made before these were kept).
 */
public record Amendment(Instant at, String clinician, List<String> fields, Map<String, String> previous,
        String reason, List<Change> changes) {

    /** The longest reason for an amendment, in characters: a short phrase, not a note. */
    public static final int REASON_MAX_LENGTH = 200;

    /** One field changed: its path, the label the form gives it, and its value before and after, in words. */
    public record Change(String path, String label, String before, String after) {

        /** "Power (MOS): 2 → 3". */
        public String text() {
            return label + ": " + before + " → " + after;
        }
    }

    public Amendment {
        fields = List.copyOf(fields);
        previous = previous == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(previous));
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public Amendment(Instant at, String clinician, List<String> fields, Map<String, String> previous) {
        this(at, clinician, fields, previous, null, List.of());
    }

    public Amendment(Instant at, String clinician, List<String> fields) {
        this(at, clinician, fields, Map.of());
    }

    /** What is wrong with a reason for amending: none given, or too long; empty when it will do. */
    public static Optional<Violation> checkReason(String reason) {
        // as it will be stored: a reason of invisible control characters alone is no reason
        String text = TextNormalization.clean(reason);
        if (text == null) {
            return Optional.of(Violation.of("amendReason", "validation.amendReason.required"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > REASON_MAX_LENGTH) {
            return Optional.of(Violation.of("amendReason", "validation.amendReason.tooLong", REASON_MAX_LENGTH, length));
        }
        return Optional.empty();
    }
}
