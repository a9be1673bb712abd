package app.rebound.domain.visit;

import static app.rebound.domain.visit.VisitFixture.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Consider onward referral" (clinical reference section 7): leaking, prolapse symptoms (heaviness
 * or bulge) or faecal incontinence that persist from the previous visit to this one; and which visit
 * is the previous one.
 */
class OnwardReferralTest {

    private static VisitFixture visitOn(int daysBefore) {
        return VisitFixture.empty().date(VISIT_DATE.minusDays(daysBefore));
    }

    private static boolean considerReferral(VisitFixture now, VisitFixture before) {
        return ReadinessRules.evaluate(now.visit(), now.births(), before == null ? null : before.visit())
                .considerOnwardReferral();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urinaryIncontinence", "heavinessOrBulge", "faecalIncontinence"})
    void aSymptomPresentNowAndAtThePreviousVisitSuggestsReferral(String flag) {
        assertThat(considerReferral(visitOn(0).symptom(flag, true), visitOn(28).symptom(flag, true))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urinaryIncontinence", "heavinessOrBulge", "faecalIncontinence"})
    void noPreviousVisitNeverSuggestsReferral(String flag) {
        assertThat(considerReferral(visitOn(0).symptom(flag, true), null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urinaryIncontinence", "heavinessOrBulge", "faecalIncontinence"})
    void aSymptomThatIsGoneOrNew(String flag) {
        assertThat(considerReferral(visitOn(0).symptom(flag, true), visitOn(28).symptom(flag, false))).isFalse();
        assertThat(considerReferral(visitOn(0).symptom(flag, false), visitOn(28).symptom(flag, true))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urinaryIncontinence", "heavinessOrBulge", "faecalIncontinence"})
    void notAskedIsNotPresent(String flag) {
        assertThat(considerReferral(visitOn(0).symptom(flag, true), visitOn(28))).isFalse();
        assertThat(considerReferral(visitOn(0), visitOn(28).symptom(flag, true))).isFalse();
    }

    @Test
    void persistingSymptomsThatPelvicFloorTrainingDoesNotTreatForReferralDoNotSuggestIt() {
        VisitFixture now = visitOn(0).symptom("lumbopelvicPain", true).symptom("dyspareunia", true);
        VisitFixture before = visitOn(28).symptom("lumbopelvicPain", true).symptom("dyspareunia", true);

        assertThat(considerReferral(now, before)).isFalse();
    }

    @Test
    void persistentLeakingIsNotARedFlag() {
        VisitFixture now = VisitFixture.ready().symptom("urinaryIncontinence", true);
        VisitFixture before = visitOn(28).symptom("urinaryIncontinence", true);

        ReadinessSummary s = ReadinessRules.evaluate(now.visit(), now.births(), before.visit());

        assertThat(s.considerOnwardReferral()).isTrue();
        assertThat(s.refer()).isFalse();
        assertThat(s.suggestedStage()).isEqualTo(SuggestedStage.IMPACT_PREP);
    }

    @Test
    void previousOfPicksTheLatestEarlierVisitByDate() {
        Visit current = visitOn(0).visit();
        Visit longAgo = visitOn(90).visit();
        Visit lastMonth = visitOn(30).visit();
        Visit lastWeek = visitOn(7).visit();
        Visit nextWeek = VisitFixture.empty().date(VISIT_DATE.plusDays(7)).visit();

        assertThat(ReadinessRules.previousOf(current, List.of(nextWeek, longAgo, current, lastWeek, lastMonth)))
                .isSameAs(lastWeek);
        assertThat(ReadinessRules.previousOf(current, List.of(lastMonth, longAgo))).isSameAs(lastMonth);
    }

    @Test
    void previousOfIsNullWithoutAnEarlierVisit() {
        Visit current = visitOn(0).visit();
        Visit later = VisitFixture.empty().date(VISIT_DATE.plusDays(1)).visit();

        assertThat(ReadinessRules.previousOf(current, List.of())).isNull();
        assertThat(ReadinessRules.previousOf(current, List.of(current))).isNull();
        assertThat(ReadinessRules.previousOf(current, List.of(current, later))).isNull();
    }

    @Test
    void previousOfAnOlderVisitIgnoresTheVisitsAfterIt() {
        Visit first = visitOn(60).visit();
        Visit second = visitOn(30).visit();
        Visit third = visitOn(0).visit();

        assertThat(ReadinessRules.previousOf(second, List.of(third, second, first))).isSameAs(first);
        assertThat(ReadinessRules.previousOf(first, List.of(third, second, first))).isNull();
    }

    @Test
    void leakingAtTheLatestEarlierVisitCountsNotAtAnOlderOne() {
        Visit current = visitOn(0).symptom("urinaryIncontinence", true).visit();
        Visit older = visitOn(60).symptom("urinaryIncontinence", true).visit();
        Visit recent = visitOn(14).symptom("urinaryIncontinence", false).visit();

        Visit previous = ReadinessRules.previousOf(current, List.of(older, recent, current));

        assertThat(ReadinessRules.evaluate(current, List.of(), previous).considerOnwardReferral()).isFalse();
        assertThat(ReadinessRules.evaluate(current, List.of(), older).considerOnwardReferral()).isTrue();
    }
}
