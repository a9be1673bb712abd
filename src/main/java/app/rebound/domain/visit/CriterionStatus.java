package app.rebound.domain.visit;

/** The state of one readiness criterion. */
public enum CriterionStatus {
    MET,
    NOT_MET,
    NOT_ASSESSED
}
