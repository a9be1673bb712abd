package app.rebound.store;

import static app.rebound.store.jooq.Tables.VISIT_PRESENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;

/**
 * Which workstations have a visit open for editing (V15): each marks the visit it opens and renews the
 * mark while the form stays open; a mark not renewed within {@link #EXPIRY} no longer counts, so a
 * workstation that crashed or lost the network stops showing as editing by itself.
 */
public final class PresenceStore {

    /** How long a mark counts without being renewed. */
    public static final Duration EXPIRY = Duration.ofSeconds(90);

    private final DSLContext dsl;

    public PresenceStore(Database database) {
        this.dsl = database.dsl();
    }

    /** This workstation has the visit open (marked now, or renewed); marks long expired go at the same time. */
    public void mark(UUID visitId, String workstation, String clinician, Instant now) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.deleteFrom(VISIT_PRESENCE).where(VISIT_PRESENCE.SEEN_AT.lt(PatientStore.toOffset(
                    now.minus(EXPIRY.multipliedBy(10))))).execute();
            int renewed = tx.update(VISIT_PRESENCE)
                    .set(VISIT_PRESENCE.CLINICIAN, clinician)
                    .set(VISIT_PRESENCE.SEEN_AT, PatientStore.toOffset(now))
                    .where(VISIT_PRESENCE.VISIT_ID.eq(visitId)).and(VISIT_PRESENCE.WORKSTATION.eq(workstation))
                    .execute();
            if (renewed == 0) {
                tx.insertInto(VISIT_PRESENCE, VISIT_PRESENCE.VISIT_ID, VISIT_PRESENCE.WORKSTATION,
                                VISIT_PRESENCE.CLINICIAN, VISIT_PRESENCE.SEEN_AT)
                        .values(visitId, workstation, clinician, PatientStore.toOffset(now))
                        .execute();
            }
        });
    }

    /** This workstation closed the visit. */
    public void release(UUID visitId, String workstation) {
        dsl.deleteFrom(VISIT_PRESENCE).where(VISIT_PRESENCE.VISIT_ID.eq(visitId))
                .and(VISIT_PRESENCE.WORKSTATION.eq(workstation)).execute();
    }

    /** This workstation's marks, all of them (the records are closing). */
    public void releaseAll(String workstation) {
        dsl.deleteFrom(VISIT_PRESENCE).where(VISIT_PRESENCE.WORKSTATION.eq(workstation)).execute();
    }

    /** Who has the visit open on another workstation now (a mark renewed within {@link #EXPIRY}), by name. */
    public List<String> others(UUID visitId, String workstation, Instant now) {
        return dsl.selectDistinct(VISIT_PRESENCE.CLINICIAN).from(VISIT_PRESENCE)
                .where(VISIT_PRESENCE.VISIT_ID.eq(visitId))
                .and(VISIT_PRESENCE.WORKSTATION.ne(workstation))
                .and(VISIT_PRESENCE.SEEN_AT.gt(PatientStore.toOffset(now.minus(EXPIRY))))
                .and(VISIT_PRESENCE.CLINICIAN.isNotNull())
                .orderBy(VISIT_PRESENCE.CLINICIAN)
                .fetch(VISIT_PRESENCE.CLINICIAN);
    }
}
