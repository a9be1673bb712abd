package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;

/**
 * A sensible first programme for a stage, which the clinician then edits. Pelvic floor work is part
 * of every stage: holds and quick squeezes dosed from the visit's PERFECT, lying in CONNECT, sitting
 * in LOW_LOAD and standing from BUILD on; finding the contraction first when MOS is 0–1; and for
 * an overactive floor relaxation and down-training instead of strength holds. Strength work carries
 * on through walk-run and running.
 */
public final class ProgrammeSuggester {

    /** How many of the stage's own exercises a first programme takes. */
    static final int STAGE_EXERCISES = 6;

    private static final Map<Stage, Integer> REVIEW_WEEKS = Map.of(
            Stage.CONNECT, 4, Stage.LOW_LOAD, 4, Stage.BUILD, 4, Stage.IMPACT_PREP, 3, Stage.WALK_RUN, 4,
            Stage.RUN, 6);

    /** Speed work and buggy running: added by the clinician when she judges it is time (§6). */
    static final java.util.Set<String> NOT_IN_A_FIRST_PROGRAMME = java.util.Set.of("strides", "buggy-run",
            "hill-walk-run");

    private final List<Exercise> library;

    public ProgrammeSuggester(List<Exercise> library) {
        this.library = List.copyOf(library);
    }

    public static ProgrammeSuggester shipped() {
        return new ProgrammeSuggester(ExerciseLibrary.shipped());
    }

    /**
     * The programme for {@code stage}; {@code suggested} is what the readiness rules suggested (kept
     * beside the clinician's choice). A REFER visit gets no programme.
     */
    public Programme suggest(Stage stage, SuggestedStage suggested, PelvicFloorExam floor) {
        if (stage == null) {
            throw new IllegalArgumentException("A REFER visit gets no programme");
        }
        PelvicFloorDose dose = PelvicFloorDose.from(floor == null ? PelvicFloorExam.EMPTY : floor);
        List<ProgrammeItem> items = new ArrayList<>();
        switch (dose.plan()) {
            case RELAXATION_FIRST -> library.stream()
                    .filter(e -> e.kind() == ExerciseKind.RELAXATION)
                    .limit(3)
                    .forEach(e -> items.add(item(e, e.defaultDose())));
            case FIND_CONTRACTION -> library.stream()
                    .filter(e -> e.kind() == ExerciseKind.PELVIC_FLOOR_FIND || e.kind() == ExerciseKind.RELAXATION)
                    .limit(2)
                    .forEach(e -> items.add(item(e, e.defaultDose())));
            case STRENGTH -> {
                String position = switch (stage) {
                    case CONNECT -> "lying";
                    case LOW_LOAD -> "sitting";
                    default -> "standing";
                };
                byCode("pf-holds-" + position).ifPresent(e -> items.add(item(e, dose.doseFor(e))));
                byCode("pf-quick-" + position).ifPresent(e -> items.add(item(e, dose.doseFor(e))));
            }
        }
        // an overactive floor gets no squeezing exercise until it relaxes (clinical reference §3)
        boolean noSqueezing = dose.plan() == PelvicFloorDose.Plan.RELAXATION_FIRST;
        library.stream()
                .filter(e -> e.stage() == stage && e.kind() == ExerciseKind.GENERAL)
                .filter(e -> !(noSqueezing && squeezes(e)))
                // duration before speed, and a buggy not before about six months: the clinician adds those
                .filter(e -> !NOT_IN_A_FIRST_PROGRAMME.contains(e.code()))
                .limit(STAGE_EXERCISES)
                .forEach(e -> items.add(item(e, e.defaultDose())));
        if (stage == Stage.WALK_RUN || stage == Stage.RUN) {
            // strength is kept up through running (clinical reference §6)
            library.stream()
                    .filter(e -> e.stage() == Stage.BUILD && e.kind() == ExerciseKind.GENERAL)
                    .filter(e -> !(noSqueezing && squeezes(e)))
                    .limit(3)
                    .forEach(e -> items.add(item(e, e.defaultDose())));
        }
        List<WalkRunWeek> plan = stage == Stage.WALK_RUN ? WalkRunGenerator.generate(WalkRunStart.TYPICAL) : List.of();
        if (!plan.isEmpty()) {
            // the walk-run exercise starts as the plan's first week: its rounds and sessions a week
            WalkRunWeek first = plan.get(0);
            items.replaceAll(item -> item.exercise().equals(ExerciseLibrary.WALK_RUN_INTERVALS)
                    ? new ProgrammeItem(item.exercise(), new Dose(1, first.repeats(), 0, 1, first.sessionsPerWeek()),
                            item.notes(), item.reasons())
                    : item);
        }
        return new Programme(stage, suggested, items, plan, REVIEW_WEEKS.get(stage));
    }

    /**
     * General exercises whose point is a pelvic floor contraction: the Knack, breathing with a lift, the
     * long gentle hold, the deep tummy draw-ins (a pelvic floor lift with the transversus), and the
     * warm-up walk's quick squeezes. (The "breathe out, gently lift" cue of the strength exercises goes
     * with a movement; it is not the exercise.)
     */
    static final java.util.Set<String> CONTRACTION_WORK = java.util.Set.of("breathing-pf", "pf-knack",
            "pf-long-hold-standing", "tva-activation", "tva-four-point", "warm-up-walk");

    /** Pelvic floor contraction work filed as general: see {@link #CONTRACTION_WORK}. */
    static boolean squeezes(Exercise exercise) {
        return exercise.kind() == ExerciseKind.GENERAL && CONTRACTION_WORK.contains(exercise.code());
    }

    private Optional<Exercise> byCode(String code) {
        return library.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** (The walk-run exercise's times and rounds are the plan's: the handout says so in its dose line.) */
    private static ProgrammeItem item(Exercise exercise, Dose dose) {
        return new ProgrammeItem(exercise.code(), dose, null, List.of(Reasons.STAGE));
    }
}
