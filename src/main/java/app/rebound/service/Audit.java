package app.rebound.service;

import java.util.Collection;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.store.AlsoInTransaction;

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

        @Override
        public AlsoInTransaction recordWith(AuditAction action, UUID patientId, String detail) {
            return AlsoInTransaction.NOTHING;
        }
    };

    void record(AuditAction action, UUID patientId, String detail);

    void recordAll(AuditAction action, Collection<UUID> patientIds, String detail);

    /**
     * The event, to be written in the transaction of the change it records (a store's save takes it):
     * the change and its row in the trail commit together or not at all.
     */
    AlsoInTransaction recordWith(AuditAction action, UUID patientId, String detail);
}
