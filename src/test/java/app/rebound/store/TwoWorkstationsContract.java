package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.jooq.Tables;

/**
 * Two people, one patient: the same rows saved from two workstations. A save from a version that has
 * moved on is refused, naming whose save came first and when, and the first save stays; never a lost
 * save. Run on the embedded H2 (two stores on one database) and on PostgreSQL (two connections pools).
 */
abstract class TwoWorkstationsContract {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Instant ANNA_SAVES = Instant.parse("2026-11-02T09:30:00Z");
    private static final Instant ZOE_SAVES = Instant.parse("2026-11-02T09:31:00Z");

    /** Workstation one and workstation two: on H2 the same database, on a server two connection pools. */
    abstract Database[] openTwo();

    private Database[] databases;
    private Database here;
    private Database there;
    private Patient patient;

    @BeforeEach
    void open() {
        databases = openTwo();
        here = databases[0];
        there = databases[databases.length - 1];
        patient = patient("Zoë", "Ødegård").build();
        new PatientStore(here).save(patient);
    }

    @AfterEach
    void close() {
        for (Database database : databases) {
            database.close();
        }
    }

    @Test
    void aVisitEditedOnBothSidesGivesTheConflictNeverALostSave() {
        Visit visit = VisitFixture.full(patient.id(), DAY);
        long created = new VisitStore(here).save(visit, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(Change.NEW, "anna", ANNA_SAVES));
        Versioned<Visit> annaOpened = new VisitStore(here).findVersioned(visit.id()).orElseThrow();
        Versioned<Visit> zoeOpened = new VisitStore(there).findVersioned(visit.id()).orElseThrow();
        assertThat(annaOpened.version()).isEqualTo(created).isEqualTo(zoeOpened.version());

        Visit annas = VisitFixture.withNotes(annaOpened.value(), "Anna's notes");
        new VisitStore(here).save(annas, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(annaOpened.version(), "anna", ANNA_SAVES));
        Visit zoes = VisitFixture.withNotes(zoeOpened.value(), "Zoë's notes");

        assertThatThrownBy(() -> new VisitStore(there).save(zoes, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(zoeOpened.version(), "zoë", ZOE_SAVES)))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> {
                    assertThat(e.changedBy()).isEqualTo("anna");
                    assertThat(e.changedAt()).isEqualTo(ANNA_SAVES);
                    assertThat(e.removed()).isFalse();
                })
                .hasMessage("This visit was changed on another workstation by anna at "
                        + DateTimeFormatter.ofPattern("HH:mm").format(ANNA_SAVES.atZone(ZoneId.systemDefault())));
        assertThat(new VisitStore(there).find(visit.id()).orElseThrow().notes()).isEqualTo("Anna's notes");

        // she saw Anna's version and chose hers: saved from the version she has now seen
        Versioned<Visit> seen = new VisitStore(there).findVersioned(visit.id()).orElseThrow();
        new VisitStore(there).save(zoes, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(seen.version(), "zoë", ZOE_SAVES));
        assertThat(new VisitStore(here).find(visit.id()).orElseThrow().notes()).isEqualTo("Zoë's notes");
    }

    @Test
    void twoSavesOfTheSameVersionAtOnceLetExactlyOneThrough() throws Exception {
        Visit visit = VisitFixture.full(patient.id(), DAY);
        long version = new VisitStore(here).save(visit, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(Change.NEW, "anna", ANNA_SAVES));
        for (int round = 0; round < 10; round++) {
            long from = version;
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService workstations = Executors.newFixedThreadPool(2);
            List<Future<Long>> saves = new ArrayList<>();
            try {
                saves.add(workstations.submit(save(here, visit, "anna " + round, "anna", from, start)));
                saves.add(workstations.submit(save(there, visit, "zoë " + round, "zoë", from, start)));
                List<String> refused = new ArrayList<>();
                List<Long> saved = new ArrayList<>();
                for (Future<Long> save : saves) {
                    try {
                        saved.add(save.get());
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentChangeException.class);
                        refused.add(((ConcurrentChangeException) e.getCause()).changedBy());
                    }
                }
                assertThat(saved).as("round " + round).containsExactly(from + 1);
                assertThat(refused).as("round " + round).hasSize(1);
                // the stored notes are the winner's, and the refused one names the winner
                String notes = new VisitStore(here).find(visit.id()).orElseThrow().notes();
                assertThat(notes).startsWith(refused.get(0) + " ");
                version = saved.get(0);
            } finally {
                workstations.shutdownNow();
            }
        }
    }

    private static Callable<Long> save(Database database, Visit visit, String notes, String user, long from,
            CyclicBarrier start) {
        return () -> {
            VisitStore store = new VisitStore(database);
            start.await();
            return store.save(VisitFixture.withNotes(visit, notes), SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                    new Change(from, user, ANNA_SAVES));
        };
    }

    @Test
    void aPatientEditedOnBothSidesGivesTheConflict() {
        long read = new PatientStore(there).findVersioned(patient.id()).orElseThrow().version();
        new PatientStore(here).save(patient.withArchived(false), new Change(read, "anna", ANNA_SAVES));

        assertThatThrownBy(() -> new PatientStore(there).save(patient, new Change(read, "zoë", ZOE_SAVES)))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("This patient was changed on another workstation by anna at ");
        assertThat(new PatientStore(there).findVersioned(patient.id()).orElseThrow().version()).isEqualTo(read + 1);
    }

    @Test
    void aProgrammeAndAProgressSummaryEditedOnBothSidesGiveTheConflict() {
        Visit visit = VisitFixture.full(patient.id(), DAY);
        new VisitStore(here).save(visit, SuggestedStage.REFER);
        Programme programme = new Programme(Stage.BUILD, SuggestedStage.BUILD, List.of(
                new ProgrammeItem("pf-knack", new Dose(1, 5, 0, 2, 7), null, List.of())),
                List.of(new WalkRunWeek(1, 3, 60, 120, 8)), 4);
        long first = new ProgrammeStore(here).save(visit.id(), programme, new Change(Change.NEW, "anna", ANNA_SAVES));
        new ProgrammeStore(here).save(visit.id(), programme, new Change(first, "anna", ANNA_SAVES));
        assertThatThrownBy(() -> new ProgrammeStore(there).save(visit.id(), programme,
                new Change(first, "zoë", ZOE_SAVES)))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("This programme was changed on another workstation by anna at ");
        assertThatThrownBy(() -> new ProgrammeStore(there).save(visit.id(), programme,
                new Change(Change.NEW, "zoë", ZOE_SAVES)))
                .isInstanceOf(ConcurrentChangeException.class);

        ProgressSummaryStore annaSummary = new ProgressSummaryStore(here);
        long summary = annaSummary.save(patient.id(), "Running 5 km", ANNA_SAVES, new Change(Change.NEW, "anna",
                ANNA_SAVES));
        annaSummary.save(patient.id(), "Running 6 km", ANNA_SAVES, new Change(summary, "anna", ANNA_SAVES));
        assertThatThrownBy(() -> new ProgressSummaryStore(there).save(patient.id(), "Running 4 km", ZOE_SAVES,
                new Change(summary, "zoë", ZOE_SAVES)))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("This progress summary was changed on another workstation by anna at ");
        assertThat(new ProgressSummaryStore(there).findVersioned(patient.id())).get()
                .extracting(Versioned::value).isEqualTo("Running 6 km");
    }

    @Test
    void aSaveOfAVisitRemovedOnTheOtherSideIsRefusedAndNotMadeAgain() {
        Visit visit = VisitFixture.full(patient.id(), DAY);
        long version = new VisitStore(here).save(visit, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(Change.NEW, "anna", ANNA_SAVES));
        here.dsl().deleteFrom(Tables.VISIT)
                .where(Tables.VISIT.ID.eq(visit.id())).execute();

        assertThatThrownBy(() -> new VisitStore(there).save(visit, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(version, "zoë", ZOE_SAVES)))
                .isInstanceOfSatisfying(ConcurrentChangeException.class, e -> assertThat(e.removed()).isTrue())
                .hasMessage("This visit was removed on another workstation");
        assertThat(new VisitStore(there).find(visit.id())).isEmpty();
    }
}
