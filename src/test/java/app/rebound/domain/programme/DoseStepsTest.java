package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Easier and Harder from the prescribed dose (clinical reference §9): one step, never the dose she has. */
class DoseStepsTest {

    private static final Pattern HOLD = Pattern.compile("(?:Hold|Keep going) for (\\d+) seconds? each time");
    private static final Pattern REPS = Pattern.compile("Do (\\d+) each time");
    private static final Pattern SETS = Pattern.compile("Do (\\d+) sets?\\.");

    private static String easier(String code, Dose dose) {
        Exercise e = ExerciseLibrary.byCode(code).orElseThrow();
        return HandoutWording.of(e, dose, false, List.of(), ExerciseLibrary::byCode).easier();
    }

    private static String harder(String code, Dose dose) {
        Exercise e = ExerciseLibrary.byCode(code).orElseThrow();
        return HandoutWording.of(e, dose, false, List.of(), ExerciseLibrary::byCode).harder();
    }

    @Test
    void neverTheDoseSheAlreadyHasAndOneStepAway() {
        for (Exercise e : ExerciseLibrary.shipped()) {
            for (int sets = 1; sets <= 4; sets++) {
                for (int reps = 1; reps <= 24; reps++) {
                    for (int hold : new int[] {0, 1, 2, 3, 5, 9, 10, 11, 20, 30, 45, 60}) {
                        Dose dose = new Dose(sets, reps, hold, 1, 3);
                        for (String line : new String[] {easier(e.code(), dose), harder(e.code(), dose)}) {
                            if (line == null) {
                                continue;
                            }
                            String where = e.code() + " " + dose + ": " + line;
                            assertThat(List.of(number(HOLD, line, -1))).as(where).doesNotContain(hold);
                            assertThat(List.of(number(REPS, line, -1))).as(where).doesNotContain(reps);
                            assertThat(List.of(number(SETS, line, -1))).as(where).doesNotContain(sets);
                            Integer newHold = number(HOLD, line);
                            if (newHold != null) {
                                int step = DoseSteps.RUNS.contains(e.code()) ? 30 : hold <= 10 ? 2 : hold <= 30 ? 5 : 10;
                                assertThat(Math.abs(newHold - hold)).as(where).isBetween(1, step);
                            }
                            Integer newReps = number(REPS, line);
                            if (newReps != null) {
                                assertThat(Math.abs(newReps - reps)).as(where).isBetween(1, 2);
                            }
                        }
                    }
                }
            }
        }
    }

    private static int number(Pattern pattern, String line, int none) {
        Integer n = number(pattern, line);
        return n == null ? none : n;
    }

    private static Integer number(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    @Test
    void pelvicFloorHoldsStepTwoSecondsWithinThreeToTen() {
        assertThat(harder("pf-holds-sitting", new Dose(1, 5, 6, 3, 7))).startsWith("Hold for 8 seconds each time.");
        assertThat(easier("pf-holds-sitting", new Dose(1, 5, 6, 3, 7))).startsWith("Hold for 4 seconds each time.");
        assertThat(harder("pf-holds-sitting", new Dose(1, 5, 9, 3, 7))).startsWith("Hold for 10 seconds");
        assertThat(harder("pf-holds-sitting", new Dose(1, 5, 10, 3, 7))).startsWith("Do 7 each time.");
        assertThat(easier("pf-holds-sitting", new Dose(1, 3, 3, 3, 7))).doesNotContain("3 seconds")
                .isEqualTo("Go back to doing them lying down.");
    }

    @Test
    void atTheTopHarderNamesTheNextStagesExerciseOrKeepsTheDose() {
        assertThat(harder("pf-holds-lying", new Dose(1, 10, 10, 3, 7))).isEqualTo(
                "Move on to \u201cPelvic floor holds, sitting\u201d.");
        assertThat(harder("pf-quick-standing", new Dose(1, 10, 0, 3, 7)))
                .startsWith("Keep this dose until your next visit.");
        assertThat(harder("bridge", new Dose(3, 20, 0, 1, 4))).startsWith("Move on to \u201cSingle-leg bridge\u201d.");
        assertThat(harder("single-leg-bridge", new Dose(3, 20, 0, 1, 3)))
                .startsWith("Keep this dose until your next visit.");
        assertThat(harder("single-leg-bridge", new Dose(3, 12, 0, 1, 3))).startsWith("Do 14 each time.");
    }

    @Test
    void jogOnTheSpotStepsByThirtySecondsAndTheLibrarysLineFollowsOnlyWhenItNamesNoNumber() {
        assertThat(harder("jog-on-spot", new Dose(3, 1, 60, 1, 3))).isEqualTo("Keep going for 90 seconds each time.");
        assertThat(easier("bridge", new Dose(2, 10, 0, 1, 4)))
                .isEqualTo("Do 8 each time. Or lift your hips only a little way.");
    }

    @Test
    void theWalkRunEasierAndHarderLinesChangeOneThingByOneStep() {
        // §9: one variable, one step, a run 30 s shorter or longer; never the week she has (a review found
        // "Harder" naming week 14 of her plan: the run 50 s longer and 4 repeats fewer, two changes at once)
        for (WalkRunStart start : List.of(WalkRunStart.forPreviousWeeklyKm(null),
                WalkRunStart.forPreviousWeeklyKm(new BigDecimal("20")),
                WalkRunStart.forPreviousWeeklyKm(new BigDecimal("40")))) {
            List<WalkRunWeek> plan = WalkRunGenerator.generate(start);
            Exercise intervals = ExerciseLibrary.byCode(ExerciseLibrary.WALK_RUN_INTERVALS).orElseThrow();
            Exercise worded = HandoutWording.of(intervals, new Dose(1, 10, 0, 1, 3), false, plan,
                    ExerciseLibrary::byCode);
            WalkRunWeek first = plan.get(0);

            assertThat(worded.harder()).as("harder from %s", first).startsWith("Run for "
                    + DoseSteps.clock(first.runSeconds() + 30) + " and walk for " + DoseSteps.clock(first.walkSeconds())
                    + " each round.");
            assertThat(worded.easier()).as("easier from %s", first).startsWith("Run for "
                    + DoseSteps.clock(first.runSeconds() - 30) + " and walk for " + DoseSteps.clock(first.walkSeconds())
                    + " each round.");
        }
    }
}
