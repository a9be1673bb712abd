package app.rebound.domain.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import app.rebound.domain.IntRange;

/**
 * Where a walk-run plan starts: {@code repeats} times a run of {@code runSeconds} and a walk of
 * {@code walkSeconds}, {@code sessionsPerWeek} times a week. The ranges are those of
 * {@link WalkRunWeek}.
 */
public record WalkRunStart(int runSeconds, int walkSeconds, int repeats, int sessionsPerWeek) {

    /** 1 min run / 1½ min walk × 10: 10 minutes of running in a 25-minute session, 3 times a week. */
    public static final WalkRunStart TYPICAL = new WalkRunStart(60, 90, 10, 3);

    /** Never ran, under 10 km a week, or not recorded: 1 min run / 2 min walk × 8, 3 times a week. */
    public static final WalkRunStart NEW_RUNNER = new WalkRunStart(60, 120, 8, 3);
    /** 10 to 30 km a week before pregnancy: 1 min run / 1½ min walk × 10. */
    public static final WalkRunStart REGULAR_RUNNER = TYPICAL;
    /** Over 30 km a week before pregnancy: 2 min run / 1 min walk × 8. */
    public static final WalkRunStart SEASONED_RUNNER = new WalkRunStart(120, 60, 8, 3);

    private static final BigDecimal TEN_KM = BigDecimal.TEN;
    private static final BigDecimal THIRTY_KM = new BigDecimal(30);

    /** Where her plan starts, from her weekly running before pregnancy (clinical reference §9, WALK_RUN_START). */
    public static WalkRunStart forPreviousWeeklyKm(BigDecimal km) {
        if (km == null || km.compareTo(TEN_KM) < 0) {
            return NEW_RUNNER;
        }
        return km.compareTo(THIRTY_KM) <= 0 ? REGULAR_RUNNER : SEASONED_RUNNER;
    }

    /** The start as the plan's first week. */
    public WalkRunWeek firstWeek() {
        return new WalkRunWeek(1, sessionsPerWeek, runSeconds, walkSeconds, repeats);
    }

    /** What is out of range, in plain words ("run time 5 s is outside 10–3600 s"); empty when none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, "run time", runSeconds, WalkRunWeek.RUN_SECONDS, " s");
        check(problems, "walk time", walkSeconds, WalkRunWeek.WALK_SECONDS, " s");
        check(problems, "repeats", repeats, WalkRunWeek.REPEATS, "");
        check(problems, "sessions a week", sessionsPerWeek, WalkRunWeek.SESSIONS_PER_WEEK, "");
        // the plan rules of clinical reference §9 that a start can break on its own
        if (WalkRunWeek.RUN_SECONDS.contains(runSeconds) && runSeconds % WalkRunRules.TIME_STEP_SECONDS != 0) {
            problems.add("run time " + runSeconds + " s is not a multiple of 5 s");
        }
        if (WalkRunWeek.WALK_SECONDS.contains(walkSeconds) && walkSeconds % WalkRunRules.TIME_STEP_SECONDS != 0) {
            problems.add("walk time " + walkSeconds + " s is not a multiple of 5 s");
        }
        if (problems.isEmpty() && firstWeek().continuousRunSeconds() > WalkRunRules.TARGET_CONTINUOUS_SECONDS) {
            problems.add("a continuous run of " + firstWeek().continuousRunSeconds() + " s is longer than 30 minutes");
        }
        return problems;
    }

    private static void check(List<String> problems, String name, int value, IntRange range, String unit) {
        if (!range.contains(value)) {
            problems.add(name + " " + value + unit + " is outside " + range.min() + "–" + range.max() + unit);
        }
    }

    @Override
    public String toString() {
        return runSeconds + " s run / " + walkSeconds + " s walk × " + repeats + ", " + sessionsPerWeek
                + " sessions a week";
    }
}
