package app.rebound.domain.programme;

import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Tone;

/**
 * The starting dose of the patient's own pelvic floor training, from the visit's PERFECT assessment
 * (clinical reference §3): hold for the endurance seconds, repeat the measured number of holds, then
 * the measured number of quick squeezes, each kept between 3 and 10 (a measured 0–2 starts at 3).
 * With MOS 0–1 she first practises finding the contraction, lying down, before counting holds. An
 * overactive floor gets relaxation and breathing first and no strength holds: tone HIGH, or a floor that
 * does not relax at all (relaxation ABSENT), which the readiness rules send to CONNECT for
 * "relaxation and down-training first" (§3, §8 rule 2).
 */
public record PelvicFloorDose(Plan plan, int holdSeconds, int holds, int quickSqueezes) {

    /** What the pelvic floor part of the programme is. */
    public enum Plan {
        /** Holds and quick squeezes at the measured dose. */
        STRENGTH,
        /** Finding the contraction, lying down, before any counting (MOS 0–1). */
        FIND_CONTRACTION,
        /** Relaxation, breathing and down-training; no strength holds (tone HIGH or relaxation ABSENT). */
        RELAXATION_FIRST
    }

    public static final int MIN = 3;
    public static final int MAX = 10;

    /** The dose for a visit's pelvic floor findings; measures not recorded start at the minimum. */
    public static PelvicFloorDose from(PelvicFloorExam exam) {
        int hold = clamp(exam.enduranceSeconds());
        int holds = clamp(exam.repetitions());
        int quick = clamp(exam.fastContractions());
        if (exam.tone() == Tone.HIGH || exam.relaxation() == Relaxation.ABSENT) {
            return new PelvicFloorDose(Plan.RELAXATION_FIRST, hold, holds, quick);
        }
        if (exam.power() != null && exam.power() <= 1) {
            return new PelvicFloorDose(Plan.FIND_CONTRACTION, hold, holds, quick);
        }
        return new PelvicFloorDose(Plan.STRENGTH, hold, holds, quick);
    }

    static int clamp(Integer measured) {
        if (measured == null) {
            return MIN;
        }
        return Math.max(MIN, Math.min(MAX, measured));
    }

    /** The dose of a pelvic floor exercise of the given kind, or its default for other kinds. */
    public Dose doseFor(Exercise exercise) {
        Dose base = exercise.defaultDose();
        return switch (exercise.kind()) {
            case PELVIC_FLOOR_HOLDS -> new Dose(1, holds, holdSeconds, base.timesPerDay(), base.daysPerWeek());
            case PELVIC_FLOOR_QUICK -> new Dose(1, quickSqueezes, 0, base.timesPerDay(), base.daysPerWeek());
            default -> base;
        };
    }
}
