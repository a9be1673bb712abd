package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every plan the generator makes passes the rules it is checked against after an edit. */
class WalkRunGeneratorPropertyTest {

    @Property(tries = 1000)
    void everyPlanFromAUsualStartPassesTheRules(
            @ForAll @IntRange(min = 10, max = 36) int runFives,
            @ForAll @IntRange(min = 6, max = 24) int walkFives,
            @ForAll @IntRange(min = 4, max = 15) int repeats,
            @ForAll @IntRange(min = 2, max = 4) int sessions) {
        // usual starts: runs of 50 s to 3 min, walks of 30 s to 2 min, in 5-second steps
        int run = runFives * 5;
        int walk = walkFives * 5;
        WalkRunStart start = new WalkRunStart(run, walk, repeats, sessions);

        List<WalkRunWeek> plan = WalkRunGenerator.generate(start);

        assertThat(WalkRunRules.check(plan)).as("%s", start).isEmpty();
        assertThat(plan.get(0)).isEqualTo(start.firstWeek());
        WalkRunWeek last = plan.get(plan.size() - 1);
        assertThat(last.walkSeconds()).isZero();
        assertThat(last.runningSecondsPerSession()).isEqualTo(1800);
        assertThat(plan.size()).isBetween(13, 52);
        long longestAllowed = Math.max(WalkRunGenerator.SESSION_LIMIT_SECONDS, plan.get(0).sessionSeconds());
        for (int i = 1; i < plan.size(); i++) {
            WalkRunWeek before = plan.get(i - 1);
            WalkRunWeek week = plan.get(i);
            assertThat(week.sessionsPerWeek()).isEqualTo(sessions);
            assertThat(week.sessionSeconds()).as("%s week %d", start, week.week()).isLessThanOrEqualTo(longestAllowed);
            assertThat(week.walkSeconds()).isLessThanOrEqualTo(before.walkSeconds());
            if (i < plan.size() - 1 && walk > 0) {
                assertThat(week.walkSeconds()).as("walks go only in the last week").isPositive();
            }
        }
    }

    @Property(tries = 300)
    void everyStartInRangeGivesAPlanThatPassesTheRulesOrIsRefusedWithAReason(
            @ForAll @IntRange(min = 10, max = 3600) int run,
            @ForAll @IntRange(min = 0, max = 600) int walk,
            @ForAll @IntRange(min = 1, max = 60) int repeats,
            @ForAll @IntRange(min = 1, max = 7) int sessions) {
        WalkRunStart start = new WalkRunStart(run, walk, repeats, sessions);

        Throwable refused = catchThrowable(() -> {
            List<WalkRunWeek> plan = WalkRunGenerator.generate(start);
            assertThat(WalkRunRules.check(plan)).as("%s", start).isEmpty();
            assertThat(plan.get(plan.size() - 1).continuousRunSeconds()).isEqualTo(1800);
        });

        if (refused != null) {
            assertThat(refused).isInstanceOf(IllegalArgumentException.class);
            if (start.problems().isEmpty()) {
                assertThat(refused).hasMessageContaining("cannot reach 30 minutes");
                assertThat(run < 50 || (long) run * repeats < 1800).as("%s: only short runs or a start far below 30"
                        + " minutes is refused", start).isTrue();
            } else {
                assertThat(refused).hasMessageStartingWith("The walk-run start is out of range");
            }
        }
    }

    /** The 10 % rule is exact whole-number arithmetic, whatever changes and however much. */
    @Property(tries = 500)
    void theRiseRuleIsExact(
            @ForAll @IntRange(min = 10, max = 400) int run,
            @ForAll @IntRange(min = 1, max = 20) int repeats,
            @ForAll @IntRange(min = 1, max = 7) int sessions,
            @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @IntRange(min = 1, max = 60) int more) {
        WalkRunWeek before = new WalkRunWeek(1, sessions, run, 30, repeats);
        WalkRunWeek after = switch (which) {
            case 0 -> before.withRunSeconds(run + more);
            case 1 -> before.withRepeats(Math.min(60, repeats + more));
            default -> before.withSessionsPerWeek(Math.min(7, sessions + more));
        };
        List<WalkRunWeek> plan = List.of(before, after.withWeek(2));

        boolean refused = WalkRunRules.check(plan).stream()
                .anyMatch(v -> v.messageKey().equals("validation.walkRun.riseTooLarge"));

        assertThat(refused).isEqualTo(after.runningSecondsPerWeek() * 10 > before.runningSecondsPerWeek() * 11);
    }
}
