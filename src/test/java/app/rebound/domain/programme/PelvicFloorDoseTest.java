package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Tone;

/** The dose from PERFECT (clinical reference §3) and the programme suggested from it. */
class PelvicFloorDoseTest {

    private static PelvicFloorExam floor(Integer power, Integer endurance, Integer reps, Integer fast, Tone tone) {
        return floor(power, endurance, reps, fast, Relaxation.COMPLETE, tone);
    }

    private static PelvicFloorExam floor(Integer power, Integer endurance, Integer reps, Integer fast,
            Relaxation relaxation, Tone tone) {
        return new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, power, endurance, reps, fast, null, null, null,
                relaxation, tone, null, null);
    }

    @Test
    void theReferenceExampleGivesHoldSixSecondsFiveTimesThenEightQuickSqueezes() {
        PelvicFloorDose dose = PelvicFloorDose.from(floor(3, 6, 5, 8, Tone.NORMAL));
        assertThat(dose).isEqualTo(new PelvicFloorDose(PelvicFloorDose.Plan.STRENGTH, 6, 5, 8));
    }

    @ParameterizedTest
    @CsvSource({"0,3", "1,3", "2,3", "3,3", "7,7", "10,10"})
    void eachNumberIsKeptBetweenThreeAndTen(int measured, int expected) {
        PelvicFloorDose dose = PelvicFloorDose.from(floor(4, measured, measured, measured, Tone.NORMAL));
        assertThat(dose.holdSeconds()).isEqualTo(expected);
        assertThat(dose.holds()).isEqualTo(expected);
        assertThat(dose.quickSqueezes()).isEqualTo(expected);
    }

    @Test
    void notRecordedStartsAtTheMinimumNotAtZero() {
        PelvicFloorDose dose = PelvicFloorDose.from(PelvicFloorExam.EMPTY);
        assertThat(dose.holdSeconds()).isEqualTo(3);
        assertThat(dose.holds()).isEqualTo(3);
        assertThat(dose.quickSqueezes()).isEqualTo(3);
        assertThat(dose.plan()).isEqualTo(PelvicFloorDose.Plan.STRENGTH);
    }

    @ParameterizedTest
    @CsvSource({"0", "1"})
    void mosZeroOrOneFindsTheContractionFirst(int power) {
        assertThat(PelvicFloorDose.from(floor(power, 2, 2, 2, Tone.NORMAL)).plan())
                .isEqualTo(PelvicFloorDose.Plan.FIND_CONTRACTION);
    }

    @Test
    void aHighToneFloorRelaxesFirstEvenWhenStrong() {
        assertThat(PelvicFloorDose.from(floor(5, 10, 10, 10, Tone.HIGH)).plan())
                .isEqualTo(PelvicFloorDose.Plan.RELAXATION_FIRST);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"NORMAL", "LOW", "-"})
    void aFloorThatDoesNotRelaxAtAllRelaxesFirstWhateverItsTone(Tone tone) {
        // §8 rule 2 sends relaxation ABSENT to CONNECT with "relaxation and down-training first"; the
        // programme must say the same (§3: not simply strength holds)
        assertThat(PelvicFloorDose.from(floor(4, 8, 8, 8, Relaxation.ABSENT, tone)).plan())
                .isEqualTo(PelvicFloorDose.Plan.RELAXATION_FIRST);
        assertThat(PelvicFloorDose.from(floor(4, 8, 8, 8, Relaxation.PARTIAL, tone)).plan())
                .isEqualTo(PelvicFloorDose.Plan.STRENGTH);
    }

    @Test
    void aFloorThatDoesNotRelaxGetsNoHoldsOrSqueezesInItsProgramme() {
        Programme programme = ProgrammeSuggester.shipped().suggest(Stage.CONNECT, SuggestedStage.CONNECT,
                floor(4, 8, 8, 8, Relaxation.ABSENT, Tone.NORMAL));
        assertThat(programme.exercises()).extracting(ProgrammeItem::exercise)
                .noneMatch(code -> code.startsWith("pf-holds-") || code.startsWith("pf-quick-"))
                .contains("pf-relax-breathing", "walking");
    }

    @Test
    void everyShippedExerciseThatAsksForASqueezeIsPelvicFloorWork() {
        // what an overactive floor is kept from: a handout step that asks her to squeeze
        for (Exercise e : ExerciseLibrary.shipped()) {
            boolean asksToSqueeze = e.instructions().stream()
                    .map(step -> step.toLowerCase(java.util.Locale.ROOT))
                    .anyMatch(step -> step.contains("squeez") && !step.contains("do not squeeze")
                            && !step.contains("squeeze your bottom"));
            if (asksToSqueeze && e.kind() != ExerciseKind.RELAXATION) {
                assertThat(e.kind() != ExerciseKind.GENERAL || ProgrammeSuggester.squeezes(e)).as(e.code()).isTrue();
            }
        }
    }

    @Test
    void aHighToneFloorIsNotAskedToLiftWithTheDeepTummyOrToSqueezeOnTheWarmUpWalk() {
        Programme connect = ProgrammeSuggester.shipped().suggest(Stage.CONNECT, SuggestedStage.CONNECT,
                floor(5, 10, 10, 10, Tone.HIGH));
        assertThat(connect.exercises()).extracting(ProgrammeItem::exercise)
                .doesNotContain("tva-activation", "tva-four-point", "pf-knack", "breathing-pf")
                .contains("walking");
        Programme walkRun = ProgrammeSuggester.shipped().suggest(Stage.WALK_RUN, SuggestedStage.CONNECT,
                floor(5, 10, 10, 10, Tone.HIGH));
        assertThat(walkRun.exercises()).extracting(ProgrammeItem::exercise)
                .doesNotContain("warm-up-walk").contains(ExerciseLibrary.WALK_RUN_INTERVALS);
        Programme normal = ProgrammeSuggester.shipped().suggest(Stage.CONNECT, SuggestedStage.CONNECT,
                floor(3, 6, 5, 8, Tone.NORMAL));
        assertThat(normal.exercises()).extracting(ProgrammeItem::exercise).contains("tva-activation");
    }

    @Test
    void theSuggestedProgrammeDosesThePelvicFloorFromPerfectInEveryStage() {
        ProgrammeSuggester suggester = ProgrammeSuggester.shipped();
        for (Stage stage : Stage.values()) {
            Programme programme = suggester.suggest(stage, SuggestedStage.LOW_LOAD, floor(3, 6, 5, 8, Tone.NORMAL));
            assertThat(programme.exercises()).as(stage.name()).anySatisfy(item -> {
                assertThat(item.exercise()).startsWith("pf-holds-");
                assertThat(item.dose().holdSeconds()).isEqualTo(6);
                assertThat(item.dose().reps()).isEqualTo(5);
            }).anySatisfy(item -> {
                assertThat(item.exercise()).startsWith("pf-quick-");
                assertThat(item.dose().reps()).isEqualTo(8);
            });
            assertThat(programme.validate(code -> ExerciseLibrary.byCode(code).isPresent())).as(stage.name()).isEmpty();
            assertThat(programme.walkRun().isEmpty()).isEqualTo(stage != Stage.WALK_RUN);
        }
    }

    @Test
    void aHighToneFloorGetsRelaxationAndNoSqueezingOfAnyKind() {
        Programme programme = ProgrammeSuggester.shipped().suggest(Stage.CONNECT, SuggestedStage.CONNECT,
                floor(5, 10, 10, 10, Tone.HIGH));
        assertThat(programme.exercises()).isNotEmpty().noneSatisfy(item -> {
            Exercise e = ExerciseLibrary.byCode(item.exercise()).orElseThrow();
            assertThat(e.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS || e.kind() == ExerciseKind.PELVIC_FLOOR_QUICK
                    || ProgrammeSuggester.squeezes(e)).isTrue();
        });
        assertThat(programme.exercises()).anySatisfy(item ->
                assertThat(ExerciseLibrary.byCode(item.exercise()).orElseThrow().kind()).isEqualTo(ExerciseKind.RELAXATION));
    }

    @Test
    void mosOneStartsWithFindingTheContractionLyingDown() {
        Programme programme = ProgrammeSuggester.shipped().suggest(Stage.CONNECT, SuggestedStage.CONNECT,
                floor(1, null, null, null, Tone.NORMAL));
        assertThat(programme.exercises().get(0).exercise()).isEqualTo("pf-find");
        assertThat(programme.exercises()).noneSatisfy(item -> assertThat(item.exercise()).startsWith("pf-holds-"));
    }

    @Test
    void theWalkRunExerciseStartsAsThePlansFirstWeek() {
        Programme programme = ProgrammeSuggester.shipped().suggest(Stage.WALK_RUN, SuggestedStage.WALK_RUN,
                floor(3, 6, 5, 8, Tone.NORMAL));
        WalkRunWeek first = programme.walkRun().get(0);
        assertThat(programme.exercises()).filteredOn(i -> i.exercise().equals(ExerciseLibrary.WALK_RUN_INTERVALS))
                .singleElement().satisfies(item -> {
                    assertThat(item.dose().reps()).isEqualTo(first.repeats()).isEqualTo(10);
                    assertThat(item.dose().daysPerWeek()).isEqualTo(first.sessionsPerWeek());
                });
    }

    @Test
    void aReferVisitGetsNoProgramme() {
        assertThatThrownBy(() -> ProgrammeSuggester.shipped().suggest(null, SuggestedStage.REFER, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
