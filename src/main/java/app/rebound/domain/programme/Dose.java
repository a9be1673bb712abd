package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;

import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;

/**
 * How much of an exercise: sets, repetitions, seconds held, times a day, days a week (record format
 * PROGRAMME.exercises). Hold 0 means the exercise is not held.
 */
public record Dose(int sets, int reps, int holdSeconds, int timesPerDay, int daysPerWeek) {

    public static final IntRange SETS = new IntRange(1, 10, "");
    public static final IntRange REPS = new IntRange(1, 100, "");
    public static final IntRange HOLD_SECONDS = new IntRange(0, 120, "s");
    public static final IntRange TIMES_PER_DAY = new IntRange(1, 5, "");
    public static final IntRange DAYS_PER_WEEK = new IntRange(1, 7, "");

    /** Every value outside its range, named by {@code prefix} + field ("exercises[2].sets"). */
    public List<Violation> validate(String prefix) {
        List<Violation> problems = new ArrayList<>();
        check(problems, prefix + "sets", sets, SETS);
        check(problems, prefix + "reps", reps, REPS);
        check(problems, prefix + "holdSeconds", holdSeconds, HOLD_SECONDS);
        check(problems, prefix + "timesPerDay", timesPerDay, TIMES_PER_DAY);
        check(problems, prefix + "daysPerWeek", daysPerWeek, DAYS_PER_WEEK);
        return problems;
    }

    private static void check(List<Violation> problems, String field, int value, IntRange range) {
        if (!range.contains(value)) {
            problems.add(Violation.of(field, "validation.outsideRange", Integer.toString(value), range.describe()));
        }
    }
}
