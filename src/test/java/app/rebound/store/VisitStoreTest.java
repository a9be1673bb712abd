package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.domain.visit.VisitValidator;

class VisitStoreTest {

    /** The database the tests run on: the folder's H2 here; PostgreSQL in {@code PostgresVisitStoreTest}. */
    Database openDatabase() {
        return TestKeys.database(folder);
    }

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

    @TempDir
    Path folder;

    private Database database;
    private VisitStore store;
    private Patient anna;

    @BeforeEach
    void open() {
        database = openDatabase();
        store = new VisitStore(database);
        anna = patient("Anna", "Smith").build();
        new PatientStore(database).save(anna);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFullVisitComesBackEqual() {
        Visit full = VisitFixture.full(anna.id(), DAY).withUpdated(AT);
        assertThat(VisitValidator.validate(full, DAY, null)).isEmpty();

        store.save(full, SuggestedStage.REFER);

        assertThat(store.find(full.id())).contains(full);
        assertThat(store.forPatient(anna.id())).containsExactly(full);
    }

    @Test
    void aFullVisitComesBackEqualAfterTheDatabaseIsReopened() {
        Visit full = VisitFixture.full(anna.id(), DAY).withUpdated(AT);
        store.save(full, SuggestedStage.REFER);
        database.close();

        database = openDatabase();
        assertThat(new VisitStore(database).find(full.id())).contains(full);
    }

    @Test
    void answersThatLookLikeNothingStayAnswers() {
        Visit asked = VisitFixture.nearlyEmpty(anna.id(), DAY).withUpdated(AT);
        Visit notAsked = VisitFixture.withRedFlags(VisitFixture.nearlyEmpty(anna.id(), DAY), null).withUpdated(AT);
        store.save(asked, SuggestedStage.LOW_LOAD);
        store.save(notAsked, SuggestedStage.LOW_LOAD);

        Visit a = store.find(asked.id()).orElseThrow();
        Visit n = store.find(notAsked.id()).orElseThrow();
        assertThat(a).isEqualTo(asked);
        assertThat(n).isEqualTo(notAsked);
        assertThat(a.redFlags()).isNotNull().isEmpty();
        assertThat(n.redFlags()).isNull();
        assertThat(a.symptoms().urinaryIncontinence()).isFalse();
        assertThat(a.symptoms().faecalIncontinence()).isNull();
        assertThat(a.symptoms().painNrs()).isZero();
        assertThat(a.symptoms().runSymptomOnsetMinutes()).isZero();
        assertThat(a.pelvicFloor().repetitions()).isZero();
        assertThat(a.pelvicFloor().power()).isNull();
        assertThat(a.strength()).containsOnlyKeys(StrengthTest.SL_BRIDGE);
        assertThat(a.strength(StrengthTest.SL_BRIDGE)).isEqualTo(Sides.of(0, null));
        assertThat(a.strength(StrengthTest.CALF_RAISE)).isEqualTo(Sides.of(null, null));
        assertThat(a.loadImpact()).isEmpty();
        assertThat(a.outcomes()).isEqualTo(Outcomes.EMPTY);
        assertThat(a.history().isEmpty()).isTrue();
        assertThat(a.abdominalWall().isEmpty()).isTrue();
    }

    @Test
    void savingAgainReplacesEverySectionAndItsLists() {
        Visit full = VisitFixture.full(anna.id(), DAY).withUpdated(AT);
        store.save(full, SuggestedStage.REFER);
        Visit emptied = VisitFixture.withId(VisitFixture.nearlyEmpty(anna.id(), DAY.minusDays(1)), full.id())
                .withUpdated(AT.plusSeconds(60));

        store.save(emptied, SuggestedStage.LOW_LOAD);

        assertThat(store.find(full.id())).contains(emptied);
        assertThat(store.forPatient(anna.id())).hasSize(1);
        assertThat(store.summaries(anna.id())).extracting(VisitSummary::suggestedStage)
                .containsExactly(SuggestedStage.LOW_LOAD);
    }

    @Test
    void psfsKeepsItsOrderAndShrinks() {
        Visit v = VisitFixture.full(anna.id(), DAY).withUpdated(AT);
        store.save(v, null);
        Visit fewer = VisitFixture.withOutcomes(v, new Outcomes(List.of(new PsfsItem("Stairs", 10),
                new PsfsItem("Running 5 km", 3)), null, 7));

        store.save(fewer, null);

        assertThat(store.find(v.id()).orElseThrow().outcomes()).isEqualTo(fewer.outcomes());
    }

    @Test
    void decimalsComeBackInTheirShortestForm() {
        Visit v = VisitFixture.withAbdominalWall(VisitFixture.full(anna.id(), DAY),
                new AbdominalWall(null, IrdUnit.MM, new BigDecimal("200.00"), new BigDecimal("2.50"),
                        new BigDecimal("0.00"), null, null)).withUpdated(AT);

        store.save(v, null);

        AbdominalWall wall = store.find(v.id()).orElseThrow().abdominalWall();
        assertThat(wall.aboveUmbilicus()).isEqualTo(new BigDecimal("200"));
        assertThat(wall.atUmbilicus()).isEqualTo(new BigDecimal("2.5"));
        assertThat(wall.belowUmbilicus()).isEqualTo(new BigDecimal("0"));
    }

    @Test
    void aNotTestedResultAndAOneSidedResultWithOneSideAreKept() {
        Visit v = VisitFixture.withLoad(VisitFixture.nearlyEmpty(anna.id(), DAY), Map.of(
                LoadTest.WALK, new LoadEntry.Whole(LoadResult.of(TestStatus.NOT_TESTED)),
                LoadTest.HOP, new LoadEntry.PerSide(Sides.of(null, LoadResult.of(TestStatus.PASS))),
                LoadTest.SL_SQUAT, new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.INCOMPLETE), null))))
                .withUpdated(AT);

        store.save(v, null);

        assertThat(store.find(v.id())).contains(v);
    }

    @Test
    void theLongestAllowedTextFitsEvenOutsideTheBasicPlane() {
        String emoji = "\uD83C\uDFC3"; // U+1F3C3 runner: two UTF-16 units
        String longest = emoji.repeat(20_000);
        Visit v = VisitFixture.withNotes(VisitFixture.full(anna.id(), DAY), longest)
                .withClinician(emoji.repeat(200))
                .withUpdated(AT);
        v = VisitFixture.withOutcomes(v, new Outcomes(List.of(new PsfsItem(emoji.repeat(200), 4)), 21, 7));
        v = VisitFixture.withPelvicFloor(v, new PelvicFloorExam(null, 5, 10, 10, 10, null,
                null, null, null, null, 120, longest));
        assertThat(VisitValidator.validate(v, DAY, null)).isEmpty();

        store.save(v, null);

        assertThat(store.find(v.id())).contains(v);
    }

    @Test
    void visitsOfAPatientComeOldestFirstAndSummariesNewestFirst() {
        Visit middle = VisitFixture.nearlyEmpty(anna.id(), DAY).withUpdated(AT);
        Visit oldest = VisitFixture.nearlyEmpty(anna.id(), DAY.minusWeeks(6)).withUpdated(AT);
        Visit newest = VisitFixture.withStage(VisitFixture.nearlyEmpty(anna.id(), DAY.plusWeeks(3)), Stage.RUN)
                .withUpdated(AT);
        store.save(middle, SuggestedStage.BUILD);
        store.save(newest, SuggestedStage.WALK_RUN);
        store.save(oldest, SuggestedStage.REFER);
        Patient other = patient("Zoë", "Ødegård").build();
        new PatientStore(database).save(other);
        store.save(VisitFixture.nearlyEmpty(other.id(), DAY).withUpdated(AT), null);

        assertThat(store.forPatient(anna.id())).extracting(Visit::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
        assertThat(store.summaries(anna.id())).containsExactly(
                new VisitSummary(newest.id(), newest.date(), null, VisitStatus.DRAFT, Stage.RUN,
                        SuggestedStage.WALK_RUN),
                new VisitSummary(middle.id(), middle.date(), null, VisitStatus.DRAFT, null, SuggestedStage.BUILD),
                new VisitSummary(oldest.id(), oldest.date(), null, VisitStatus.DRAFT, null, SuggestedStage.REFER));
        assertThat(store.forPatient(UUID.randomUUID())).isEmpty();
        assertThat(store.summaries(UUID.randomUUID())).isEmpty();
    }

    @Test
    void amendmentsWithTheSameIdBecomeOneWithTheUnionOfTheirFields() {
        Visit v = VisitFixture.full(anna.id(), DAY).withStatus(VisitStatus.COMPLETE).withUpdated(AT);
        store.save(v, null);
        UUID sitting = UUID.randomUUID();

        store.saveAmended(v, null, new Amendment(AT.plusSeconds(10), "Zoë", List.of("notes", "pelvicFloor.power")),
                sitting);
        store.saveAmended(v, null, new Amendment(AT.plusSeconds(20), "Zoë", List.of("history.bmi", "notes")),
                sitting);
        store.saveAmended(v, null, new Amendment(AT.plusSeconds(30), null, List.of("kind")), UUID.randomUUID());

        assertThat(store.amendments(v.id())).containsExactly(
                new Amendment(AT.plusSeconds(20), "Zoë", List.of("history.bmi", "notes", "pelvicFloor.power")),
                new Amendment(AT.plusSeconds(30), null, List.of("kind")));
    }

    /** The change to a completed visit, its amendment and what the service writes with them commit together. */
    @Test
    void anAmendedVisitItsAmendmentAndWhatGoesWithThemCommitTogetherOrNotAtAll() {
        Visit v = VisitFixture.full(anna.id(), DAY).withStatus(VisitStatus.COMPLETE).withUpdated(AT);
        store.save(v, null);
        Visit changed = VisitFixture.withNotes(v, "Changed").withUpdated(AT.plusSeconds(10));
        String reason = "Zoë Øde 李小龙 Ελένη Анна مريم 김민지 ".repeat(5).strip();
        Amendment amendment = new Amendment(AT.plusSeconds(10), "Zoë", List.of("notes"), Map.of(), reason,
                List.of(new Amendment.Change("notes", "Notes", "“a”", "“Changed”")));

        assertThatThrownBy(() -> store.saveAmended(changed, null, amendment, UUID.randomUUID(), tx -> {
            throw new IllegalStateException("the trail is full");
        })).hasMessageContaining("the trail is full");
        assertThat(store.find(v.id())).contains(v);
        assertThat(store.amendments(v.id())).isEmpty();

        store.saveAmended(changed, null, amendment, UUID.randomUUID(), AlsoInTransaction.NOTHING);
        assertThat(store.find(v.id())).contains(changed);
        assertThat(store.amendments(v.id())).containsExactly(amendment);
    }

    @Test
    void deletingAVisitDeletesItsListsAndAmendments() {
        Visit v = VisitFixture.full(anna.id(), DAY).withUpdated(AT);
        store.save(v, null);
        store.saveAmended(v, null, new Amendment(AT, "Zoë", List.of("notes")), UUID.randomUUID());

        assertThat(store.delete(v.id())).isTrue();

        assertThat(store.find(v.id())).isEmpty();
        assertThat(store.amendments(v.id())).isEmpty();
        assertThat(store.delete(v.id())).isFalse();
        // the same id can be saved afresh: no list rows were left behind to clash with
        store.save(v, null);
        assertThat(store.find(v.id())).contains(v);
    }

    @Test
    void aVisitNobodySavedIsNotFound() {
        assertThat(store.find(UUID.randomUUID())).isEmpty();
    }

    /**
     * A one-sided test with neither side recorded passes the validator but is not kept: the store
     * writes no row for it, so it comes back absent and the visit is no longer equal.
     */
    @Test
    void aOneSidedResultWithNeitherSideIsKeptOrRefused() {
        Visit v = VisitFixture.withLoad(VisitFixture.nearlyEmpty(anna.id(), DAY),
                Map.of(LoadTest.HOP, new LoadEntry.PerSide(Sides.of(null, null)))).withUpdated(AT);
        assertThat(VisitValidator.validate(v, DAY, null)).isEmpty();

        store.save(v, null);

        assertThat(store.find(v.id())).contains(v);
    }

    /** A Whole entry without a result passes the validator, then the store throws a NullPointerException. */
    @Test
    void aWholeEntryWithoutAResultIsNotACrash() {
        Visit v = VisitFixture.withLoad(VisitFixture.nearlyEmpty(anna.id(), DAY),
                Map.of(LoadTest.WALK, new LoadEntry.Whole(null))).withUpdated(AT);
        assertThat(VisitValidator.validate(v, DAY, null)).isEmpty();

        store.save(v, null);

        assertThat(store.find(v.id())).isPresent();
    }

    @Test
    void setsOfSymptomsAreKeptAsSets() {
        Visit v = VisitFixture.withLoad(VisitFixture.nearlyEmpty(anna.id(), DAY), Map.of(
                LoadTest.JOG_SPOT, new LoadEntry.Whole(new LoadResult(TestStatus.SYMPTOMS, Set.of(
                        TestSymptom.DOMING, TestSymptom.LEAKAGE)))))
                .withUpdated(AT);

        store.save(v, null);

        LoadEntry entry = store.find(v.id()).orElseThrow().loadImpact().get(LoadTest.JOG_SPOT);
        assertThat(((LoadEntry.Whole) entry).result().symptoms()).containsExactly(
                TestSymptom.LEAKAGE, TestSymptom.DOMING);
    }
}
