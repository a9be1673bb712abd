package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;

import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;

/**
 * The rules of a walk-run plan (clinical reference section 6, WALK-RUN; record format
 * PROGRAMME.walkRun), applied alike to a generated plan and to the clinician's edits:
 * <ol>
 * <li>every value is within its range ({@link WalkRunWeek});</li>
 * <li>the weeks are numbered 1, 2, 3… in order, none missing or repeated;</li>
 * <li>from one week to the next at most one of run time, walk time, repeats and sessions a week
 * changes (nothing changing is a consolidation week, and allowed);</li>
 * <li>the week's running time (run × repeats × sessions) rises by at most 10 % over the week
 * before; a fall is allowed;</li>
 * <li>the last week reaches 30 minutes of continuous running
 * ({@link WalkRunWeek#continuousRunSeconds()} at least 1800 s: walk 0, so the repeats join into
 * one run);</li>
 * <li>the last week is at least 12 weeks after the first.</li>
 * </ol>
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
            }
        }
        end(problems, plan);
        return problems;
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
        if (last != null && last.continuousRunSeconds() < TARGET_CONTINUOUS_SECONDS) {
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
