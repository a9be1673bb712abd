package app.rebound.domain.visit;

/** One readiness criterion's state, with the evidence for it in words. */
public record CriterionResult(ReadinessCriterion criterion, CriterionStatus status, String evidence) {
}
