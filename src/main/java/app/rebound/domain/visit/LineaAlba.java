package app.rebound.domain.visit;

/** Tension of the linea alba felt under load. */
public enum LineaAlba {
    FIRM,
    SOFT
}
