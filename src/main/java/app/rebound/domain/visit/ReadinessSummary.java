package app.rebound.domain.visit;

import java.util.List;

/**
 * The readiness summary of a visit: the six criteria in order, the suggested stage with its reason,
 * what to assess next (the criteria not assessed), and whether to consider onward referral.
 */
public record ReadinessSummary(
        List<CriterionResult> criteria,
        SuggestedStage suggestedStage,
        String reason,
        List<ReadinessCriterion> assessNext,
        boolean considerOnwardReferral) {

    public ReadinessSummary {
        criteria = List.copyOf(criteria);
        assessNext = List.copyOf(assessNext);
    }

    public boolean refer() {
        return suggestedStage == SuggestedStage.REFER;
    }

    public CriterionResult criterion(ReadinessCriterion which) {
        return criteria.stream().filter(c -> c.criterion() == which).findFirst().orElseThrow();
    }
}
