package app.rebound.domain.visit;

import static app.rebound.domain.visit.VisitFixture.BIRTH;
import static app.rebound.domain.visit.VisitFixture.RED_FLAGS;
import static app.rebound.domain.visit.VisitFixture.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.rebound.domain.Violation;

/**
 * Clinical reference §9: a stage ahead of the suggestion is chosen knowingly, and impact work (IMPACT_PREP,
 * WALK_RUN, RUN) before 12 weeks after the birth or while the red flags are not asked needs a reason.
 */
class StageChoiceTest {

    /** The births to sweep: none recorded, under 12 weeks (1 and 83 days), exactly 12 weeks, long after. */
    private static final List<Optional<LocalDate>> BIRTHS = List.of(Optional.empty(),
            Optional.of(VISIT_DATE.minusDays(1)), Optional.of(VISIT_DATE.minusDays(83)),
            Optional.of(VISIT_DATE.minusDays(84)), Optional.of(VISIT_DATE.minusDays(400)));

    private static List<VisitFixture> sweep() {
        List<VisitFixture> visits = new ArrayList<>();
        for (Optional<LocalDate> birth : BIRTHS) {
            for (boolean asked : new boolean[] {true, false}) {
                for (VisitFixture base : List.of(VisitFixture.ready(), VisitFixture.empty(),
                        VisitFixture.ready().with("pelvicFloor.power", 1), VisitFixture.ready().allLoad(null))) {
                    VisitFixture v = base.copy();
                    v = birth.isPresent() ? v.with(BIRTH, birth.get()) : v.without(BIRTH);
                    v = asked ? v.with(RED_FLAGS, Set.of()) : v.without(RED_FLAGS);
                    visits.add(v);
                }
            }
        }
        return visits;
    }

    @Test
    void aReasonIsNeededExactlyForImpactStagesBeforeTwelveWeeksOrWithRedFlagsNotAsked() {
        for (VisitFixture v : sweep()) {
            ReadinessSummary readiness = v.evaluate();
            Object birth = v.get(BIRTH);
            boolean tooSoonOrUnknown = birth == null || ((LocalDate) birth).plusDays(84).isAfter(VISIT_DATE);
            boolean notAsked = v.get(RED_FLAGS) == null;
            for (Stage stage : Stage.values()) {
                boolean impact = stage == Stage.IMPACT_PREP || stage == Stage.WALK_RUN || stage == Stage.RUN;
                assertThat(StageChoice.reasonNeeded(stage, readiness).isPresent())
                        .as("%s with birth %s, red flags asked %s", stage, birth, !notAsked)
                        .isEqualTo(impact && (tooSoonOrUnknown || notAsked));
            }
            assertThat(StageChoice.reasonNeeded(null, readiness)).as("following the suggestion").isEmpty();
        }
    }

    @Test
    void aStageThatNeedsAReasonIsAlwaysAheadOfTheSuggestion() {
        for (VisitFixture v : sweep()) {
            ReadinessSummary readiness = v.evaluate();
            for (Stage stage : Stage.values()) {
                if (StageChoice.reasonNeeded(stage, readiness).isPresent()) {
                    assertThat(StageChoice.ahead(stage, readiness)).as("%s over %s", stage,
                            readiness.suggestedStage()).isTrue();
                }
            }
        }
    }

    @Test
    void aheadMeansFurtherOnThanTheSuggestionAndNeverForRefer() {
        ReadinessSummary build = VisitFixture.ready().without(RED_FLAGS).evaluate();
        assertThat(build.suggestedStage()).isEqualTo(SuggestedStage.BUILD);
        assertThat(Stage.values()).filteredOn(s -> StageChoice.ahead(s, build))
                .containsExactly(Stage.IMPACT_PREP, Stage.WALK_RUN, Stage.RUN);
        assertThat(StageChoice.ahead(null, build)).isFalse();

        ReadinessSummary walkRun = VisitFixture.ready().evaluate();
        assertThat(Stage.values()).filteredOn(s -> StageChoice.ahead(s, walkRun)).containsExactly(Stage.RUN);

        ReadinessSummary refer = VisitFixture.ready().with(RED_FLAGS, Set.of(RedFlag.FEVER)).evaluate();
        assertThat(Stage.values()).noneMatch(s -> StageChoice.ahead(s, refer));
        assertThat(Stage.values()).noneMatch(s -> StageChoice.reasonNeeded(s, refer).isPresent());
    }

    @Test
    void theReasonSaysWhyInTheClinicianssWords() {
        ReadinessSummary both = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusWeeks(8)).without(RED_FLAGS).evaluate();
        assertThat(StageChoice.reasonNeeded(Stage.WALK_RUN, both))
                .contains("before 12 weeks after the birth and while the red flags are not asked");
        assertThat(StageChoice.reasonNeeded(Stage.RUN, VisitFixture.ready().without(BIRTH).evaluate()))
                .contains("with no birth recorded before the visit");
    }

    @Test
    void checkRefusesANewChoiceWithoutAReasonAndKeepsAChoiceMadeBeforeItNeededOne() {
        VisitFixture early = VisitFixture.ready().with(BIRTH, VISIT_DATE.minusWeeks(8));
        ReadinessSummary readiness = early.evaluate();
        Visit none = early.visit();
        Visit walkRun = none.withStage(Stage.WALK_RUN, null);
        Visit explained = none.withStage(Stage.WALK_RUN, "Ran through pregnancy; cleared by her obstetrician");

        // a new visit, or a new choice, without the reason it needs
        assertThat(StageChoice.check(walkRun, null, readiness)).extracting(Violation::field)
                .containsExactly("stageReason");
        assertThat(StageChoice.check(walkRun, none, readiness)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("Type why you choose 5 Walk-run before 12 weeks"));
        assertThat(StageChoice.check(walkRun, none.withStage(Stage.IMPACT_PREP, "x"), readiness)).hasSize(1);
        // a reason it needs is not taken away
        assertThat(StageChoice.check(walkRun, explained, readiness)).hasSize(1);
        // with the reason, or a choice stored as it was before it needed one, or a stage that needs none
        assertThat(StageChoice.check(explained, none, readiness)).isEmpty();
        assertThat(StageChoice.check(walkRun, walkRun, readiness)).isEmpty();
        assertThat(StageChoice.check(none.withStage(Stage.BUILD, null), none, readiness)).isEmpty();
        assertThat(StageChoice.check(none, explained, readiness)).isEmpty();
    }

    @Test
    void aReasonIsKeptUpToItsLimitAndBlankIsNoReason() {
        ReadinessSummary readiness = VisitFixture.ready().evaluate();
        Visit visit = VisitFixture.ready().visit();
        String longest = "é".repeat(StageChoice.REASON_MAX_LENGTH);

        assertThat(StageChoice.check(visit.withStage(Stage.RUN, longest), null, readiness)).isEmpty();
        assertThat(StageChoice.check(visit.withStage(Stage.RUN, longest + "x"), null, readiness))
                .extracting(Violation::field).containsExactly("stageReason");
        assertThat(visit.withStage(Stage.RUN, "  \n ").stageReason()).isNull();
    }
}
