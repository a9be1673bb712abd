package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;

/**
 * The rules of a walk-run plan (clinical reference §6 WALK-RUN and §9; record format PROGRAMME.walkRun),
 * applied alike to a generated plan and to the clinician's edits:
 * <ol>
 * <li>every value is within its range ({@link WalkRunWeek}); run and walk times are multiples of 5 s;</li>
 * <li>the weeks are numbered 1, 2, 3… in order, none missing or repeated;</li>
 * <li>from one week to the next at most one of run time, walk time, repeats and sessions a week
 * changes (nothing changing is a consolidation week, and allowed);</li>
 * <li>the week's running time (run × repeats × sessions) rises by at most 10 % over the week
 * before; a fall is allowed;</li>
 * <li>the longest continuous run ({@link WalkRunWeek#continuousRunSeconds()}) is at most twice the
 * week before's, except in the week the walks are dropped (walk 0: the runs join into one), which
 * needs the week before to have runs of at least 5 minutes and walks of at most 1 minute;</li>
 * <li>no continuous run is longer than 30 minutes, and the last week is exactly 30 minutes of
 * continuous running;</li>
 * <li>the last week is at least 12 weeks after the first.</li>
 * </ol>
 * A plan read from a record file is checked against the format's ranges only ({@link #checkRanges}),
 * so files exported before these rules still import.
 * Fields are named by their record-format path: {@code walkRun[3].runSeconds} for a value,
 * {@code walkRun[3]} for a week as a whole (the index is the row's place in the list, from 0), and
 * {@code walkRun} for the plan. Plain Java: no I/O.
 */
public final class WalkRunRules {

    /** The plan's path in the record format. */
    public static final String FIELD = "walkRun";
    /** 30 minutes of continuous running: where the plan ends. */
    public static final int TARGET_CONTINUOUS_SECONDS = 30 * 60;
    /** The last week is at least this many weeks after the first. */
    public static final int MIN_WEEKS_FIRST_TO_LAST = 12;
    /** The week's running time rises by at most this much over the week before. */
    public static final int MAX_RISE_PERCENT = 10;

    /** Run and walk times are multiples of this. */
    public static final int TIME_STEP_SECONDS = 5;
    /** The walks may be dropped after a week of runs at least this long... */
    public static final int DROP_AFTER_RUN_SECONDS = 5 * 60;
    /** ...with walks at most this long. */
    public static final int DROP_AFTER_WALK_SECONDS = 60;

    static final String KEY = "validation.walkRun.";

    /** The four variables, in the order they are named in messages and keys. */
    static final List<String> VARIABLES = List.of("runSeconds", "walkSeconds", "repeats", "sessionsPerWeek");

    private WalkRunRules() {
    }

    public static List<Violation> check(List<WalkRunWeek> plan) {
        List<Violation> problems = new ArrayList<>();
        if (plan == null || plan.isEmpty()) {
            problems.add(Violation.of(FIELD, KEY + "empty"));
            return problems;
        }
        for (int i = 0; i < plan.size(); i++) {
            WalkRunWeek week = plan.get(i);
            if (week == null) {
                problems.add(Violation.of(row(i), KEY + "missingWeek", i + 1));
                continue;
            }
            ranges(problems, i, week);
            numbering(problems, plan, i);
        }
        for (int i = 1; i < plan.size(); i++) {
            WalkRunWeek previous = plan.get(i - 1);
            WalkRunWeek week = plan.get(i);
            if (previous != null && week != null) {
                changes(problems, i, previous, week);
                rise(problems, i, previous, week);
                longestRun(problems, i, previous, week);
            }
        }
        for (int i = 0; i < plan.size(); i++) {
            WalkRunWeek week = plan.get(i);
            if (week != null) {
                steps(problems, i, week);
                if (week.continuousRunSeconds() > TARGET_CONTINUOUS_SECONDS) {
                    problems.add(Violation.of(row(i), KEY + "tooLong", Integer.toString(week.week()),
                            minutes(week.continuousRunSeconds())));
                }
            }
        }
        end(problems, plan);
        return problems;
    }

    /**
     * The record format's own checks of a plan (the ranges of each value), and nothing more: a plan read from
     * a file exported before the plan rules still imports.
     */
    public static List<Violation> checkRanges(List<WalkRunWeek> plan) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; plan != null && i < plan.size(); i++) {
            if (plan.get(i) != null) {
                ranges(problems, i, plan.get(i));
            }
        }
        return problems;
    }

    private static void steps(List<Violation> problems, int i, WalkRunWeek week) {
        for (String field : List.of("runSeconds", "walkSeconds")) {
            int value = field.equals("runSeconds") ? week.runSeconds() : week.walkSeconds();
            if (value % TIME_STEP_SECONDS != 0) {
                int down = value - value % TIME_STEP_SECONDS;
                problems.add(Violation.of(row(i) + "." + field, KEY + field + ".step", Integer.toString(week.week()),
                        Integer.toString(value), Integer.toString(down), Integer.toString(down + TIME_STEP_SECONDS)));
            }
        }
    }

    /** The longest continuous run at most doubles; the walks go only after runs of 5 min with walks of 1 min. */
    private static void longestRun(List<Violation> problems, int i, WalkRunWeek previous, WalkRunWeek week) {
        boolean walksDropped = previous.walkSeconds() > 0 && week.walkSeconds() == 0;
        if (walksDropped) {
            if (previous.runSeconds() < DROP_AFTER_RUN_SECONDS || previous.walkSeconds() > DROP_AFTER_WALK_SECONDS) {
                problems.add(Violation.of(row(i), KEY + "dropTooSoon", Integer.toString(week.week()),
                        Integer.toString(previous.week()), Clock.format(previous.runSeconds()),
                        Clock.format(previous.walkSeconds())));
            }
            return;
        }
        long before = previous.continuousRunSeconds();
        long now = week.continuousRunSeconds();
        if (now > 2 * before) {
            problems.add(Violation.of(row(i), KEY + "doubles", Integer.toString(week.week()),
                    Clock.format(now), Clock.format(before), Integer.toString(previous.week()),
                    Clock.format(2 * before)));
        }
    }

    /** m:ss for messages. */
    static final class Clock {
        private Clock() {
        }

        static String format(long seconds) {
            return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
        }
    }

    /** Which of run time, walk time, repeats and sessions a week differ, by field name, in {@link #VARIABLES} order. */
    public static List<String> changedVariables(WalkRunWeek previous, WalkRunWeek next) {
        List<String> changed = new ArrayList<>();
        if (previous.runSeconds() != next.runSeconds()) {
            changed.add("runSeconds");
        }
        if (previous.walkSeconds() != next.walkSeconds()) {
            changed.add("walkSeconds");
        }
        if (previous.repeats() != next.repeats()) {
            changed.add("repeats");
        }
        if (previous.sessionsPerWeek() != next.sessionsPerWeek()) {
            changed.add("sessionsPerWeek");
        }
        return changed;
    }

    /** Whether a week's running time of {@code next} seconds is more than 10 % above {@code previous}; exact. */
    public static boolean risesTooMuch(long previous, long next) {
        return next * 100 > previous * (100 + MAX_RISE_PERCENT);
    }

    private static String row(int index) {
        return FIELD + "[" + index + "]";
    }

    private static void ranges(List<Violation> problems, int i, WalkRunWeek week) {
        String weekNumber = Integer.toString(week.week());
        range(problems, i, "week", weekNumber, week.week(), WalkRunWeek.WEEK);
        range(problems, i, "sessionsPerWeek", weekNumber, week.sessionsPerWeek(), WalkRunWeek.SESSIONS_PER_WEEK);
        range(problems, i, "runSeconds", weekNumber, week.runSeconds(), WalkRunWeek.RUN_SECONDS);
        range(problems, i, "walkSeconds", weekNumber, week.walkSeconds(), WalkRunWeek.WALK_SECONDS);
        range(problems, i, "repeats", weekNumber, week.repeats(), WalkRunWeek.REPEATS);
    }

    private static void range(List<Violation> problems, int i, String field, String weekNumber, int value,
            IntRange range) {
        if (!range.contains(value)) {
            problems.add(Violation.of(row(i) + "." + field, KEY + field + ".range", weekNumber,
                    Integer.toString(value), range.describe()));
        }
    }

    private static void numbering(List<Violation> problems, List<WalkRunWeek> plan, int i) {
        WalkRunWeek week = plan.get(i);
        if (i == 0) {
            if (week.week() != 1) {
                problems.add(Violation.of(row(0) + ".week", KEY + "week.first", Integer.toString(week.week())));
            }
            return;
        }
        WalkRunWeek previous = plan.get(i - 1);
        // One slip is reported once: a week that follows the week before it, or stands at its own
        // place, is in order (so a gap or a doubled week names one row, two swapped weeks two).
        if (previous != null && week.week() != previous.week() + 1 && week.week() != i + 1) {
            problems.add(Violation.of(row(i) + ".week", KEY + "week.order", Integer.toString(previous.week()),
                    Integer.toString(week.week()), Integer.toString(i + 1)));
        }
    }

    private static void changes(List<Violation> problems, int i, WalkRunWeek previous, WalkRunWeek week) {
        List<String> changed = changedVariables(previous, week);
        if (changed.size() == 2) {
            problems.add(Violation.of(row(i), KEY + "twoChanges." + changed.get(0) + "." + changed.get(1),
                    Integer.toString(week.week())));
        } else if (changed.size() > 2) {
            problems.add(Violation.of(row(i), KEY + "manyChanges", Integer.toString(week.week()), changed.size()));
        }
    }

    private static void rise(List<Violation> problems, int i, WalkRunWeek previous, WalkRunWeek week) {
        long before = previous.runningSecondsPerWeek();
        long now = week.runningSecondsPerWeek();
        if (before > 0 && risesTooMuch(before, now)) {
            double percent = (now - before) * 100.0 / before;
            double most = before * (100 + MAX_RISE_PERCENT) / 100.0;
            problems.add(Violation.of(row(i), KEY + "riseTooLarge", Integer.toString(week.week()), percent,
                    Integer.toString(previous.week()), minutes(before), minutes(now), minutes(most)));
        }
    }

    private static void end(List<Violation> problems, List<WalkRunWeek> plan) {
        int lastIndex = plan.size() - 1;
        WalkRunWeek last = plan.get(lastIndex);
        WalkRunWeek first = plan.get(0);
        if (last != null && (last.walkSeconds() != 0 || last.continuousRunSeconds() < TARGET_CONTINUOUS_SECONDS)) {
            String key = last.walkSeconds() == 0 ? "end.short" : "end.walks";
            problems.add(Violation.of(row(lastIndex), KEY + key, Integer.toString(last.week()),
                    minutes(last.continuousRunSeconds())));
        }
        if (first != null && last != null && last.week() - first.week() < MIN_WEEKS_FIRST_TO_LAST) {
            problems.add(Violation.of(FIELD, KEY + "tooShort", last.week() - first.week(),
                    Integer.toString(first.week() + MIN_WEEKS_FIRST_TO_LAST)));
        }
    }

    private static double minutes(double seconds) {
        return seconds / 60.0;
    }
}
