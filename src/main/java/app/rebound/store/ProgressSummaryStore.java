package app.rebound.store;

import static app.rebound.store.jooq.Tables.PROGRESS_SUMMARY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jooq.DSLContext;

/** The clinician's summary text for each patient's progress report. */
public final class ProgressSummaryStore {

    private final DSLContext dsl;

    public ProgressSummaryStore(Database database) {
        this.dsl = database.dsl();
    }

    public Optional<String> find(UUID patientId) {
        return dsl.select(PROGRESS_SUMMARY.SUMMARY).from(PROGRESS_SUMMARY)
                .where(PROGRESS_SUMMARY.PATIENT_ID.eq(patientId))
                .fetchOptional(PROGRESS_SUMMARY.SUMMARY);
    }

    /** Stores the summary; an empty one removes the row. */
    public void save(UUID patientId, String summary, Instant at) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.deleteFrom(PROGRESS_SUMMARY).where(PROGRESS_SUMMARY.PATIENT_ID.eq(patientId)).execute();
            if (summary != null && !summary.isBlank()) {
                tx.insertInto(PROGRESS_SUMMARY, PROGRESS_SUMMARY.PATIENT_ID, PROGRESS_SUMMARY.UPDATED,
                                PROGRESS_SUMMARY.SUMMARY)
                        .values(patientId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), summary)
                        .execute();
            }
        });
    }
}
