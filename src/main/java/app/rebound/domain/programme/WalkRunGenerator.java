package app.rebound.domain.programme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a week-by-week walk-run plan (clinical reference section 6, WALK-RUN) from a start such as
 * {@link WalkRunStart#TYPICAL}, that passes {@link WalkRunRules#check} and makes clinical sense:
 * <ul>
 * <li>sessions a week stay as they start;</li>
 * <li>each progression week changes one thing: it lengthens the run intervals to a "nice" time at
 * most 10 % longer (whole seconds under 50 s, multiples of 5 s under 2 min, of 10 or 15 s under
 * 5 min, of 30 s under 10 min, whole minutes above), in the fewest such steps to the final run
 * time and as evenly as the nice times allow; or it adds a repeat where that is within 10 % (10
 * repeats or more); whichever raises the running more. So the week's running rises by close to,
 * and never more than, 10 % (from 60 s, 5 s more is only 8 %: short runs rise more slowly);</li>
 * <li>the walks shorten gradually along 600, 300, 180, 120, 90, 60, 30 s (90 → 60 → 30 from the
 * typical start), spread over the plan by the progress of the running, or sooner when a session
 * would otherwise grow past {@value #SESSION_LIMIT_SECONDS} s (40 minutes, walks included);</li>
 * <li>a consolidation week (nothing changes) follows each walk reduction, and every fourth week
 * at the latest, so the body adapts: at most three changes in a row; a walk reduction is put last
 * in such a block where the running allows;</li>
 * <li>the plan ends exactly at 30 minutes of continuous running, at least 12 weeks after the
 * start; where the progression is done sooner (a start close to 30 minutes), consolidation weeks
 * are spread over it.</li>
 * </ul>
 *
 * <p><b>30 minutes of continuous running.</b> The last week has walk 0 and run × repeats = 1800 s:
 * with no walk between them the intervals join into one continuous run, so "3 min × 10, walk 0" is
 * 30 minutes of running without a break (see {@link WalkRunWeek#continuousRunSeconds()}). The
 * last change of the plan is that join: the short walks (30 s from the typical start) go. Since
 * each week changes one variable only, the number of repeats of the last week is one for which
 * 1800 s divides into a nice run time (10 × 3 min, 6 × 5 min, 12 × 2½ min…), chosen with the
 * shortest plan, keeping the start's repeats where it can. Repeats are cut (a fall, allowed; the
 * first change of the plan) only when the start has more than 30 minutes of running, or a number
 * of repeats under 10 that 1800 s does not divide into (7: one more would be 14 % more running);
 * from 10 repeats up, repeats can be added instead (11 → 12, 13 → 15).
 *
 * <p>From a start that is far from 30 minutes (a few 30-second runs) the plan would pass 52 weeks
 * with a consolidation week every fourth week; then consolidation weeks come less often (every
 * sixth week, then only after walk reductions, then not at all). A start from which even that
 * cannot reach 30 minutes within 52 weeks is refused. Plain Java: no I/O.
 */
public final class WalkRunGenerator {

    /** Longest session the plan builds, walks included (unless the start is already longer). */
    public static final int SESSION_LIMIT_SECONDS = 40 * 60;

    private static final int TARGET = WalkRunRules.TARGET_CONTINUOUS_SECONDS;
    /** Walk times the walks step down along, longest first (then to 0, the last week). */
    private static final int[] WALK_LADDER = {600, 300, 180, 120, 90, 60, 30};
    /** A walk reduction shortens the walk by at least this much. */
    private static final int MIN_WALK_STEP = 10;

    /** How often the plan consolidates: after at most {@code changes} changes, and after each walk reduction. */
    private record Mode(int changes, boolean afterWalk) {
    }

    private static final List<Mode> MODES = List.of(new Mode(3, true), new Mode(5, true),
            new Mode(Integer.MAX_VALUE, true), new Mode(Integer.MAX_VALUE, false));

    /** A generated plan for one final number of repeats, with what is needed to rank it. */
    private record Plan(List<WalkRunWeek> weeks, int falls, int shorterRuns, int finalRepeats) {
    }

    private WalkRunGenerator() {
    }

    /** The plan from {@link WalkRunStart#TYPICAL}. */
    public static List<WalkRunWeek> generate() {
        return generate(WalkRunStart.TYPICAL);
    }

    /**
     * The plan from {@code start}: week 1 is the start, the last week 30 minutes of continuous
     * running, at least 12 weeks later.
     *
     * @throws IllegalArgumentException when a value of the start is out of range, or 30 minutes of
     *                                  continuous running cannot be reached from it within 52 weeks
     */
    public static List<WalkRunWeek> generate(WalkRunStart start) {
        Objects.requireNonNull(start, "start");
        List<String> problems = start.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The walk-run start is out of range: " + String.join("; ", problems)
                    + ". Correct the start and generate the plan again.");
        }
        if (start.walkSeconds() == 0 && start.firstWeek().continuousRunSeconds() == TARGET) {
            // already 30 minutes of continuous running: kept, and the plan still lasts twelve weeks
            return lengthen(List.of(start.firstWeek()));
        }
        Comparator<Plan> better = Comparator.<Plan>comparingInt(p -> p.weeks().size())
                .thenComparingInt(Plan::falls)
                .thenComparingInt(Plan::shorterRuns)
                .thenComparingInt(p -> Math.abs(p.finalRepeats() - start.repeats()))
                .thenComparingInt(Plan::finalRepeats);
        for (Mode mode : MODES) {
            Optional<Plan> best = finalRepeatsCandidates().stream()
                    .map(repeats -> plan(start, repeats, mode))
                    .flatMap(Optional::stream)
                    .filter(p -> WalkRunRules.check(p.weeks()).isEmpty())
                    .min(better);
            if (best.isPresent()) {
                return best.get().weeks();
            }
        }
        throw new IllegalArgumentException("From " + start + " (" + start.runSeconds() * start.repeats()
                + " s of running a session) a walk-run plan cannot reach 30 minutes of continuous running within "
                + WalkRunWeek.WEEK.max() + " weeks while the week's running rises by at most "
                + WalkRunRules.MAX_RISE_PERCENT + " % a week, in 5-second steps, with runs of 5 minutes before the"
                + " walks go. Start with more running: runs of at least 50 seconds (shorter runs cannot lengthen by"
                + " 5 seconds within 10 %), or more repeats.");
    }

    /** Numbers of repeats that 1800 s divides into a nice run time within range, fewest first. */
    static List<Integer> finalRepeatsCandidates() {
        List<Integer> candidates = new ArrayList<>();
        for (int repeats = WalkRunWeek.REPEATS.min(); repeats <= WalkRunWeek.REPEATS.max(); repeats++) {
            // the walks go only after runs of 5 minutes: the last runs are at least that long
            if (TARGET % repeats == 0 && WalkRunWeek.RUN_SECONDS.contains(TARGET / repeats)
                    && TARGET / repeats >= WalkRunRules.DROP_AFTER_RUN_SECONDS && isNiceRun(TARGET / repeats)) {
                candidates.add(repeats);
            }
        }
        return candidates;
    }

    /**
     * Whether a run time is a "nice" number: multiples of 5 s under 2 min (every time is a multiple of
     * 5 s, clinical reference §9; so a run under 50 s grows by repeats, where 5 s would be more than 10 %), of 10 or 15 s under 5 min, of 30 s under 10 min, of
     * a minute above.
     */
    static boolean isNiceRun(int seconds) {
        if (seconds < 120) {
            return seconds % 5 == 0;
        }
        if (seconds < 300) {
            return seconds % 10 == 0 || seconds % 15 == 0;
        }
        if (seconds < 600) {
            return seconds % 30 == 0;
        }
        return seconds % 60 == 0;
    }

    /**
     * For each run time up to {@code target}: the fewest progression weeks that lengthen it to
     * {@code target} along nice run times, each at most 10 % longer ({@link Integer#MAX_VALUE}
     * where there is no way, under 10 s).
     */
    static int[] runSteps(int target) {
        int[] steps = new int[target + 1];
        for (int run = target - 1; run >= 1; run--) {
            int most = longestNextRun(run, target);
            int best = Integer.MAX_VALUE;
            for (int next = run + 1; next <= most; next++) {
                if ((next == target || isNiceRun(next)) && steps[next] < best) {
                    best = steps[next];
                }
            }
            steps[run] = best == Integer.MAX_VALUE ? best : best + 1;
        }
        return steps;
    }

    /**
     * The next run time from {@code run} toward {@code target} (at most 10 % longer): a nice time on
     * a shortest way there, the one nearest to even steps (the same ratio each week).
     */
    static int nextRun(int run, int target, int[] steps) {
        int left = steps[run];
        double even = run * Math.pow((double) target / run, 1.0 / left);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int next = longestNextRun(run, target); next > run; next--) {
            if ((next == target || isNiceRun(next)) && steps[next] == left - 1) {
                double distance = Math.abs(Math.log(next / even));
                if (distance < bestDistance - 1e-9) {
                    best = next;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int longestNextRun(int run, int target) {
        return (int) Math.min((long) run * (100 + WalkRunRules.MAX_RISE_PERCENT) / 100, target);
    }

    /** The walk times a walk of {@code seconds} steps down through before it goes to 0, longest first. */
    static List<Integer> walkSteps(int seconds) {
        List<Integer> steps = new ArrayList<>();
        for (int walk : WALK_LADDER) {
            if (walk <= seconds - MIN_WALK_STEP) {
                steps.add(walk);
            }
        }
        return steps;
    }

    private static Optional<Plan> plan(WalkRunStart start, int finalRepeats, Mode mode) {
        int finalRun = TARGET / finalRepeats;
        if (finalRepeats > start.repeats() && !canAddRepeat(start.repeats())) {
            return Optional.empty();
        }
        int[] runSteps = runSteps(finalRun);
        Deque<Integer> walks = new ArrayDeque<>(walkSteps(start.walkSeconds()));
        int walkSteps = walks.size();
        long base = (long) Math.min(start.runSeconds(), finalRun) * Math.min(start.repeats(), finalRepeats);

        List<WalkRunWeek> weeks = new ArrayList<>();
        WalkRunWeek current = start.firstWeek();
        weeks.add(current);
        int falls = 0;
        int shorterRuns = 0;
        int changes = 0;
        boolean consolidate = false;
        while (!(current.runSeconds() == finalRun && current.repeats() == finalRepeats
                && current.walkSeconds() == 0)) {
            if (weeks.size() >= WalkRunWeek.WEEK.max()) {
                return Optional.empty();
            }
            WalkRunWeek next;
            if (consolidate || changes >= mode.changes()) {
                next = current;
                consolidate = false;
                changes = 0;
            } else if (current.repeats() > finalRepeats) {
                next = current.withRepeats(finalRepeats);
                falls++;
                changes++;
            } else if (current.runSeconds() > finalRun) {
                next = current.withRunSeconds(finalRun);
                falls++;
                shorterRuns++;
                changes++;
            } else {
                boolean growing = current.runSeconds() < finalRun || current.repeats() < finalRepeats;
                WalkRunWeek grown = growing ? grow(current, finalRun, finalRepeats, runSteps) : null;
                if (growing && grown == null) {
                    return Optional.empty();
                }
                boolean walkNow = false;
                if (!walks.isEmpty()) {
                    boolean forced = !growing
                            || grown.sessionSeconds() > Math.max(SESSION_LIMIT_SECONDS, current.sessionSeconds());
                    double due = (walkSteps - walks.size() + 1.0) / (walkSteps + 1);
                    boolean inTurn = progress(current, base) >= due && changes >= Math.min(mode.changes(), 3) - 1;
                    walkNow = forced || inTurn;
                }
                if (walkNow) {
                    next = current.withWalkSeconds(walks.poll());
                    consolidate = mode.afterWalk();
                } else if (growing) {
                    next = grown;
                } else {
                    next = current.withWalkSeconds(0);
                }
                changes++;
            }
            current = next.withWeek(current.week() + 1);
            weeks.add(current);
        }
        return Optional.of(new Plan(lengthen(weeks), falls, shorterRuns, finalRepeats));
    }

    /** Adding one repeat to {@code repeats} raises the running by at most 10 %. */
    private static boolean canAddRepeat(int repeats) {
        return !WalkRunRules.risesTooMuch(repeats, repeats + 1L);
    }

    /**
     * The progression week from {@code current}: the run interval to the next nice time (see
     * {@link #nextRun}), or one
     * repeat more, whichever raises the running more (within 10 %), preferring one that keeps the
     * session within the limit; the run on a tie. Null when neither can move toward the target.
     */
    private static WalkRunWeek grow(WalkRunWeek current, int finalRun, int finalRepeats, int[] runSteps) {
        List<WalkRunWeek> options = new ArrayList<>();
        if (current.runSeconds() < finalRun) {
            if (runSteps[current.runSeconds()] == Integer.MAX_VALUE) {
                return null;
            }
            options.add(current.withRunSeconds(nextRun(current.runSeconds(), finalRun, runSteps)));
        }
        if (current.repeats() < finalRepeats && canAddRepeat(current.repeats())) {
            options.add(current.withRepeats(current.repeats() + 1));
        }
        long limit = Math.max(SESSION_LIMIT_SECONDS, current.sessionSeconds());
        return options.stream()
                .min(Comparator.<WalkRunWeek>comparingInt(w -> w.sessionSeconds() <= limit ? 0 : 1)
                        .thenComparing(Comparator.comparingLong(WalkRunWeek::runningSecondsPerSession).reversed()))
                .orElse(null);
    }

    /** How far the running per session has come from {@code base} to 30 minutes, 0 to 1, on a ratio scale. */
    private static double progress(WalkRunWeek week, long base) {
        long now = week.runningSecondsPerSession();
        if (base >= TARGET || now >= TARGET) {
            return 1;
        }
        if (now <= base) {
            return 0;
        }
        return Math.log((double) now / base) / Math.log((double) TARGET / base);
    }

    /**
     * A plan whose last week is fewer than 12 weeks after the first, lengthened by consolidation
     * weeks spread evenly over it (each a repeat of the week before it), so that it progresses
     * more slowly rather than waiting at one place.
     */
    private static List<WalkRunWeek> lengthen(List<WalkRunWeek> weeks) {
        int missing = WalkRunRules.MIN_WEEKS_FIRST_TO_LAST + 1 - weeks.size();
        if (missing <= 0) {
            return List.copyOf(weeks);
        }
        int slots = Math.max(1, weeks.size() - 1);
        List<WalkRunWeek> result = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            int extra = i < slots ? (int) ((long) (i + 1) * missing / slots - (long) i * missing / slots) : 0;
            for (int copy = 0; copy <= extra; copy++) {
                result.add(weeks.get(i).withWeek(result.size() + 1));
            }
        }
        return List.copyOf(result);
    }
}
