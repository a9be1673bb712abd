package app.rebound.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which fields of a completed visit changed, named by their record-format paths (for the amendment log). */
class VisitDiffTest {

    private static List<String> changed(VisitFixture before, VisitFixture after) {
        return VisitDiff.changedFields(before.visit(), after.visit());
    }

    @Test
    void changingThePowerNamesOnlyThatField() {
        VisitFixture before = VisitFixture.ready();

        assertThat(changed(before, before.copy().with("pelvicFloor.power", 5))).containsExactly("pelvicFloor.power");
    }

    @Test
    void changingOneSideOfAStrengthTestNamesTheTest() {
        VisitFixture before = VisitFixture.ready();

        assertThat(changed(before, before.copy().with("strength.SL_BRIDGE.left", 14)))
                .containsExactly("strength.SL_BRIDGE");
    }

    @Test
    void recordingANewStrengthTestNamesIt() {
        VisitFixture before = VisitFixture.empty();

        assertThat(changed(before, before.copy().strength(StrengthTest.CALF_RAISE, 12, 13)))
                .containsExactly("strength.CALF_RAISE");
    }

    @Test
    void changingALoadTestNamesTheTest() {
        VisitFixture before = VisitFixture.ready();

        VisitFixture after = before.copy()
                .loadSide(LoadTest.HOP, Side.RIGHT, LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE));

        assertThat(changed(before, after)).containsExactly("loadImpact.HOP");
    }

    @Test
    void anUnchangedVisitHasNoChangedField() {
        VisitFixture v = VisitFixture.ready();

        assertThat(changed(v, v.copy())).isEmpty();
        assertThat(changed(VisitFixture.empty(), VisitFixture.empty())).isEmpty();
    }

    @Test
    void theUpdatedTimestampIsNotAChange() {
        VisitFixture v = VisitFixture.ready();

        assertThat(changed(v, v.copy().updated(Instant.parse("2030-01-01T00:00:00Z")))).isEmpty();
        Visit visit = v.visit();
        assertThat(VisitDiff.changedFields(visit, visit.withUpdated(visit.updated().plusSeconds(60)))).isEmpty();
    }

    @Test
    void severalChangesAreEachNamedOnce() {
        VisitFixture before = VisitFixture.ready();
        VisitFixture after = before.copy()
                .with("pelvicFloor.power", 2)
                .with("pelvicFloor.relaxation", Relaxation.PARTIAL)
                .symptom("urgency", true)
                .with("outcomes.pgiI", 6)
                .strength(StrengthTest.SIDE_ABDUCTION, 30, 30)
                .with("notes", "Better");

        assertThat(changed(before, after)).containsExactlyInAnyOrder("pelvicFloor.power", "pelvicFloor.relaxation",
                "symptoms.urgency", "outcomes.pgiI", "strength.SIDE_ABDUCTION", "notes");
    }

    @Test
    void askingAboutRedFlagsIsAChange() {
        VisitFixture before = VisitFixture.ready().without(VisitFixture.RED_FLAGS);

        assertThat(changed(before, before.copy().with(VisitFixture.RED_FLAGS, Set.of())))
                .containsExactly("redFlags");
        assertThat(changed(before.copy().with(VisitFixture.RED_FLAGS, Set.of()),
                before.copy().with(VisitFixture.RED_FLAGS, Set.of(RedFlag.FEVER)))).containsExactly("redFlags");
    }

    @Test
    void clearingAValueIsAChange() {
        VisitFixture before = VisitFixture.ready();

        assertThat(changed(before, before.copy().without("pelvicFloor.tone"))).containsExactly("pelvicFloor.tone");
        assertThat(changed(before, before.copy().strength(StrengthTest.CALF_RAISE, null, null)))
                .containsExactly("strength.CALF_RAISE");
    }
}
