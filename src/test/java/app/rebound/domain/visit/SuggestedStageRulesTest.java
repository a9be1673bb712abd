package app.rebound.domain.visit;

import static app.rebound.domain.visit.CriterionStatus.NOT_ASSESSED;
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

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.domain.Messages;

/** The suggested stage of clinical reference section 8: the first of rules 1–6 that applies. */
class SuggestedStageRulesTest {

    @Test
    void theSuggestionIsOneOfTheSixStagesOfSection8AndNeverRun() {
        assertThat(Arrays.stream(SuggestedStage.values()).map(Enum::name))
                .containsExactly("REFER", "CONNECT", "LOW_LOAD", "BUILD", "IMPACT_PREP", "WALK_RUN")
                .doesNotContain("RUN");
    }

    @Test
    void referIssuesNoProgrammeAndEveryOtherSuggestionIsTheStageOfTheSameName() {
        assertThat(SuggestedStage.REFER.stage()).isEmpty();
        for (SuggestedStage s : SuggestedStage.values()) {
            if (s != SuggestedStage.REFER) {
                assertThat(s.stage()).map(Enum::name).contains(s.name());
            }
        }
    }

    @Nested
    class Rule1RedFlag {

        @ParameterizedTest
        @EnumSource(RedFlag.class)
        void aRedFlagWithEverythingElsePerfectIsRefer(RedFlag flag) {
            ReadinessSummary s = VisitFixture.ready().with(RED_FLAGS, Set.of(flag)).evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.REFER);
            assertThat(s.refer()).isTrue();
            assertThat(s.reason()).isNotBlank();
        }

        @Test
        void referComesBeforeEveryOtherRule() {
            VisitFixture v = VisitFixture.empty().with(RED_FLAGS, Set.of(RedFlag.CALF_PAIN_SWELLING))
                    .with("pelvicFloor.power", 0)
                    .with("pelvicFloor.relaxation", Relaxation.ABSENT)
                    .strength(StrengthTest.CALF_RAISE, 0, 0);

            assertThat(v.stage()).isEqualTo(SuggestedStage.REFER);
        }

        @Test
        void redFlagsAskedAndNonePresentIsNotRefer() {
            assertThat(VisitFixture.ready().with(RED_FLAGS, Set.of()).evaluate().refer()).isFalse();
            assertThat(VisitFixture.ready().without(RED_FLAGS).evaluate().refer()).isFalse();
        }
    }

    @Nested
    class Rule2Connect {

        @ParameterizedTest
        @ValueSource(ints = {0, 1})
        void noVoluntaryContractionIsConnect(int power) {
            assertThat(VisitFixture.ready().with("pelvicFloor.power", power).stage())
                    .isEqualTo(SuggestedStage.CONNECT);
        }

        @Test
        void mosTwoIsPastConnect() {
            assertThat(VisitFixture.ready().with("pelvicFloor.power", 2).stage())
                    .isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void relaxationAbsentIsConnectWhateverThePower() {
            VisitFixture v = VisitFixture.ready().with("pelvicFloor.power", 5)
                    .with("pelvicFloor.relaxation", Relaxation.ABSENT);

            assertThat(v.stage()).isEqualTo(SuggestedStage.CONNECT);
        }

        @Test
        void highToneWithPartialRelaxationIsConnectEvenAtMosFive() {
            VisitFixture v = VisitFixture.ready().with("pelvicFloor.power", 5)
                    .with("pelvicFloor.tone", Tone.HIGH)
                    .with("pelvicFloor.relaxation", Relaxation.PARTIAL);

            ReadinessSummary s = v.evaluate();
            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.CONNECT);
            assertThat(s.reason()).containsIgnoringCase("relaxation");
        }

        @Test
        void highToneThatRelaxesCompletelyIsNotHeldBack() {
            VisitFixture v = VisitFixture.ready().with("pelvicFloor.tone", Tone.HIGH);

            assertThat(v.stage()).isEqualTo(SuggestedStage.WALK_RUN);
        }

        @ParameterizedTest
        @EnumSource(value = Tone.class, names = {"LOW", "NORMAL"})
        void partialRelaxationWithoutHighToneIsNotConnect(Tone tone) {
            VisitFixture v = VisitFixture.ready().with("pelvicFloor.tone", tone)
                    .with("pelvicFloor.relaxation", Relaxation.PARTIAL);

            assertThat(v.stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void partialRelaxationWithToneNotRecordedIsNotConnect() {
            VisitFixture v = VisitFixture.ready().without("pelvicFloor.tone")
                    .with("pelvicFloor.relaxation", Relaxation.PARTIAL);

            assertThat(v.stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void connectComesBeforeLowLoad() {
            VisitFixture v = VisitFixture.empty().with("pelvicFloor.power", 1);

            assertThat(v.stage()).isEqualTo(SuggestedStage.CONNECT);
        }
    }

    @Nested
    class Rule3LowLoad {

        @Test
        void nothingRecordedAtAllIsLowLoadWithEveryCriterionToAssess() {
            ReadinessSummary s = VisitFixture.empty().evaluate();

            assertThat(s.criteria()).extracting(CriterionResult::status).containsOnly(NOT_ASSESSED);
            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.LOW_LOAD);
            assertThat(s.assessNext()).containsExactly(WEEKS_SINCE_BIRTH, NO_RED_FLAGS, NO_SYMPTOMS, PELVIC_FLOOR,
                    LOAD_IMPACT_TESTS, STRENGTH_TESTS);
            assertThat(s.considerOnwardReferral()).isFalse();
            assertThat(s.reason()).isNotBlank();
        }

        @Test
        void anEmptyDraftIsLowLoad() {
            Visit draft = Visit.draft(VisitFixture.PATIENT_ID, VISIT_DATE, VisitKind.INITIAL);

            ReadinessSummary s = ReadinessRules.evaluate(draft, List.of(), null);

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.LOW_LOAD);
            assertThat(s.criteria()).extracting(CriterionResult::status).containsOnly(NOT_ASSESSED);
        }

        @Test
        void noStrengthTestWithEverythingElsePerfectIsLowLoad() {
            VisitFixture v = VisitFixture.ready().allStrength(null);

            assertThat(v.stage()).isEqualTo(SuggestedStage.LOW_LOAD);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSides")
        void anySideUnderTenIsLowLoad(String path) {
            assertThat(VisitFixture.ready().with(path, 9).stage()).isEqualTo(SuggestedStage.LOW_LOAD);
            assertThat(VisitFixture.ready().with(path, 0).stage()).isEqualTo(SuggestedStage.LOW_LOAD);
        }

        @Test
        void tenIsNotUnderTen() {
            assertThat(VisitFixture.ready().strength(StrengthTest.SL_SIT_STAND, 10, 25).stage())
                    .isEqualTo(SuggestedStage.BUILD);
        }

        @Test
        void oneSideUnderTenIsLowLoadEvenWhenTheRestIsMissing() {
            VisitFixture v = VisitFixture.ready().allStrength(null).strength(StrengthTest.CALF_RAISE, null, 9);

            assertThat(v.stage()).isEqualTo(SuggestedStage.LOW_LOAD);
        }
    }

    @Nested
    class Rule4Build {

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSides")
        void anySideFromTenToNineteenIsBuild(String path) {
            assertThat(VisitFixture.ready().with(path, 19).stage()).isEqualTo(SuggestedStage.BUILD);
            assertThat(VisitFixture.ready().with(path, 10).stage()).isEqualTo(SuggestedStage.BUILD);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSides")
        void allAtTwentyButOneSideMissingIsBuild(String path) {
            VisitFixture v = VisitFixture.ready().allStrength(20).without(path);

            assertThat(v.stage()).isEqualTo(SuggestedStage.BUILD);
        }

        @Test
        void strengthAtTwentyButElevenWeeksSinceBirthIsBuild() {
            VisitFixture v = VisitFixture.ready().allStrength(20).with(BIRTH, VISIT_DATE.minusWeeks(11));

            assertThat(v.stage()).isEqualTo(SuggestedStage.BUILD);
        }

        @Test
        void oneDayShortOfTwelveWeeksIsBuild() {
            assertThat(VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(83)).stage())
                    .isEqualTo(SuggestedStage.BUILD);
        }

        @Test
        void exactlyTwelveWeeksLetsHerPastBuild() {
            assertThat(VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(84)).stage())
                    .isEqualTo(SuggestedStage.WALK_RUN);
        }

        @Test
        void noBirthRecordedIsBuild() {
            ReadinessSummary s = VisitFixture.ready().without(BIRTH).evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.BUILD);
            assertThat(s.assessNext()).containsExactly(WEEKS_SINCE_BIRTH);
        }

        @Test
        void onlyABirthAfterTheVisitIsBuild() {
            assertThat(VisitFixture.ready().with(BIRTH, VISIT_DATE.plusDays(1)).stage())
                    .isEqualTo(SuggestedStage.BUILD);
        }

        @Test
        void redFlagsNotAskedWithEverythingElsePerfectIsBuildAndSaysToAskThem() {
            ReadinessSummary s = VisitFixture.ready().without(RED_FLAGS).evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.BUILD);
            assertThat(s.reason()).isEqualTo("Ask the red flags before any impact work");
            assertThat(s.assessNext()).containsExactly(NO_RED_FLAGS);
        }

        @Test
        void redFlagsAskedAndNonePresentLetsHerPastBuild() {
            assertThat(VisitFixture.ready().with(RED_FLAGS, Set.of()).stage()).isEqualTo(SuggestedStage.WALK_RUN);
        }

        @Test
        void redFlagsNotAskedHoldsBackEvenAVisitThatWouldBeImpactPrep() {
            VisitFixture v = VisitFixture.ready().without(RED_FLAGS).symptom("urgency", true).allLoad(null);

            assertThat(v.stage()).isEqualTo(SuggestedStage.BUILD);
            assertThat(v.copy().with(RED_FLAGS, Set.of()).stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void redFlagsNotAskedDoesNotLiftAnEarlierStage() {
            assertThat(VisitFixture.ready().without(RED_FLAGS).with("pelvicFloor.power", 1).stage())
                    .isEqualTo(SuggestedStage.CONNECT);
            assertThat(VisitFixture.ready().without(RED_FLAGS).strength(StrengthTest.CALF_RAISE, 5, 25).stage())
                    .isEqualTo(SuggestedStage.LOW_LOAD);
        }

        @Test
        void aStrengthOrBirthReasonComesBeforeTheRedFlagOne() {
            assertThat(VisitFixture.ready().without(RED_FLAGS).strength(StrengthTest.CALF_RAISE, 15, 25)
                    .evaluate().reason()).isNotEqualTo("Ask the red flags before any impact work");
            assertThat(VisitFixture.ready().without(RED_FLAGS).with(BIRTH, VISIT_DATE.minusWeeks(6))
                    .evaluate().reason()).isEqualTo(Messages.get("readiness.reason.tooSoon"));
        }

        @Test
        void buildComesBeforeImpactPrep() {
            VisitFixture v = VisitFixture.ready().strength(StrengthTest.CALF_RAISE, 15, 25)
                    .without(RED_FLAGS)
                    .symptom("urgency", true)
                    .with("pelvicFloor.power", 2)
                    .allLoad(null);

            assertThat(v.stage()).isEqualTo(SuggestedStage.BUILD);
        }
    }

    @Nested
    class Rule5ImpactPrep {

        @Test
        void everythingMetButLoadAndImpactNotAssessedIsImpactPrep() {
            ReadinessSummary s = VisitFixture.ready().allLoad(null).evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.IMPACT_PREP);
            assertThat(s.assessNext()).containsExactly(LOAD_IMPACT_TESTS);
        }

        @Test
        void oneLoadTestWithSymptomsIsImpactPrep() {
            VisitFixture v = VisitFixture.ready()
                    .loadSide(LoadTest.RUNNING_MAN, Side.RIGHT, LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.PAIN));

            assertThat(v.stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
            assertThat(v.evaluate().assessNext()).isEmpty();
        }

        @Test
        void redFlagsNotAskedNeverReachesThisRule() {
            // rule 4 caps it at BUILD; a red flag present was REFER at rule 1
            assertThat(VisitFixture.ready().without(RED_FLAGS).allLoad(null).stage()).isEqualTo(SuggestedStage.BUILD);
            assertThat(VisitFixture.ready().with(RED_FLAGS, Set.of(RedFlag.FEVER)).allLoad(null).stage())
                    .isEqualTo(SuggestedStage.REFER);
        }

        @ParameterizedTest
        @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#symptomFlags")
        void aSymptomPresentIsImpactPrep(String flag) {
            assertThat(VisitFixture.ready().symptom(flag, true).stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void aSymptomNotAskedIsImpactPrep() {
            ReadinessSummary s = VisitFixture.ready().symptom("dyspareunia", null).evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.IMPACT_PREP);
            assertThat(s.assessNext()).containsExactly(NO_SYMPTOMS);
        }

        @Test
        void pelvicFloorNotAssessedIsImpactPrep() {
            ReadinessSummary s = VisitFixture.ready().without("pelvicFloor.relaxation").evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.IMPACT_PREP);
            assertThat(s.assessNext()).containsExactly(PELVIC_FLOOR);
        }

        @Test
        void pelvicFloorNotExaminedIsImpactPrep() {
            VisitFixture v = VisitFixture.ready().with("pelvicFloor.method", ExamMethod.NOT_EXAMINED)
                    .without("pelvicFloor.power").without("pelvicFloor.relaxation").without("pelvicFloor.tone");

            assertThat(v.stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        }

        @Test
        void mosTwoIsImpactPrep() {
            assertThat(VisitFixture.ready().with("pelvicFloor.power", 2).stage())
                    .isEqualTo(SuggestedStage.IMPACT_PREP);
        }
    }

    @Nested
    class Rule6WalkRun {

        @Test
        void everythingMetIsWalkRunWithNothingToAssess() {
            ReadinessSummary s = VisitFixture.ready().evaluate();

            assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.WALK_RUN);
            assertThat(s.assessNext()).isEmpty();
            assertThat(s.refer()).isFalse();
            assertThat(s.reason()).isNotBlank();
        }

        @Test
        void theLeastThatMeetsEveryCriterionIsWalkRun() {
            VisitFixture v = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusDays(84))
                    .with("pelvicFloor.power", 3)
                    .allStrength(20);

            assertThat(v.stage()).isEqualTo(SuggestedStage.WALK_RUN);
        }

        @Test
        void painScoreAndOnsetMinutesDoNotHoldHerBack() {
            VisitFixture v = VisitFixture.ready().with("symptoms.painNrs", 8)
                    .with("symptoms.runSymptomOnsetMinutes", 0);

            assertThat(v.stage()).isEqualTo(SuggestedStage.WALK_RUN);
        }
    }

    @Nested
    class AssessNext {

        @Test
        void listsExactlyTheNotAssessedCriteriaInSection8Order() {
            VisitFixture v = VisitFixture.ready()
                    .strength(StrengthTest.SIDE_ABDUCTION, 25, null)
                    .without("loadImpact.WALK")
                    .without("pelvicFloor.power")
                    .symptom("lumbopelvicPain", null)
                    .without(RED_FLAGS)
                    .without(BIRTH);

            ReadinessSummary s = v.evaluate();

            assertThat(s.assessNext()).containsExactly(WEEKS_SINCE_BIRTH, NO_RED_FLAGS, NO_SYMPTOMS, PELVIC_FLOOR,
                    LOAD_IMPACT_TESTS, STRENGTH_TESTS);
        }

        @Test
        void leavesOutCriteriaThatAreNotMet() {
            VisitFixture v = VisitFixture.ready()
                    .with(BIRTH, VISIT_DATE.minusDays(10))
                    .symptom("urinaryIncontinence", true)
                    .without("loadImpact.HOP.left")
                    .without("pelvicFloor.method").with("pelvicFloor.power", 2);

            ReadinessSummary s = v.evaluate();

            assertThat(s.assessNext()).containsExactly(LOAD_IMPACT_TESTS);
        }
    }
}
