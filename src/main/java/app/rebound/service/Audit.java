package app.rebound.service;

import java.util.Collection;
import java.util.UUID;

import app.rebound.domain.AuditAction;

/** Where the services write what they did to a patient's record (see {@link AuditService}). */
public interface Audit {

    /** For services built on their own in tests, without a trail. */
    Audit NONE = new Audit() {
        @Override
        public void record(AuditAction action, UUID patientId, String detail) {
        }

        @Override
        public void recordAll(AuditAction action, Collection<UUID> patientIds, String detail) {
        }
    };

    void record(AuditAction action, UUID patientId, String detail);

    void recordAll(AuditAction action, Collection<UUID> patientIds, String detail);
}
