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
        dsl.transaction(configuration -> write(configuration.dsl(), patientId, summary, at, null));
    }

    static final RowVersions.Columns VERSIONS = new RowVersions.Columns(PROGRESS_SUMMARY,
            PROGRESS_SUMMARY.ROW_VERSION, PROGRESS_SUMMARY.CHANGED_BY, PROGRESS_SUMMARY.CHANGED_AT, "progress summary");

    /**
     * Stores the summary as {@code change} says it was edited: refused with {@link ConcurrentChangeException},
     * writing nothing, when another save came in since the version it started from. Returns the version saved
     * ({@link Change#NEW} when an empty summary removed the row).
     */
    public long save(UUID patientId, String summary, Instant at, Change change) {
        return dsl.transactionResult(configuration -> write(configuration.dsl(), patientId, summary, at, change));
    }

    /** The summary with the version a checked save of it starts from. */
    public Optional<Versioned<String>> findVersioned(UUID patientId) {
        return dsl.select(PROGRESS_SUMMARY.SUMMARY, PROGRESS_SUMMARY.ROW_VERSION).from(PROGRESS_SUMMARY)
                .where(PROGRESS_SUMMARY.PATIENT_ID.eq(patientId))
                .fetchOptional(row -> new Versioned<>(row.value1(), row.value2()));
    }

    private static long write(DSLContext tx, UUID patientId, String summary, Instant at, Change change) {
        long version = RowVersions.next(tx, VERSIONS, PROGRESS_SUMMARY.PATIENT_ID.eq(patientId), change);
        tx.deleteFrom(PROGRESS_SUMMARY).where(PROGRESS_SUMMARY.PATIENT_ID.eq(patientId)).execute();
        if (summary == null || summary.isBlank()) {
            return Change.NEW;
        }
        tx.insertInto(PROGRESS_SUMMARY, PROGRESS_SUMMARY.PATIENT_ID, PROGRESS_SUMMARY.UPDATED,
                        PROGRESS_SUMMARY.SUMMARY, PROGRESS_SUMMARY.ROW_VERSION, PROGRESS_SUMMARY.CHANGED_BY,
                        PROGRESS_SUMMARY.CHANGED_AT)
                .values(patientId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), summary, version,
                        change == null ? null : change.by(),
                        change == null ? null : OffsetDateTime.ofInstant(change.at(), ZoneOffset.UTC))
                .execute();
        return version;
    }
}
