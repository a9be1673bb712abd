package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.rebound.domain.IntRange;

/** A week of a walk-run plan: its ranges (record format PROGRAMME.walkRun) and what it adds up to. */
class WalkRunWeekTest {

    @Test
    void rangesAreThoseOfTheRecordFormat() {
        assertThat(WalkRunWeek.WEEK).isEqualTo(new IntRange(1, 52, ""));
        assertThat(WalkRunWeek.SESSIONS_PER_WEEK).isEqualTo(new IntRange(1, 7, ""));
        assertThat(WalkRunWeek.RUN_SECONDS).isEqualTo(new IntRange(10, 3600, "s"));
        assertThat(WalkRunWeek.WALK_SECONDS).isEqualTo(new IntRange(0, 600, "s"));
        assertThat(WalkRunWeek.REPEATS).isEqualTo(new IntRange(1, 60, ""));
    }

    @Test
    void theTypicalStartIsTenMinutesOfRunningInATwentyFiveMinuteSession() {
        WalkRunWeek week = new WalkRunWeek(1, 3, 60, 90, 10);

        assertThat(week.runningSecondsPerSession()).isEqualTo(600);
        assertThat(week.runningSecondsPerWeek()).isEqualTo(1800);
        assertThat(week.sessionSeconds()).isEqualTo(1500);
        assertThat(week.sessionMinutes()).isEqualTo(25.0);
    }

    @Test
    void withWalksTheLongestRunIsOneInterval() {
        assertThat(new WalkRunWeek(20, 3, 180, 30, 10).continuousRunSeconds()).isEqualTo(180);
    }

    @Test
    void withoutWalksTheIntervalsJoinIntoOneRun() {
        WalkRunWeek week = new WalkRunWeek(24, 3, 180, 0, 10);

        assertThat(week.continuousRunSeconds()).isEqualTo(1800);
        assertThat(week.sessionMinutes()).isEqualTo(30.0);
    }

    @Test
    void valuesOutOfRangeDoNotOverflow() {
        WalkRunWeek week = new WalkRunWeek(1, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE);

        assertThat(week.runningSecondsPerSession()).isPositive();
        assertThat(week.sessionSeconds()).isPositive();
    }

    @Test
    void withersChangeOneValue() {
        WalkRunWeek week = new WalkRunWeek(1, 3, 60, 90, 10);

        assertThat(week.withWeek(2)).isEqualTo(new WalkRunWeek(2, 3, 60, 90, 10));
        assertThat(week.withSessionsPerWeek(4)).isEqualTo(new WalkRunWeek(1, 4, 60, 90, 10));
        assertThat(week.withRunSeconds(65)).isEqualTo(new WalkRunWeek(1, 3, 65, 90, 10));
        assertThat(week.withWalkSeconds(60)).isEqualTo(new WalkRunWeek(1, 3, 60, 60, 10));
        assertThat(week.withRepeats(11)).isEqualTo(new WalkRunWeek(1, 3, 60, 90, 11));
    }

    @Test
    void theSameLoadIgnoresTheWeekNumber() {
        WalkRunWeek week = new WalkRunWeek(1, 3, 60, 90, 10);

        assertThat(week.sameLoadAs(week.withWeek(2))).isTrue();
        assertThat(week.sameLoadAs(week.withWalkSeconds(60))).isFalse();
    }

    @Test
    void theTypicalStartIsWeekOne() {
        assertThat(WalkRunStart.TYPICAL.firstWeek()).isEqualTo(new WalkRunWeek(1, 3, 60, 90, 10));
        assertThat(WalkRunStart.TYPICAL.problems()).isEmpty();
    }
}
