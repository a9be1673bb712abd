package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan from the typical start, and the generator's edges. */
class WalkRunGeneratorTest {

    private static final List<WalkRunWeek> TYPICAL = WalkRunGenerator.generate(WalkRunStart.TYPICAL);

    // --- the typical plan: the rules --------------------------------------------------------------

    @Test
    void theTypicalPlanPassesTheRules() {
        assertThat(WalkRunRules.check(TYPICAL)).isEmpty();
    }

    @Test
    void theTypicalPlanStartsAtTheStart() {
        assertThat(TYPICAL.get(0)).isEqualTo(new WalkRunWeek(1, 3, 60, 90, 10));
        assertThat(WalkRunGenerator.generate()).isEqualTo(TYPICAL);
    }

    @Test
    void theTypicalPlanEndsAtThirtyMinutesOfContinuousRunning() {
        WalkRunWeek last = TYPICAL.get(TYPICAL.size() - 1);

        assertThat(last.walkSeconds()).isZero();
        assertThat(last.runningSecondsPerSession()).isEqualTo(1800);
        assertThat(last.continuousRunSeconds()).isEqualTo(1800);
    }

    @Test
    void theTypicalPlanTakesTheTwentyFiveWeeksTheRulesNeedOrMore() {
        WalkRunWeek first = TYPICAL.get(0);
        WalkRunWeek last = TYPICAL.get(TYPICAL.size() - 1);

        assertThat(last.week() - first.week()).isGreaterThanOrEqualTo(12);
        // clinical reference §9: at least 25, 25 and 14 weeks from its three starts
        assertThat(TYPICAL).hasSizeBetween(25, 40);
        assertThat(WalkRunGenerator.generate(WalkRunStart.NEW_RUNNER)).hasSizeBetween(25, 40);
        assertThat(WalkRunGenerator.generate(WalkRunStart.SEASONED_RUNNER)).hasSizeBetween(14, 30);
        assertThat(TYPICAL).extracting(WalkRunWeek::week)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, TYPICAL.size()).boxed().toList());
    }

    @Test
    void theTypicalPlanNeverRaisesTheWeeksRunningByMoreThanTenPercent() {
        for (int i = 1; i < TYPICAL.size(); i++) {
            long before = TYPICAL.get(i - 1).runningSecondsPerWeek();
            long now = TYPICAL.get(i).runningSecondsPerWeek();
            assertThat(now * 100).as("week %d", i + 1).isLessThanOrEqualTo(before * 110);
            if (i > 1) {
                // the one fall is the first change: fewer, longer runs (runs of 5 minutes before the walks go)
                assertThat(now).as("week %d", i + 1).isGreaterThanOrEqualTo(before);
            }
        }
        assertThat(TYPICAL.get(1)).isEqualTo(new WalkRunWeek(2, 3, 60, 90, 6));
    }

    @Test
    void theTypicalPlanChangesAtMostOneThingAWeek() {
        for (int i = 1; i < TYPICAL.size(); i++) {
            assertThat(WalkRunRules.changedVariables(TYPICAL.get(i - 1), TYPICAL.get(i))).as("week %d", i + 1)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void theTypicalPlanKeepsSessionsToFortyMinutesAndThreeTimesAWeek() {
        assertThat(TYPICAL).allSatisfy(w -> {
            assertThat(w.sessionMinutes()).isLessThanOrEqualTo(40);
            assertThat(w.sessionsPerWeek()).isEqualTo(3);
        });
    }

    // --- the typical plan: clinical sense ----------------------------------------------------------

    @Test
    void theWalksShortenGraduallyAndReachZeroOnlyInTheLastWeek() {
        List<Integer> walks = new ArrayList<>();
        for (WalkRunWeek w : TYPICAL) {
            if (walks.isEmpty() || walks.get(walks.size() - 1) != w.walkSeconds()) {
                walks.add(w.walkSeconds());
            }
        }

        assertThat(walks).containsExactly(90, 60, 30, 0);
        assertThat(TYPICAL.subList(0, TYPICAL.size() - 1)).allSatisfy(w -> assertThat(w.walkSeconds()).isPositive());
    }

    @Test
    void eachWalkReductionIsFollowedByAConsolidationWeek() {
        for (int i = 1; i < TYPICAL.size() - 1; i++) {
            if (WalkRunRules.changedVariables(TYPICAL.get(i - 1), TYPICAL.get(i)).contains("walkSeconds")) {
                assertThat(TYPICAL.get(i + 1).sameLoadAs(TYPICAL.get(i))).as("week %d", i + 2).isTrue();
            }
        }
    }

    @Test
    void everyFourthWeekAtTheLatestIsAConsolidationWeek() {
        int changesInARow = 0;
        for (int i = 1; i < TYPICAL.size(); i++) {
            changesInARow = TYPICAL.get(i).sameLoadAs(TYPICAL.get(i - 1)) ? 0 : changesInARow + 1;
            assertThat(changesInARow).as("week %d", i + 1).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void theRunsOnlyLengthenInNiceSteps() {
        for (int i = 1; i < TYPICAL.size(); i++) {
            assertThat(TYPICAL.get(i).runSeconds()).isGreaterThanOrEqualTo(TYPICAL.get(i - 1).runSeconds());
        }
        assertThat(TYPICAL).allSatisfy(w -> assertThat(WalkRunGenerator.isNiceRun(w.runSeconds()))
                .as("%d s", w.runSeconds()).isTrue());
    }

    @Test
    void mostProgressionWeeksAddCloseToTenPercent() {
        List<Double> rises = new ArrayList<>();
        for (int i = 1; i < TYPICAL.size(); i++) {
            long before = TYPICAL.get(i - 1).runningSecondsPerWeek();
            long now = TYPICAL.get(i).runningSecondsPerWeek();
            if (now > before) {
                rises.add((now - before) * 100.0 / before);
            }
        }

        // from 1 min, 5 s more is 8.3 %: short runs cannot rise by a full 10 % in nice steps
        assertThat(rises).allSatisfy(r -> assertThat(r).isBetween(5.0, 10.0));
        assertThat(rises.stream().filter(r -> r >= 7).count()).isGreaterThan(rises.size() / 2);
        assertThat(rises.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isGreaterThan(7);
    }

    /** The plan a clinician sees for the typical start, week by week: run, walk, repeats. */
    @Test
    void theTypicalPlanWeekByWeek() {
        int[][] expected = {
                {60, 90, 10}, {60, 90, 6}, {65, 90, 6}, {70, 90, 6}, {70, 90, 6},
                {75, 90, 6}, {80, 90, 6}, {85, 90, 6}, {85, 90, 6}, {90, 90, 6},
                {95, 90, 6}, {100, 90, 6}, {100, 90, 6}, {110, 90, 6}, {120, 90, 6},
                {120, 60, 6}, {120, 60, 6}, {130, 60, 6}, {140, 60, 6}, {150, 60, 6},
                {150, 60, 6}, {165, 60, 6}, {180, 60, 6}, {180, 30, 6}, {180, 30, 6},
                {195, 30, 6}, {210, 30, 6}, {225, 30, 6}, {225, 30, 6}, {240, 30, 6},
                {260, 30, 6}, {280, 30, 6}, {280, 30, 6}, {300, 30, 6}, {300, 0, 6}};
        List<WalkRunWeek> plan = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            plan.add(new WalkRunWeek(i + 1, 3, expected[i][0], expected[i][1], expected[i][2]));
        }

        assertThat(TYPICAL).containsExactlyElementsOf(plan);
    }

    // --- other starts ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} s run / {1} s walk × {2}, {3} a week")
    @CsvSource({
            "60, 120, 10, 3",   // 1 min run / 2 min walk
            "60, 90, 8, 3",
            "90, 60, 7, 3",
            "120, 60, 8, 3",
            "50, 30, 15, 2",
            "55, 60, 13, 3",
            "60, 100, 4, 2",    // 4 minutes of running: a long way
            "180, 120, 15, 3",  // more than 30 minutes of running already
            "150, 90, 12, 4",   // 30 minutes of running already, with walks
            "180, 0, 10, 3",    // 30 minutes of continuous running already
            "120, 0, 10, 3",    // no walks from the start
            "600, 60, 1, 3",    // one long run
            "1800, 600, 60, 7", // as long as a run may be, with every other value at its top
            "900, 600, 2, 1"})
    void otherStartsGiveAPlanThatPassesTheRules(int run, int walk, int repeats, int sessions) {
        List<WalkRunWeek> plan = WalkRunGenerator.generate(new WalkRunStart(run, walk, repeats, sessions));

        assertThat(WalkRunRules.check(plan)).isEmpty();
        assertThat(plan.get(0)).isEqualTo(new WalkRunWeek(1, sessions, run, walk, repeats));
        WalkRunWeek last = plan.get(plan.size() - 1);
        assertThat(last.walkSeconds()).isZero();
        assertThat(last.runningSecondsPerSession()).isEqualTo(1800);
        assertThat(plan).allSatisfy(w -> assertThat(w.sessionsPerWeek()).isEqualTo(sessions));
    }

    @Test
    void aStartAlreadyAtThirtyMinutesIsKeptForTwelveWeeks() {
        List<WalkRunWeek> plan = WalkRunGenerator.generate(new WalkRunStart(180, 0, 10, 3));

        assertThat(plan).hasSize(13).allSatisfy(w -> assertThat(w.sameLoadAs(plan.get(0))).isTrue());
    }

    @Test
    void aStartWithMoreThanThirtyMinutesOfRunningCutsTheRepeatsFirst() {
        List<WalkRunWeek> plan = WalkRunGenerator.generate(new WalkRunStart(180, 120, 15, 3));

        assertThat(plan.get(1)).isEqualTo(new WalkRunWeek(2, 3, 180, 120, 6));
        assertThat(plan.get(plan.size() - 1)).isEqualTo(new WalkRunWeek(plan.size(), 3, 300, 0, 6));
    }

    @Test
    void aStartWithoutWalksSpreadsItsConsolidationWeeks() {
        List<WalkRunWeek> plan = WalkRunGenerator.generate(new WalkRunStart(120, 0, 10, 3));

        assertThat(plan).hasSizeGreaterThanOrEqualTo(13);
        assertThat(WalkRunRules.check(plan)).isEmpty();
        // consolidation weeks are spread out, not all in one place
        int longestStill = 0;
        int still = 0;
        for (int i = 1; i < plan.size(); i++) {
            still = plan.get(i).sameLoadAs(plan.get(i - 1)) ? still + 1 : 0;
            longestStill = Math.max(longestStill, still);
        }
        assertThat(longestStill).isLessThanOrEqualTo(3);
    }

    // --- refused starts ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} s run / {1} s walk × {2}, {3} a week: {4}")
    @CsvSource({
            "9, 90, 10, 3, run time 9 s is outside 10–3600 s",
            "3601, 90, 10, 3, run time 3601 s is outside 10–3600 s",
            "60, -1, 10, 3, walk time -1 s is outside 0–600 s",
            "60, 601, 10, 3, walk time 601 s is outside 0–600 s",
            "60, 90, 0, 3, repeats 0 is outside 1–60",
            "60, 90, 61, 3, repeats 61 is outside 1–60",
            "60, 90, 10, 0, sessions a week 0 is outside 1–7",
            "60, 90, 10, 8, sessions a week 8 is outside 1–7",
            "62, 90, 10, 3, run time 62 s is not a multiple of 5 s",
            "60, 93, 10, 3, walk time 93 s is not a multiple of 5 s",
            "1805, 90, 1, 3, a continuous run of 1805 s is longer than 30 minutes",
            "200, 0, 10, 3, a continuous run of 2000 s is longer than 30 minutes"})
    void aStartOutOfRangeIsRefused(int run, int walk, int repeats, int sessions, String problem) {
        WalkRunStart start = new WalkRunStart(run, walk, repeats, sessions);

        assertThat(start.problems()).containsExactly(problem);
        assertThatThrownBy(() -> WalkRunGenerator.generate(start))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The walk-run start is out of range: " + problem)
                .hasMessageEndingWith("Correct the start and generate the plan again.");
    }

    @Test
    void everyProblemOfAStartIsNamed() {
        assertThatThrownBy(() -> WalkRunGenerator.generate(new WalkRunStart(0, 1000, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("run time 0 s", "walk time 1000 s", "repeats 0", "sessions a week 0");
    }

    @Test
    void aStartTooFarFromThirtyMinutesIsRefused() {
        // 10 seconds of running a session: even 10 % every week would take more than 52 weeks
        assertThatThrownBy(() -> WalkRunGenerator.generate(new WalkRunStart(10, 60, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot reach 30 minutes of continuous running within 52 weeks")
                .hasMessageContaining("Start with more running");
    }

    @ParameterizedTest(name = "{0} s run / {1} s walk × {2}")
    @CsvSource({"30, 30, 15", "45, 60, 13", "30, 100, 4"})
    void runsUnderFiftySecondsCannotLengthenInFiveSecondStepsWithinTenPercent(int run, int walk, int repeats) {
        assertThatThrownBy(() -> WalkRunGenerator.generate(new WalkRunStart(run, walk, repeats, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs of at least 50 seconds");
    }

    @Test
    void noStartIsRefused() {
        assertThatThrownBy(() -> WalkRunGenerator.generate(null)).isInstanceOf(NullPointerException.class);
    }

    // --- the pieces ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} s nice: {1}")
    @CsvSource({
            "33, false", "45, true", "49, false", "50, true", "53, false", "65, true", "115, true", "117, false",
            "120, true", "130, true", "135, true", "165, true", "175, false", "290, true", "295, false",
            "300, true", "330, true", "345, false", "600, true", "630, false", "660, true"})
    void niceRunTimes(int seconds, boolean nice) {
        assertThat(WalkRunGenerator.isNiceRun(seconds)).isEqualTo(nice);
    }

    @Test
    void theWalksStepDownAlongTheLadder() {
        assertThat(WalkRunGenerator.walkSteps(90)).containsExactly(60, 30);
        assertThat(WalkRunGenerator.walkSteps(120)).containsExactly(90, 60, 30);
        assertThat(WalkRunGenerator.walkSteps(100)).containsExactly(90, 60, 30);
        assertThat(WalkRunGenerator.walkSteps(45)).containsExactly(30);
        assertThat(WalkRunGenerator.walkSteps(35)).isEmpty();
        assertThat(WalkRunGenerator.walkSteps(30)).isEmpty();
        assertThat(WalkRunGenerator.walkSteps(0)).isEmpty();
        assertThat(WalkRunGenerator.walkSteps(600)).containsExactly(300, 180, 120, 90, 60, 30);
    }

    @Test
    void theFinalRepeatsDivideThirtyMinutesIntoNiceRuns() {
        List<Integer> candidates = WalkRunGenerator.finalRepeatsCandidates();

        // the walks go only after runs of 5 minutes: the last runs are at least that long
        assertThat(candidates).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(candidates).allSatisfy(n -> {
            assertThat(1800 % n).isZero();
            assertThat(1800 / n).isGreaterThanOrEqualTo(300);
            assertThat(WalkRunGenerator.isNiceRun(1800 / n)).isTrue();
        });
    }

    @Test
    void theRunsLengthenInTheFewestNiceStepsWithinTenPercent() {
        int[] steps = WalkRunGenerator.runSteps(180);

        assertThat(steps[180]).isZero();
        assertThat(steps[60]).isEqualTo(15);
        assertThat(WalkRunGenerator.nextRun(60, 180, steps)).isEqualTo(65);
        assertThat(WalkRunGenerator.nextRun(165, 180, steps)).isEqualTo(180);
        // between two nice times on a shortest way, the one nearer even steps
        int[] toThreeHundred = WalkRunGenerator.runSteps(300);
        assertThat(WalkRunGenerator.nextRun(270, 300, toThreeHundred)).isEqualTo(285);
        for (int run = 50; run < 180; run += 5) {
            int next = WalkRunGenerator.nextRun(run, 180, steps);
            assertThat(next * 10).as("after %d s", run).isLessThanOrEqualTo(run * 11);
            assertThat(next).isGreaterThan(run);
            assertThat(WalkRunGenerator.isNiceRun(next)).isTrue();
        }
    }
}
