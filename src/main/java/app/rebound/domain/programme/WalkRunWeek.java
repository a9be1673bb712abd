package app.rebound.domain.programme;

import app.rebound.domain.IntRange;

/**
 * One week of a walk-run plan (record format PROGRAMME.walkRun): on each of {@code sessionsPerWeek}
 * days, {@code repeats} times a run of {@code runSeconds} followed by a walk of {@code walkSeconds}.
 * Values are kept as entered; {@link WalkRunRules#check} says which are out of range.
 *
 * <p>A walk of 0 means there is no walk between the runs, so the repeats join into one continuous
 * run of {@code runSeconds × repeats}: "5 min × 6, walk 0" is 30 minutes of continuous running.
 */
public record WalkRunWeek(int week, int sessionsPerWeek, int runSeconds, int walkSeconds, int repeats) {

    public static final IntRange WEEK = new IntRange(1, 52, "");
    public static final IntRange SESSIONS_PER_WEEK = new IntRange(1, 7, "");
    public static final IntRange RUN_SECONDS = new IntRange(10, 3600, "s");
    public static final IntRange WALK_SECONDS = new IntRange(0, 600, "s");
    public static final IntRange REPEATS = new IntRange(1, 60, "");

    /** Seconds of running in one session: run × repeats. */
    public long runningSecondsPerSession() {
        return (long) runSeconds * repeats;
    }

    /** Seconds of running in the week: run × repeats × sessions. The 10 % rule is about this. */
    public long runningSecondsPerWeek() {
        return runningSecondsPerSession() * sessionsPerWeek;
    }

    /** Length of one session, walks included: (run + walk) × repeats, in seconds. */
    public long sessionSeconds() {
        return ((long) runSeconds + walkSeconds) * repeats;
    }

    /** Length of one session, walks included, in minutes (1 min run / 1.5 min walk × 10 is 25). */
    public double sessionMinutes() {
        return sessionSeconds() / 60.0;
    }

    /**
     * The longest stretch of running without a walk: with no walk between them (walk 0) the
     * intervals join into one run of run × repeats; otherwise one interval, run.
     */
    public long continuousRunSeconds() {
        return walkSeconds == 0 ? runningSecondsPerSession() : runSeconds;
    }

    public WalkRunWeek withWeek(int value) {
        return new WalkRunWeek(value, sessionsPerWeek, runSeconds, walkSeconds, repeats);
    }

    public WalkRunWeek withSessionsPerWeek(int value) {
        return new WalkRunWeek(week, value, runSeconds, walkSeconds, repeats);
    }

    public WalkRunWeek withRunSeconds(int value) {
        return new WalkRunWeek(week, sessionsPerWeek, value, walkSeconds, repeats);
    }

    public WalkRunWeek withWalkSeconds(int value) {
        return new WalkRunWeek(week, sessionsPerWeek, runSeconds, value, repeats);
    }

    public WalkRunWeek withRepeats(int value) {
        return new WalkRunWeek(week, sessionsPerWeek, runSeconds, walkSeconds, value);
    }

    /** The same run, walk, repeats and sessions: nothing changes (a consolidation week). */
    public boolean sameLoadAs(WalkRunWeek other) {
        return sessionsPerWeek == other.sessionsPerWeek && runSeconds == other.runSeconds
                && walkSeconds == other.walkSeconds && repeats == other.repeats;
    }
}
