package app.rebound.domain.visit;

import static app.rebound.domain.visit.VisitFixture.BIRTH;
import static app.rebound.domain.visit.VisitFixture.RED_FLAGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Missing data never moves a patient forward" (clinical reference section 8), case by case. The
 * random-visit version is {@link MissingDataPropertyTest}.
 */
class MissingDataExamplesTest {

    private static int rank(VisitFixture v) {
        return Section8.rank(v.stage());
    }

    @Test
    void nothingRecordedIsNeverPastLowLoad() {
        assertThat(VisitFixture.empty().stage()).isEqualTo(SuggestedStage.LOW_LOAD);
        assertThat(VisitFixture.empty().with(RED_FLAGS, Set.of()).symptoms(false).stage())
                .isEqualTo(SuggestedStage.LOW_LOAD);
    }

    @ParameterizedTest
    @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#strengthSides")
    void aMissingStrengthSideIsNeverAheadOfTwenty(String path) {
        VisitFixture missing = VisitFixture.ready().allStrength(20).without(path);

        assertThat(missing.stage()).isEqualTo(SuggestedStage.BUILD);
        assertThat(rank(missing)).isLessThan(rank(VisitFixture.ready().allStrength(20)));
    }

    @ParameterizedTest
    @MethodSource("app.rebound.domain.visit.ReadinessCriteriaTest#loadSlots")
    void aMissingLoadSideIsNeverAheadOfAPass(String path) {
        assertThat(VisitFixture.ready().without(path).stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
    }

    @Test
    void anUnknownBirthIsNeverAheadOfElevenWeeks() {
        assertThat(VisitFixture.ready().without(BIRTH).stage())
                .isEqualTo(VisitFixture.ready().with(BIRTH, VisitFixture.VISIT_DATE.minusDays(77)).stage());
    }

    @Test
    void aMissingSymptomFlagIsNeverAheadOfAPresentSymptom() {
        for (String flag : VisitFixture.SYMPTOM_FLAGS) {
            assertThat(rank(VisitFixture.ready().symptom(flag, null)))
                    .as(flag).isEqualTo(rank(VisitFixture.ready().symptom(flag, true)));
        }
    }

    /*
     * Removing a value that FAILS a rule may move her forward; the rules themselves say so, and the
     * principle's second half ("recording a missing value never moves her backward past where a
     * failing value would") allows it.
     */

    @Test
    void withMosOneShePractisesTheContractionButWithMosNotRecordedSheDoesNot() {
        VisitFixture mosOne = VisitFixture.ready().with("pelvicFloor.power", 1);

        assertThat(mosOne.stage()).isEqualTo(SuggestedStage.CONNECT);
        assertThat(mosOne.copy().without("pelvicFloor.power").stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
    }

    @Test
    void aSideUnderTenIsLowLoadButThatSideNotRecordedIsBuild() {
        VisitFixture underTen = VisitFixture.ready().allStrength(15).strength(StrengthTest.SL_BRIDGE, 5, 15);

        assertThat(underTen.stage()).isEqualTo(SuggestedStage.LOW_LOAD);
        assertThat(underTen.copy().without("strength.SL_BRIDGE.left").stage()).isEqualTo(SuggestedStage.BUILD);
    }

    /*
     * The pelvic floor criterion needs the floor "examined" with MOS 3 or more and relaxation
     * COMPLETE. Recorded as NOT_EXAMINED it is not met (NOT_ASSESSED) even if power and relaxation
     * were filled in; with the method not recorded at all it is not met either, so removing the
     * method never moves her forward.
     */
    @Test
    void removingNotExaminedNeverMovesHerForward() {
        VisitFixture notExamined = VisitFixture.ready().with("pelvicFloor.method", ExamMethod.NOT_EXAMINED);
        VisitFixture methodMissing = notExamined.copy().without("pelvicFloor.method");

        assertThat(notExamined.stage()).isEqualTo(SuggestedStage.IMPACT_PREP);
        assertThat(rank(methodMissing)).isLessThanOrEqualTo(rank(notExamined));
        assertThat(methodMissing.status(ReadinessCriterion.PELVIC_FLOOR)).isNotEqualTo(CriterionStatus.MET);
    }
}
