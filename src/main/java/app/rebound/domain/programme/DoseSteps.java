package app.rebound.domain.programme;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.StrengthTest;

/**
 * The "Easier" and "Harder" lines of an exercise, computed from the dose she is given (clinical reference
 * §9): one variable one step, never the dose she already has. A hold is 2 s shorter or longer (5 s for holds
 * over 10 s, 10 s over 30 s), a count 2 fewer or more, a run 30 s shorter or longer. At the top of its range
 * Harder names the next stage's exercise that trains the same thing, or says to keep this dose until her
 * next visit. The library's own line follows when it names no number, as another way to make it easier or
 * harder. A walk-run exercise with a plan: Harder is the plan's next step.
 */
public final class DoseSteps {

    /** Pelvic floor holds and squeezes: 3–10 seconds, 3–10 times (clinical reference §3). */
    static final int PELVIC_FLOOR_TOP = PelvicFloorDose.MAX;
    /** The strength tests' target: 20 repetitions. */
    static final int STRENGTH_TOP = StrengthTest.TARGET_REPETITIONS;
    static final int RUN_STEP = 30;

    /** Exercises counted toward a strength test's 20. */
    static final Set<String> STRENGTH_COUNTED = Set.of("bridge", "calf-raise", "sit-to-stand", "side-lying-abduction",
            "single-leg-bridge", "single-leg-calf-raise", "single-leg-sit-to-stand");

    /** Runs: their time steps by 30 s. */
    static final Set<String> RUNS = Set.of("jog-on-spot", ExerciseLibrary.WALK_RUN_INTERVALS);
    /** Drills done for a time rather than held: "keep going for", not "hold for". */
    static final Set<String> KEEP_GOING = Set.of("jog-on-spot", "skipping");

    /** The next stage's exercise that trains the same thing. */
    static final Map<String, String> NEXT = Map.ofEntries(
            Map.entry("pf-holds-lying", "pf-holds-sitting"), Map.entry("pf-holds-sitting", "pf-holds-standing"),
            Map.entry("pf-quick-lying", "pf-quick-sitting"), Map.entry("pf-quick-sitting", "pf-quick-standing"),
            Map.entry("pf-holds-standing", "pf-long-hold-standing"),
            Map.entry("bridge", "single-leg-bridge"), Map.entry("calf-raise", "single-leg-calf-raise"),
            Map.entry("sit-to-stand", "single-leg-sit-to-stand"), Map.entry("slow-squat", "split-squat"),
            Map.entry("single-leg-balance", "single-leg-squat"), Map.entry("marching", "stomping"),
            Map.entry("stomping", "jog-on-spot"), Map.entry("jog-on-spot", ExerciseLibrary.WALK_RUN_INTERVALS),
            Map.entry("double-leg-hops", "single-leg-hops"));

    private DoseSteps() {
    }

    /** The Easier line for this dose; null when there is none to give. */
    public static String easier(Exercise exercise, Dose dose, String libraryLine, List<WalkRunWeek> plan) {
        String step = easierStep(exercise, dose, plan);
        return join(step, libraryLine);
    }

    /** The Harder line for this dose; null when there is none to give. */
    public static String harder(Exercise exercise, Dose dose, String libraryLine, List<WalkRunWeek> plan,
            Function<String, Optional<Exercise>> catalogue) {
        String step = harderStep(exercise, dose, plan, catalogue);
        return join(step, libraryLine);
    }

    private static String join(String step, String libraryLine) {
        boolean plain = libraryLine != null && libraryLine.chars().noneMatch(Character::isDigit);
        if (step == null) {
            return plain ? libraryLine : null;
        }
        return plain ? Messages.format("handout.step.or", step, lowerFirst(libraryLine)) : step;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String easierStep(Exercise exercise, Dose dose, List<WalkRunWeek> plan) {
        if (isIntervals(exercise) && !plan.isEmpty()) {
            WalkRunWeek first = plan.get(0);
            return first.runSeconds() > RUN_STEP
                    ? run(first.runSeconds() - RUN_STEP, first.walkSeconds())
                    : run(first.runSeconds(), first.walkSeconds() + RUN_STEP);
        }
        int hold = dose.holdSeconds();
        if (hold > 0) {
            int shorter = hold - holdStep(exercise, hold);
            int floor = isPelvicFloor(exercise) ? PelvicFloorDose.MIN : 1;
            if (shorter >= floor) {
                return time(exercise, shorter);
            }
            if (hold > floor) {
                return time(exercise, floor);
            }
        }
        int fewest = isPelvicFloor(exercise) ? PelvicFloorDose.MIN : 1;
        if (dose.reps() > fewest) {
            return Messages.format("handout.step.reps", Math.max(fewest, dose.reps() - 2));
        }
        if (dose.sets() > 1) {
            return Messages.format("handout.step.sets", dose.sets() - 1);
        }
        return null;
    }

    private static String harderStep(Exercise exercise, Dose dose, List<WalkRunWeek> plan,
            Function<String, Optional<Exercise>> catalogue) {
        if (isIntervals(exercise) && !plan.isEmpty()) {
            WalkRunWeek first = plan.get(0);
            // one variable, one step (§9): each run 30 seconds longer, the walks and repeats as they are; the
            // plan table beside it is the way on, week by week
            return first.walkSeconds() > 0 ? run(first.runSeconds() + RUN_STEP, first.walkSeconds())
                    : Messages.get("handout.step.keep");
        }
        int hold = dose.holdSeconds();
        boolean pelvicFloor = isPelvicFloor(exercise);
        if (hold > 0 && (!pelvicFloor || hold < PELVIC_FLOOR_TOP)) {
            int longer = hold + holdStep(exercise, hold);
            return time(exercise, pelvicFloor ? Math.min(PELVIC_FLOOR_TOP, longer) : longer);
        }
        int top = pelvicFloor ? PELVIC_FLOOR_TOP : STRENGTH_COUNTED.contains(exercise.code()) ? STRENGTH_TOP
                : Integer.MAX_VALUE;
        if (dose.reps() > 1 && dose.reps() < top) {
            return Messages.format("handout.step.reps", Math.min(top, dose.reps() + 2));
        }
        if (dose.reps() >= top) {
            return Optional.ofNullable(NEXT.get(exercise.code())).flatMap(catalogue)
                    .map(next -> Messages.format("handout.step.next", next.name()))
                    .orElse(Messages.get("handout.step.keep"));
        }
        return null;
    }

    private static String time(Exercise exercise, int seconds) {
        return Messages.format(KEEP_GOING.contains(exercise.code()) ? "handout.step.keepGoing" : "handout.step.hold",
                seconds);
    }

    private static int holdStep(Exercise exercise, int hold) {
        if (RUNS.contains(exercise.code())) {
            return RUN_STEP;
        }
        return hold <= 10 ? 2 : hold <= 30 ? 5 : 10;
    }

    private static boolean isPelvicFloor(Exercise exercise) {
        return exercise.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS || exercise.kind() == ExerciseKind.PELVIC_FLOOR_QUICK;
    }

    private static boolean isIntervals(Exercise exercise) {
        return exercise.code().equals(ExerciseLibrary.WALK_RUN_INTERVALS);
    }

    private static String run(int runSeconds, int walkSeconds) {
        return Messages.format("handout.step.run", clock(runSeconds), clock(walkSeconds));
    }

    /** 90 → "1:30". */
    static String clock(int seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }
}
