package app.rebound.domain.visit;

import static app.rebound.domain.visit.CriterionStatus.MET;
import static app.rebound.domain.visit.CriterionStatus.NOT_ASSESSED;
import static app.rebound.domain.visit.CriterionStatus.NOT_MET;
import static app.rebound.domain.visit.ReadinessCriterion.LOAD_IMPACT_TESTS;
import static app.rebound.domain.visit.ReadinessCriterion.NO_RED_FLAGS;
import static app.rebound.domain.visit.ReadinessCriterion.NO_SYMPTOMS;
import static app.rebound.domain.visit.ReadinessCriterion.PELVIC_FLOOR;
import static app.rebound.domain.visit.ReadinessCriterion.STRENGTH_TESTS;
import static app.rebound.domain.visit.ReadinessCriterion.WEEKS_SINCE_BIRTH;
import static app.rebound.domain.visit.VisitFixture.BIRTH;
import static app.rebound.domain.visit.VisitFixture.RED_FLAGS;
import static app.rebound.domain.visit.VisitFixture.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The six walk-run criteria of clinical reference section 8, one at a time. */
class ReadinessCriteriaTest {

    @Test
    void criteriaComeInTheOrderOfSection8() {
        List<ReadinessCriterion> order = List.of(WEEKS_SINCE_BIRTH, NO_RED_FLAGS, NO_SYMPTOMS, PELVIC_FLOOR,
                LOAD_IMPACT_TESTS, STRENGTH_TESTS);

        assertThat(VisitFixture.empty().evaluate().criteria()).extracting(CriterionResult::criterion)
                .containsExactlyElementsOf(order);
        assertThat(VisitFixture.ready().evaluate().criteria()).extracting(CriterionResult::criterion)
                .containsExactlyElementsOf(order);
        assertThat(VisitFixture.ready().with(RED_FLAGS, Set.of(RedFlag.FEVER)).without("pelvicFloor.power")
                .evaluate().criteria()).extracting(CriterionResult::criterion).containsExactlyElementsOf(order);
    }

    @Test
    void everyCriterionCarriesEvidence() {
        for (VisitFixture v : List.of(VisitFixture.empty(), VisitFixture.ready())) {
            assertThat(v.evaluate().criteria()).allSatisfy(c -> assertThat(c.evidence()).isNotBlank());
        }
    }

    @Test
    void theReadyFixtureMeetsEveryCriterion() {
        assertThat(VisitFixture.ready().evaluate().criteria()).extracting(CriterionResult::status)
                .containsOnly(MET);
    }

    @Nested
    class WeeksSinceBirth {

        @Test
        void exactlyTwelveWeeksIsMet() {
            ReadinessSummary s = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(84)).evaluate();

            assertThat(s.criterion(WEEKS_SINCE_BIRTH).status()).isEqualTo(MET);
            assertThat(s.criterion(WEEKS_SINCE_BIRTH).evidence()).contains("12 weeks");
        }

        @Test
        void oneDayShortIsNotMet() {
            ReadinessSummary s = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(83)).evaluate();

            assertThat(s.criterion(WEEKS_SINCE_BIRTH).status()).isEqualTo(NOT_MET);
            assertThat(s.criterion(WEEKS_SINCE_BIRTH).evidence()).contains("11 weeks").contains("6 days");
        }

        @Test
        void aBirthOnTheVisitDateCountsAndIsNotMet() {
            assertThat(VisitFixture.ready().with(BIRTH, VISIT_DATE).status(WEEKS_SINCE_BIRTH)).isEqualTo(NOT_MET);
        }

        @Test
        void countsCalendarDaysAcrossALeapDay() {
            VisitFixture v = VisitFixture.ready().date(LocalDate.of(2028, 4, 25))
                    .with(BIRTH, LocalDate.of(2028, 2, 1));
            assertThat(v.status(WEEKS_SINCE_BIRTH)).isEqualTo(MET);
            assertThat(v.date(LocalDate.of(2028, 4, 24)).status(WEEKS_SINCE_BIRTH)).isEqualTo(NOT_MET);
        }

        @Test
        void noBirthIsNotAssessed() {
            ReadinessSummary s = VisitFixture.ready().without(BIRTH).evaluate();

            assertThat(s.criterion(WEEKS_SINCE_BIRTH).status()).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void aBirthAfterTheVisitIsIgnored() {
            VisitFixture onlyLater = VisitFixture.ready().with(BIRTH, VISIT_DATE.plusDays(1));
            assertThat(onlyLater.status(WEEKS_SINCE_BIRTH)).isEqualTo(NOT_ASSESSED);

            VisitFixture olderAndLater = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(200))
                    .alsoBorn(VISIT_DATE.plusDays(1));
            assertThat(olderAndLater.status(WEEKS_SINCE_BIRTH)).isEqualTo(MET);
        }

        @Test
        void theMostRecentBirthOnOrBeforeTheVisitCounts() {
            VisitFixture v = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusYears(3))
                    .alsoBorn(VISIT_DATE.minusDays(30));

            assertThat(v.status(WEEKS_SINCE_BIRTH)).isEqualTo(NOT_MET);
        }
    }

    @Nested
    class RedFlags {

        @Test
        void notAskedIsNotAssessed() {
            assertThat(VisitFixture.ready().without(RED_FLAGS).status(NO_RED_FLAGS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void askedAndNonePresentIsMet() {
            assertThat(VisitFixture.ready().with(RED_FLAGS, Set.of()).status(NO_RED_FLAGS)).isEqualTo(MET);
        }

        @ParameterizedTest
        @EnumSource(RedFlag.class)
        void anyRedFlagIsNotMet(RedFlag flag) {
            ReadinessSummary s = VisitFixture.ready().with(RED_FLAGS, Set.of(flag)).evaluate();

            assertThat(s.criterion(NO_RED_FLAGS).status()).isEqualTo(NOT_MET);
        }

        @Test
        void evidenceNamesThePresentRedFlag() {
            ReadinessSummary s = VisitFixture.ready().with(RED_FLAGS, EnumSet.of(RedFlag.FEVER)).evaluate();

            assertThat(s.criterion(NO_RED_FLAGS).evidence()).contains("Fever");
        }
    }

    @Nested
    class SymptomFlags {

        @Test
        void allEightAskedAndAbsentIsMet() {
            assertThat(VisitFixture.empty().symptoms(false).status(NO_SYMPTOMS)).isEqualTo(MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#symptomFlags")
        void anyOneSymptomPresentIsNotMet(String flag) {
            assertThat(VisitFixture.empty().symptoms(false).symptom(flag, true).status(NO_SYMPTOMS))
                    .isEqualTo(NOT_MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#symptomFlags")
        void aPresentSymptomIsNotMetEvenWhenTheOthersWereNotAsked(String flag) {
            assertThat(VisitFixture.empty().symptom(flag, true).status(NO_SYMPTOMS)).isEqualTo(NOT_MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#symptomFlags")
        void anyOneNotAskedAndNonePresentIsNotAssessed(String flag) {
            assertThat(VisitFixture.empty().symptoms(false).symptom(flag, null).status(NO_SYMPTOMS))
                    .isEqualTo(NOT_ASSESSED);
        }

        @Test
        void nothingAskedIsNotAssessed() {
            assertThat(VisitFixture.empty().status(NO_SYMPTOMS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void painScoreAndOnsetMinutesDoNotMakeItNotMet() {
            VisitFixture v = VisitFixture.empty().symptoms(false)
                    .with("symptoms.painNrs", 10)
                    .with("symptoms.runSymptomOnsetMinutes", 0);

            assertThat(v.status(NO_SYMPTOMS)).isEqualTo(MET);
        }

        @Test
        void painScoreAndOnsetMinutesDoNotMakeItAssessed() {
            VisitFixture v = VisitFixture.empty()
                    .with("symptoms.painNrs", 0)
                    .with("symptoms.runSymptomOnsetMinutes", 600);

            assertThat(v.status(NO_SYMPTOMS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void symptomsSeenDuringALoadTestAreNotPartOfIt() {
            VisitFixture v = VisitFixture.ready()
                    .load(LoadTest.JOG_SPOT, LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE))
                    .load(LoadTest.HOP, LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS, TestSymptom.PAIN));

            assertThat(v.status(NO_SYMPTOMS)).isEqualTo(MET);
            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_MET);
        }
    }

    static Stream<String> symptomFlags() {
        return VisitFixture.SYMPTOM_FLAGS.stream();
    }

    @Nested
    class PelvicFloor {

        private VisitFixture floor(ExamMethod method, Integer power, Relaxation relaxation) {
            return VisitFixture.empty()
                    .with("pelvicFloor.method", method)
                    .with("pelvicFloor.power", power)
                    .with("pelvicFloor.relaxation", relaxation);
        }

        @ParameterizedTest
        @ValueSource(ints = {3, 4, 5})
        void powerThreeOrMoreWithCompleteRelaxationIsMet(int power) {
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, power, Relaxation.COMPLETE).status(PELVIC_FLOOR))
                    .isEqualTo(MET);
        }

        @ParameterizedTest
        @EnumSource(value = ExamMethod.class, names = "NOT_EXAMINED", mode = EnumSource.Mode.EXCLUDE)
        void anyWayOfExaminingCanMeetIt(ExamMethod method) {
            assertThat(floor(method, 3, Relaxation.COMPLETE).status(PELVIC_FLOOR)).isEqualTo(MET);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 2})
        void powerUnderThreeIsNotMet(int power) {
            ReadinessSummary s = floor(ExamMethod.VAGINAL_DIGITAL, power, Relaxation.COMPLETE).evaluate();

            assertThat(s.criterion(PELVIC_FLOOR).status()).isEqualTo(NOT_MET);
            assertThat(s.criterion(PELVIC_FLOOR).evidence()).contains("MOS " + power);
        }

        @ParameterizedTest
        @EnumSource(value = Relaxation.class, names = {"PARTIAL", "ABSENT"})
        void relaxationNotCompleteIsNotMet(Relaxation relaxation) {
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, 5, relaxation).status(PELVIC_FLOOR)).isEqualTo(NOT_MET);
        }

        @Test
        void powerMissingIsNotAssessed() {
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, null, Relaxation.COMPLETE).status(PELVIC_FLOOR))
                    .isEqualTo(NOT_ASSESSED);
        }

        @Test
        void relaxationMissingIsNotAssessed() {
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, 4, null).status(PELVIC_FLOOR)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void aRecordedFailingValueIsNotMetEvenWhenTheOtherIsMissing() {
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, null, Relaxation.PARTIAL).status(PELVIC_FLOOR))
                    .isEqualTo(NOT_MET);
            assertThat(floor(ExamMethod.VAGINAL_DIGITAL, 2, null).status(PELVIC_FLOOR)).isEqualTo(NOT_MET);
        }

        @Test
        void notExaminedIsNotAssessed() {
            assertThat(floor(ExamMethod.NOT_EXAMINED, null, null).status(PELVIC_FLOOR)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void notExaminedIsNeverMetWhateverElseIsRecorded() {
            assertThat(floor(ExamMethod.NOT_EXAMINED, 4, Relaxation.COMPLETE).status(PELVIC_FLOOR))
                    .isEqualTo(NOT_ASSESSED);
        }

        @Test
        void nothingRecordedIsNotAssessed() {
            assertThat(VisitFixture.empty().status(PELVIC_FLOOR)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void toneIsNotPartOfTheCriterion() {
            for (Tone tone : Tone.values()) {
                assertThat(floor(ExamMethod.VAGINAL_DIGITAL, 4, Relaxation.COMPLETE).with("pelvicFloor.tone", tone)
                        .status(PELVIC_FLOOR)).as("tone %s", tone).isEqualTo(MET);
            }
        }
    }

    @Nested
    class LoadImpact {

        @Test
        void allSevenPassedOnEachSideIsMet() {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS);

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(MET);
            assertThat(v.evaluate().criterion(LOAD_IMPACT_TESTS).evidence()).contains("7 of 7");
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#loadSlots")
        void oneSlotWithSymptomsIsNotMet(String path) {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS)
                    .with(path, LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE));

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#loadSlots")
        void oneSlotIncompleteIsNotMet(String path) {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS)
                    .with(path, LoadResult.of(TestStatus.INCOMPLETE));

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#loadSlots")
        void oneSlotMissingIsNotAssessed(String path) {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS).without(path);

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_ASSESSED);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#loadSlots")
        void notTestedCountsAsMissing(String path) {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS)
                    .with(path, LoadResult.of(TestStatus.NOT_TESTED));

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void aFailingSideOutweighsAMissingOne() {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS)
                    .loadSide(LoadTest.HOP, Side.LEFT, LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.HEAVINESS))
                    .without("loadImpact.WALK");

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_MET);
        }

        @Test
        void oneSideOnlyOfEveryOneSidedTestIsNotAssessed() {
            VisitFixture v = VisitFixture.empty().allLoad(TestStatus.PASS);
            for (LoadTest t : LoadTest.values()) {
                if (t.oneSided()) {
                    v.loadSide(t, Side.RIGHT, null);
                }
            }

            assertThat(v.status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void nothingRecordedIsNotAssessed() {
            assertThat(VisitFixture.empty().status(LOAD_IMPACT_TESTS)).isEqualTo(NOT_ASSESSED);
            assertThat(VisitFixture.empty().allLoad(TestStatus.NOT_TESTED).status(LOAD_IMPACT_TESTS))
                    .isEqualTo(NOT_ASSESSED);
        }
    }

    /** Every slot of the seven load and impact tests: each side of the one-sided ones. */
    static Stream<String> loadSlots() {
        return VisitFixture.loadPaths().stream();
    }

    @Nested
    class Strength {

        @Test
        void allEightSidesAtTwentyIsMet() {
            assertThat(VisitFixture.empty().allStrength(20).status(STRENGTH_TESTS)).isEqualTo(MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSidesAndFailingValues")
        void anySideUnderTwentyIsNotMet(String path, int reps) {
            VisitFixture v = VisitFixture.empty().allStrength(20).with(path, reps);

            assertThat(v.status(STRENGTH_TESTS)).isEqualTo(NOT_MET);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSides")
        void anySideMissingIsNotAssessed(String path) {
            VisitFixture v = VisitFixture.empty().allStrength(20).without(path);

            assertThat(v.status(STRENGTH_TESTS)).isEqualTo(NOT_ASSESSED);
        }

        @Test
        void zeroRepetitionsIsARecordedValueAndFails() {
            VisitFixture v = VisitFixture.empty().strength(StrengthTest.CALF_RAISE, 0, null);

            assertThat(v.status(STRENGTH_TESTS)).isEqualTo(NOT_MET);
        }

        @Test
        void aFailingSideOutweighsMissingOnes() {
            VisitFixture v = VisitFixture.empty().strength(StrengthTest.SIDE_ABDUCTION, null, 19);

            assertThat(v.status(STRENGTH_TESTS)).isEqualTo(NOT_MET);
        }

        @Test
        void nothingRecordedIsNotAssessed() {
            ReadinessSummary s = VisitFixture.empty().evaluate();

            assertThat(s.criterion(STRENGTH_TESTS).status()).isEqualTo(NOT_ASSESSED);
            assertThat(s.criterion(STRENGTH_TESTS).evidence()).contains("target 20");
        }

        @Test
        void evidenceGivesEachSideAndTheTarget() {
            VisitFixture v = VisitFixture.empty().allStrength(20).strength(StrengthTest.SL_BRIDGE, 14, 20);

            assertThat(v.evaluate().criterion(STRENGTH_TESTS).evidence())
                    .contains("Single leg bridge L 14, R 20")
                    .contains("target 20");
        }
    }

    static Stream<String> strengthSides() {
        return VisitFixture.strengthPaths().stream();
    }

    static Stream<Arguments> strengthSidesAndFailingValues() {
        List<Arguments> args = new ArrayList<>();
        for (String path : VisitFixture.strengthPaths()) {
            for (int reps : new int[] {0, 19}) {
                args.add(Arguments.of(path, reps));
            }
        }
        return args.stream();
    }
}
