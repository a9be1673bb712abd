package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Tone;

/** The dose from PERFECT (clinical reference §3); the programme it goes into: ProgrammeSuggesterTest. */
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
}
