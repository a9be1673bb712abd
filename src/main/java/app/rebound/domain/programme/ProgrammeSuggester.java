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
        // an overactive floor gets no squeezing of any kind until it relaxes (clinical reference §3)
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
                    .limit(3)
                    .forEach(e -> items.add(item(e, e.defaultDose())));
        }
        List<WalkRunWeek> plan = stage == Stage.WALK_RUN ? WalkRunGenerator.generate(WalkRunStart.TYPICAL) : List.of();
        return new Programme(stage, suggested, items, plan, REVIEW_WEEKS.get(stage));
    }

    /** Pelvic floor contraction work filed as general (the Knack, breathing with a lift, long holds). */
    static boolean squeezes(Exercise exercise) {
        return exercise.kind() == ExerciseKind.GENERAL
                && (exercise.code().startsWith("pf-") || exercise.code().equals("breathing-pf"));
    }

    private Optional<Exercise> byCode(String code) {
        return library.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    private static ProgrammeItem item(Exercise exercise, Dose dose) {
        // the walk-run exercise's times and repeats are the plan's, week by week
        String notes = exercise.code().equals("walk-run-intervals")
                ? app.rebound.domain.Messages.get("programme.walkRunNote") : null;
        return new ProgrammeItem(exercise.code(), dose, notes);
    }
}
