package app.rebound.domain.visit;

/** Whether a visit is still being written (DRAFT) or finished (COMPLETE). */
public enum VisitStatus {
    DRAFT,
    COMPLETE
}
