package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static app.rebound.store.jooq.Tables.PROGRESS_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;

/** The clinician's report summary in a real H2 file: one text per patient, kept across restarts. */
class ProgressSummaryStoreTest {

    /** The database the tests run on: the folder's H2 here; PostgreSQL in {@code PostgresProgressSummaryStoreTest}. */
    Database openDatabase() {
        return TestKeys.database(folder);
    }

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path folder;

    private Database database;
    private ProgressSummaryStore store;
    private PatientStore patients;

    @BeforeEach
    void open() {
        database = openDatabase();
        store = new ProgressSummaryStore(database);
        patients = new PatientStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID savedPatient(String given, String family) {
        Patient p = patient(given, family).build();
        patients.save(p);
        return p.id();
    }

    @Test
    void nothingIsFoundBeforeASummaryIsSaved() {
        UUID id = savedPatient("Zoë", "Ødegård");

        assertThat(store.find(id)).isEmpty();
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ødegård", "李小龙", "Ana-María O'Neil",
        "Zoë Ødegård — 李小龙 — Ana-María O'Neil\nSecond line; «quotes» and 'apostrophes' 😀\n\n  indented"})
    void aSummaryComesBackExactlyAsItWentIn(String summary) {
        UUID id = savedPatient("Zoë", "Ødegård");

        store.save(id, summary, AT);

        assertThat(store.find(id)).contains(summary);
    }

    @Test
    void savingAgainReplacesTheSummaryAndTheTime() {
        UUID id = savedPatient("Ana-María", "O'Neil");
        store.save(id, "First draft", AT);
        Instant later = AT.plusSeconds(3600);

        store.save(id, "李小龙 revised", later);

        assertThat(store.find(id)).contains("李小龙 revised");
        assertThat(database.dsl().fetchCount(PROGRESS_SUMMARY, PROGRESS_SUMMARY.PATIENT_ID.eq(id))).isEqualTo(1);
        OffsetDateTime updated = database.dsl().select(PROGRESS_SUMMARY.UPDATED).from(PROGRESS_SUMMARY)
                .where(PROGRESS_SUMMARY.PATIENT_ID.eq(id)).fetchOne(PROGRESS_SUMMARY.UPDATED);
        assertThat(updated.toInstant()).isEqualTo(later);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "  \n\t  "})
    void aBlankSummaryRemovesTheRow(String blank) {
        UUID id = savedPatient("Zoë", "Ødegård");
        store.save(id, "Something to remove", AT);

        store.save(id, blank, AT.plusSeconds(1));

        assertThat(store.find(id)).isEmpty();
        assertThat(database.dsl().fetchCount(PROGRESS_SUMMARY)).isZero();
    }

    @Test
    void aBlankSummaryForAPatientWithoutOneIsHarmless() {
        UUID id = savedPatient("Zoë", "Ødegård");

        store.save(id, "", AT);

        assertThat(store.find(id)).isEmpty();
    }

    @Test
    void eachPatientHasHerOwnSummary() {
        UUID zoe = savedPatient("Zoë", "Ødegård");
        UUID li = savedPatient("小龙", "李");
        UUID ana = savedPatient("Ana-María", "O'Neil");

        store.save(zoe, "Zoë Ødegård", AT);
        store.save(li, "李小龙", AT);
        store.save(ana, "Ana-María O'Neil", AT);
        store.save(li, " ", AT);

        assertThat(store.find(zoe)).contains("Zoë Ødegård");
        assertThat(store.find(li)).isEmpty();
        assertThat(store.find(ana)).contains("Ana-María O'Neil");
    }

    @Test
    void theLongestSummaryTheColumnHoldsIsKept() {
        UUID id = savedPatient("小龙", "李");
        String longest = "李".repeat(20_000);

        store.save(id, longest, AT);

        assertThat(store.find(id)).contains(longest);
    }

    @Test
    void aSummaryLongerThanTheColumnIsRefusedAndTheEarlierOneKept() {
        UUID id = savedPatient("小龙", "李");
        store.save(id, "Kept", AT);

        assertThatThrownBy(() -> store.save(id, "x".repeat(20_001), AT.plusSeconds(1)))
                .isInstanceOf(RuntimeException.class);

        // the delete and the insert are one transaction: the failed insert leaves the old text
        assertThat(store.find(id)).contains("Kept");
    }

    @Test
    void aSummaryForAnUnknownPatientIsRefused() {
        UUID nobody = UUID.randomUUID();

        assertThatThrownBy(() -> store.save(nobody, "Orphan", AT)).isInstanceOf(RuntimeException.class);

        assertThat(store.find(nobody)).isEmpty();
    }

    @Test
    void theSummarySurvivesReopeningTheDatabase() {
        UUID zoe = savedPatient("Zoë", "Ødegård");
        UUID li = savedPatient("小龙", "李");
        UUID ana = savedPatient("Ana-María", "O'Neil");
        store.save(zoe, "Zoë Ødegård\nsteady progress", AT);
        store.save(li, "李小龙", AT);
        store.save(ana, "Ana-María O'Neil", AT);
        store.save(ana, "", AT);
        database.close();

        database = openDatabase();
        store = new ProgressSummaryStore(database);

        assertThat(store.find(zoe)).contains("Zoë Ødegård\nsteady progress");
        assertThat(store.find(li)).contains("李小龙");
        assertThat(store.find(ana)).isEmpty();
    }

    // PatientStore has no delete (patients are archived, never deleted), so the ON DELETE CASCADE
    // of progress_summary.patient_id is not exercised here.
}
