package app.rebound.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the audit trail. It names the patient by id only; {@code detail} never holds a name, a
 * date of birth or a note (e.g. "visit 3f2…", "handout", "12 patients").
 */
public record AuditEvent(long seq, OffsetDateTime at, UUID clinicianId, String username, AuditAction action,
        UUID patientId, String detail) {
}
