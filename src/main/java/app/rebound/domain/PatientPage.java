package app.rebound.domain;

import java.util.List;
import java.util.UUID;

/**
 * A page of a patient search, in name order; {@code more} says there are further matches past it,
 * and {@code next} is where the next page starts (null when there is none).
 */
public record PatientPage(List<PatientSummary> patients, boolean more, After next) {

    /** The position after a page's last patient: her sort key and id, the order's tie-break. */
    public record After(String sortKey, UUID id) {
    }

    public PatientPage {
        patients = List.copyOf(patients);
        if (more != (next != null)) {
            throw new IllegalArgumentException("a page with more after it says where it ends, and only then");
        }
    }
}
