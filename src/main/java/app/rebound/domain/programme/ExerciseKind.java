package app.rebound.domain.programme;

/**
 * What an exercise works on. The pelvic floor kinds take their dose from the visit's PERFECT
 * assessment; relaxation and breathing come first for an overactive floor.
 */
public enum ExerciseKind {
    /** Finding the contraction, lying down (MOS 0–1). */
    PELVIC_FLOOR_FIND,
    /** Maximal holds: hold = endurance seconds, holds = repetitions. */
    PELVIC_FLOOR_HOLDS,
    /** One-second squeezes: number = fast contractions. */
    PELVIC_FLOOR_QUICK,
    /** Relaxation, breathing and down-training. */
    RELAXATION,
    /** Everything else: strength, load, impact, running. */
    GENERAL
}
