package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * Each line of the patient list shows her latest birth and last visit, kept on the patient row (V9)
 * by every write that can change them: these must always equal what her births and visits say.
 */
class PatientListDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private Database database;
    private PatientStore patients;
    private VisitStore visits;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        patients = new PatientStore(database);
        visits = new VisitStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private PatientSummary line(UUID id) {
        return patients.search(List.of(), true, 100, TODAY).patients().stream().filter(p -> p.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void theLatestBirthFollowsHerBirthsAsTheyAreSaved() {
        Patient zoe = patient("Zoë", "Ødegård").birth(LocalDate.of(2023, 2, 1)).birth(LocalDate.of(2026, 5, 3)).build();
        patients.save(zoe);
        assertThat(line(zoe.id()).latestBirth()).isEqualTo(LocalDate.of(2026, 5, 3));

        Patient fewer = patient("Zoë", "Ødegård").id(zoe.id()).birth(LocalDate.of(2023, 2, 1)).build();
        patients.save(fewer);
        assertThat(line(zoe.id()).latestBirth()).isEqualTo(LocalDate.of(2023, 2, 1));

        patients.save(patient("Zoë", "Ødegård").id(zoe.id()).build());
        assertThat(line(zoe.id()).latestBirth()).isNull();
    }

    @Test
    void theLastVisitFollowsEveryChangeToHerVisits() {
        Patient anna = patient("Ana-María", "O'Neil").build();
        patients.save(anna);
        assertThat(line(anna.id()).lastVisit()).isNull();

        Visit first = VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 9, 1));
        Visit second = VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 10, 6));
        visits.save(first, SuggestedStage.CONNECT);
        visits.save(second, SuggestedStage.CONNECT);
        assertThat(line(anna.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 10, 6));

        // the later visit's date corrected to before the first
        visits.save(VisitFixture.withDate(second, LocalDate.of(2026, 8, 20)), SuggestedStage.CONNECT);
        assertThat(line(anna.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 9, 1));

        assertThat(visits.delete(first.id())).isTrue();
        assertThat(line(anna.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(visits.delete(second.id())).isTrue();
        assertThat(line(anna.id()).lastVisit()).isNull();
        assertThat(visits.delete(second.id())).isFalse();

        // a patient's details saved again keep her last visit
        visits.save(first, SuggestedStage.CONNECT);
        patients.save(patient("Ana-María", "O'Neil").id(anna.id()).phone("0123").build());
        assertThat(line(anna.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void anImportSetsBothForNewAndKnownPatients() {
        Patient known = patient("李", "小龙").build();
        patients.save(known);
        visits.save(VisitFixture.nearlyEmpty(known.id(), LocalDate.of(2026, 3, 1)), SuggestedStage.CONNECT);
        Patient added = patient("Zoë", "Ødegård").birth(LocalDate.of(2026, 1, 9)).build();
        List<RecordStore.VisitWrite> writes = List.of(
                new RecordStore.VisitWrite(VisitFixture.nearlyEmpty(added.id(), LocalDate.of(2026, 4, 2)),
                        SuggestedStage.CONNECT, null, false),
                new RecordStore.VisitWrite(VisitFixture.nearlyEmpty(added.id(), LocalDate.of(2026, 6, 30)),
                        SuggestedStage.CONNECT, null, false),
                new RecordStore.VisitWrite(VisitFixture.nearlyEmpty(known.id(), LocalDate.of(2026, 7, 7)),
                        SuggestedStage.CONNECT, null, false));
        new RecordStore(database).apply(new RecordStore.Change(List.of(new RecordStore.PatientWrite(added, false)),
                writes, List.of(), Map.of()));

        assertThat(line(added.id()).latestBirth()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(line(added.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(line(known.id()).lastVisit()).isEqualTo(LocalDate.of(2026, 7, 7));
    }

    @Test
    void aBirthAfterTodayIsNotShownAsHerLatest() {
        // births are validated against the day they are entered; a clock set wrong once must not show one to come
        Patient zoe = patient("Zoë", "Ødegård").birth(LocalDate.of(2026, 12, 25)).build();
        patients.save(zoe);
        assertThat(line(zoe.id()).latestBirth()).isNull();
        patients.save(patient("Zoë", "Ødegård").id(zoe.id()).birth(LocalDate.of(2025, 6, 1))
                .birth(LocalDate.of(2026, 12, 25)).build());
        assertThat(line(zoe.id()).latestBirth()).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void patientsSavedBeforeVersion9GetBothFromTheUpgrade() throws Exception {
        database.close();
        database = null;
        Path old = folder.resolve("old");
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + old.resolve(Database.FILE_NAME).toAbsolutePath() + ";CIPHER=AES;TRACE_LEVEL_FILE=0");
        source.setUser("rebound");
        // H2's own data source: Flyway's would trim the trailing space of "file password <space> user password"
        source.setPassword(new String(TestKeys.KEY.filePassword()) + " ");
        Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/h2").target("8").load().migrate();
        UUID zoe = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        try (var connection = source.getConnection(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, updated, given_name, family_name, sort_key) VALUES ('" + zoe
                    + "', CURRENT_TIMESTAMP, 'Zoë', 'Ødegård', 'odegard zoe'), ('" + anna
                    + "', CURRENT_TIMESTAMP, 'Anna', 'Smith', 'smith anna')");
            statement.execute("INSERT INTO birth (patient_id, position, birth_date) VALUES ('" + zoe
                    + "', 0, DATE '2024-02-02'), ('" + zoe + "', 1, DATE '2026-02-02')");
            statement.execute("INSERT INTO visit (id, patient_id, updated, visit_date, status) VALUES ('"
                    + UUID.randomUUID() + "', '" + zoe + "', CURRENT_TIMESTAMP, DATE '2026-05-05', 'COMPLETE'), ('"
                    + UUID.randomUUID() + "', '" + zoe + "', CURRENT_TIMESTAMP, DATE '2026-03-03', 'COMPLETE')");
        }

        try (Database upgraded = Database.open(old, TestKeys.KEY)) {
            List<PatientSummary> lines = new PatientStore(upgraded).search(List.of(), true, 10, TODAY).patients();
            PatientSummary zoeLine = lines.stream().filter(p -> p.id().equals(zoe)).findFirst().orElseThrow();
            PatientSummary annaLine = lines.stream().filter(p -> p.id().equals(anna)).findFirst().orElseThrow();
            assertThat(zoeLine.latestBirth()).isEqualTo(LocalDate.of(2026, 2, 2));
            assertThat(zoeLine.lastVisit()).isEqualTo(LocalDate.of(2026, 5, 5));
            assertThat(annaLine.latestBirth()).isNull();
            assertThat(annaLine.lastVisit()).isNull();
        }
    }
}
