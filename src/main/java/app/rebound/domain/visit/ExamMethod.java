package app.rebound.domain.visit;

/** How the pelvic floor was examined; a method that cannot give a measure leaves it empty. */
public enum ExamMethod {
    VAGINAL_DIGITAL,
    ULTRASOUND,
    OBSERVATION,
    NOT_EXAMINED
}
