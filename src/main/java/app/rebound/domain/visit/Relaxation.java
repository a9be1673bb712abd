package app.rebound.domain.visit;

/** Voluntary relaxation of the pelvic floor (ICS terms). */
public enum Relaxation {
    COMPLETE,
    PARTIAL,
    ABSENT
}
