package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * An import's writes (RecordStore.apply): rows sent to JDBC in batches, all in one transaction, on a
 * real encrypted H2 file. What is written reads back the same; a failure part-way leaves nothing.
 */
class RecordStoreTest {

    /** The database the tests run on: the folder's H2 here; PostgreSQL in {@code PostgresRecordStoreTest}. */
    Database openDatabase() {
        return TestKeys.database(folder);
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private Database database;
    private RecordStore records;
    private PatientStore patients;
    private VisitStore visits;

    @BeforeEach
    void open() {
        database = openDatabase();
        records = new RecordStore(database);
        patients = new PatientStore(database);
        visits = new VisitStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void newPatientsAndVisitsReadBackAsWrittenAndAreFoundByName() {
        Patient zoe = patient("Zoë", "Ødegård").birth(LocalDate.of(2026, 5, 3)).build();
        Patient li = patient("小龙", "李").build();
        Visit full = VisitFixture.full(zoe.id(), LocalDate.of(2026, 11, 1));
        Visit empty = VisitFixture.nearlyEmpty(li.id(), LocalDate.of(2026, 10, 2));

        records.apply(change(List.of(zoe, li), List.of(full, empty)));

        assertThat(patients.find(zoe.id())).contains(zoe);
        assertThat(patients.find(li.id())).contains(li);
        assertThat(visits.find(full.id())).contains(full);
        assertThat(visits.find(empty.id())).contains(empty);
        assertThat(patients.search(NameFolding.queryTerms("Ødeg"), true, 10, TODAY).patients()).singleElement()
                .satisfies(line -> {
                    assertThat(line.id()).isEqualTo(zoe.id());
                    assertThat(line.lastVisit()).isEqualTo(full.date());
                });
        assertThat(patients.search(NameFolding.queryTerms("小"), true, 10, TODAY).patients()).extracting(p -> p.id())
                .containsExactly(li.id());
    }

    @Test
    void aFailureInALaterBatchLeavesNothingOfTheChange() {
        Patient stored = patient("Anna", "Ivanova").build();
        records.apply(change(List.of(stored), List.of()));
        Patient zoe = patient("Zoë", "Ødegård").build();
        // her visit names a patient who is in no table: the visit batch fails after the patients were sent
        Visit orphan = VisitFixture.full(UUID.randomUUID(), LocalDate.of(2026, 11, 1));
        Visit hers = VisitFixture.full(zoe.id(), LocalDate.of(2026, 10, 1));

        assertThatThrownBy(() -> records.apply(change(List.of(zoe), List.of(hers, orphan))))
                .isInstanceOf(RuntimeException.class);

        assertThat(patients.find(zoe.id())).isEmpty();
        assertThat(visits.find(hers.id())).isEmpty();
        assertThat(patients.count()).isEqualTo(1);
        assertThat(patients.search(NameFolding.queryTerms("Zo"), true, 10, TODAY).patients()).isEmpty();
        assertThat(patients.find(stored.id())).contains(stored);
    }

    private static RecordStore.Change change(List<Patient> newPatients, List<Visit> newVisits) {
        return new RecordStore.Change(
                newPatients.stream().map(p -> new RecordStore.PatientWrite(p, false)).toList(),
                newVisits.stream().map(v -> new RecordStore.VisitWrite(v, SuggestedStage.LOW_LOAD, null, false))
                        .toList(),
                List.of(), Map.of());
    }
}
