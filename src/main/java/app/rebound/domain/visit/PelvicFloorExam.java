package app.rebound.domain.visit;

/** Pelvic floor muscle assessment: method, PERFECT, relaxation, tone. Null means not assessed. */
public record PelvicFloorExam(
        ExamMethod method,
        Integer power,
        Integer enduranceSeconds,
        Integer repetitions,
        Integer fastContractions,
        Boolean elevation,
        Boolean coContraction,
        Boolean coughPrecontraction,
        Relaxation relaxation,
        Tone tone,
        Integer standingSubmaxHoldSeconds,
        String notes) {

    public static final PelvicFloorExam EMPTY = new PelvicFloorExam(null, null, null, null, null, null, null, null,
            null, null, null, null);

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
