package app.rebound.domain.programme;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import app.rebound.domain.visit.Visit;

/**
 * An exercise as her handout prints it: the down-training words when her floor is overactive, and Easier
 * and Harder lines computed from the dose she is given (clinical reference §9).
 */
public final class HandoutWording {

    private HandoutWording() {
    }

    /**
     * @param downTrain whether the programme is for an overactive floor ({@link #isDownTraining})
     * @param plan the programme's walk-run plan (empty: none)
     * @param catalogue the exercises by code, to name the next stage's exercise
     */
    public static Exercise of(Exercise exercise, Dose dose, boolean downTrain, List<WalkRunWeek> plan,
            Function<String, Optional<Exercise>> catalogue) {
        Exercise worded = downTrain ? DownTrainWording.of(exercise) : exercise;
        return new Exercise(worded.code(), worded.name(), worded.stage(), worded.kind(), worded.purpose(),
                worded.instructions(), worded.cues(), worded.defaultDose(),
                DoseSteps.easier(exercise, dose, worded.easier(), plan),
                DoseSteps.harder(exercise, dose, worded.harder(), plan, catalogue), worded.illustration());
    }

    /**
     * Whether a programme is worded for an overactive floor: the visit's findings say so (tone HIGH or
     * relaxation ABSENT), or one of its exercises carries the reason DOWN_TRAIN.
     */
    public static boolean isDownTraining(Visit visit, Programme programme) {
        return new Findings(programme.stage(), visit, null).downTrain()
                || programme.exercises().stream().anyMatch(i -> i.reasons().contains(Reasons.DOWN_TRAIN));
    }
}
