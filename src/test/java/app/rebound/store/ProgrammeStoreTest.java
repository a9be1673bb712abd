package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.Reasons;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** A visit's programme in a real H2 file, with each exercise's reasons, across a reopen. */
class ProgrammeStoreTest {

    /** The database the tests run on: the folder's H2 here; PostgreSQL in {@code PostgresProgrammeStoreTest}. */
    Database openDatabase() {
        return TestKeys.database(folder);
    }

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path folder;

    private Database database;
    private Visit visit;

    @BeforeEach
    void open() {
        database = openDatabase();
        Patient anna = patient("Anna", "Smith").build();
        new PatientStore(database).save(anna);
        visit = VisitFixture.nearlyEmpty(anna.id(), DAY).withUpdated(Instant.parse("2026-11-02T09:30:00Z"));
        new VisitStore(database).save(visit, SuggestedStage.WALK_RUN);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Programme programme() {
        return new Programme(Stage.WALK_RUN, SuggestedStage.IMPACT_PREP, List.of(
                new ProgrammeItem("pf-knack", new Dose(1, 5, 0, 2, 7), null, List.of(Reasons.KNACK)),
                new ProgrammeItem("single-leg-bridge", new Dose(4, 12, 0, 1, 3), "Start with your right leg, Zoë",
                        List.of(Reasons.STAGE, Reasons.strength(StrengthTest.SL_BRIDGE, Side.RIGHT),
                                Reasons.loadFailed(LoadTest.HOP), Reasons.STRENGTH_KEEP)),
                new ProgrammeItem("marching", new Dose(2, 20, 0, 1, 3), null,
                        List.of(Reasons.loadUntested(LoadTest.JOG_SPOT))),
                new ProgrammeItem("wall-sit", new Dose(3, 1, 30, 1, 3), null, List.of())),
                List.of(new WalkRunWeek(1, 3, 60, 120, 8)), 4);
    }

    @Test
    void eachExerciseKeepsItsReasonsInOrderAcrossAReopen() {
        new ProgrammeStore(database).save(visit.id(), programme());
        database.close();

        database = openDatabase();

        Programme back = new ProgrammeStore(database).find(visit.id()).orElseThrow();
        assertThat(back).isEqualTo(programme());
        assertThat(back.exercises().get(1).reasons()).containsExactly("STAGE", "STRENGTH:SL_BRIDGE:RIGHT",
                "LOAD_FAILED:HOP", "STRENGTH_KEEP");
        assertThat(back.exercises().get(3).reasons()).isEmpty();
    }

    @Test
    void savingAgainReplacesTheReasons() {
        ProgrammeStore store = new ProgrammeStore(database);
        store.save(visit.id(), programme());
        Programme edited = new Programme(Stage.WALK_RUN, SuggestedStage.IMPACT_PREP, List.of(
                programme().exercises().get(0).withDose(new Dose(2, 6, 0, 3, 7)),
                new ProgrammeItem("bridge", new Dose(3, 10, 0, 1, 3), null, List.of(Reasons.CLINICIAN))),
                List.of(), null);

        store.save(visit.id(), edited);

        Programme back = store.find(visit.id()).orElseThrow();
        assertThat(back.exercises()).extracting(ProgrammeItem::reasons)
                .containsExactly(List.of("KNACK"), List.of("CLINICIAN"));
        assertThat(back.exercises().get(0).dose()).isEqualTo(new Dose(2, 6, 0, 3, 7));
    }

    @Test
    void aProgrammeSavedBeforeReasonsExistedComesBackWithNone() {
        ProgrammeStore store = new ProgrammeStore(database);
        store.save(visit.id(), programme());
        database.dsl().execute("UPDATE programme_exercise SET reasons = NULL");

        assertThat(store.find(visit.id()).orElseThrow().exercises()).allSatisfy(item ->
                assertThat(item.reasons()).isEmpty());
    }

    @Test
    void aReasonWithASpaceIsRefusedBeforeAnythingIsWritten() {
        ProgrammeStore store = new ProgrammeStore(database);
        store.save(visit.id(), programme());
        Programme bad = new Programme(Stage.BUILD, null, List.of(
                new ProgrammeItem("bridge", new Dose(3, 10, 0, 1, 3), null, List.of("two words"))), List.of(), null);

        assertThatThrownBy(() -> store.save(visit.id(), bad)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.find(visit.id())).contains(programme());
    }
}
