package app.rebound.domain.visit;

/** The kind of visit. */
public enum VisitKind {
    INITIAL,
    FOLLOW_UP,
    DISCHARGE
}
