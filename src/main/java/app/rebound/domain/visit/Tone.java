package app.rebound.domain.visit;

/** Resting tone of the pelvic floor. */
public enum Tone {
    LOW,
    NORMAL,
    HIGH
}
