package app.rebound.domain.visit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.rebound.domain.Messages;
import app.rebound.domain.Violation;

/**
 * The clinician's choice of a stage other than the suggestion (clinical reference §8 and §9). A stage
 * ahead of the suggestion is chosen knowingly: she sees why the suggestion is lower and confirms. Impact
 * work (IMPACT_PREP, WALK_RUN, RUN) before 12 weeks after the birth, or while the red flags are not
 * asked, also needs a reason in her own words, kept with the visit.
 */
public final class StageChoice {

    /** The stages with impact: chosen early, they need a reason. */
    public static final Set<Stage> IMPACT = EnumSet.of(Stage.IMPACT_PREP, Stage.WALK_RUN, Stage.RUN);

    /** The longest reason kept, in characters. */
    public static final int REASON_MAX_LENGTH = 2000;

    private StageChoice() {
    }

    /** Whether {@code chosen} is further on than the suggestion (never for REFER, which has no choice). */
    public static boolean ahead(Stage chosen, ReadinessSummary readiness) {
        Optional<Stage> suggested = readiness.suggestedStage().stage();
        return chosen != null && suggested.isPresent() && chosen.ordinal() > suggested.get().ordinal();
    }

    /**
     * Why {@code chosen} needs a typed reason ("before 12 weeks after the birth", "while the red flags are
     * not asked"), or empty when it needs none.
     */
    public static Optional<String> reasonNeeded(Stage chosen, ReadinessSummary readiness) {
        if (chosen == null || !IMPACT.contains(chosen) || readiness.refer()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        CriterionStatus weeks = readiness.criterion(ReadinessCriterion.WEEKS_SINCE_BIRTH).status();
        if (weeks == CriterionStatus.NOT_MET) {
            why.add(Messages.get("stageChoice.why.tooSoon"));
        } else if (weeks == CriterionStatus.NOT_ASSESSED) {
            // no birth on record: nothing shows that 12 weeks have passed
            why.add(Messages.get("stageChoice.why.birthUnknown"));
        }
        if (readiness.criterion(ReadinessCriterion.NO_RED_FLAGS).status() == CriterionStatus.NOT_ASSESSED) {
            why.add(Messages.get("stageChoice.why.redFlagsNotAsked"));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(Messages.get("stageChoice.why.and"), why));
    }

    /**
     * The choice of {@code visit} checked against the one stored before: a stage that needs a reason is not
     * newly chosen without one, and a reason it needs is not taken away. A choice made before it needed one
     * (the visit's data changed since) stays as it was, so no save of hers is refused for it.
     *
     * @param stored the visit as stored before this save; null for a new visit
     */
    public static List<Violation> check(Visit visit, Visit stored, ReadinessSummary readiness) {
        List<Violation> problems = new ArrayList<>();
        String reason = visit.stageReason();
        if (reason != null && reason.codePointCount(0, reason.length()) > REASON_MAX_LENGTH) {
            problems.add(Violation.of("stageReason", "validation.tooLong", REASON_MAX_LENGTH,
                    reason.codePointCount(0, reason.length())));
        }
        Optional<String> needed = reasonNeeded(visit.stage(), readiness);
        boolean newlyUnexplained = stored == null || stored.stage() != visit.stage() || stored.stageReason() != null;
        if (needed.isPresent() && reason == null && newlyUnexplained) {
            problems.add(Violation.of("stageReason", "validation.stageReason.required",
                    Messages.name(visit.stage()), needed.get()));
        }
        return problems;
    }

    /**
     * A programme at {@code stage} for {@code visit}: impact work before 12 weeks or before the red flags
     * are asked needs the clinician's reason, which the visit keeps (clinical reference §9), so such a
     * programme is allowed only for a visit that chose that stage with a reason.
     */
    public static List<Violation> checkProgramme(Stage stage, Visit visit, ReadinessSummary readiness) {
        Optional<String> needed = reasonNeeded(stage, readiness);
        boolean givenOnTheVisit = stage == visit.stage() && visit.stageReason() != null
                && !visit.stageReason().isBlank();
        if (needed.isPresent() && !givenOnTheVisit) {
            return List.of(Violation.of("programme.stage", "validation.programme.stageNeedsReason",
                    Messages.name(stage), needed.get()));
        }
        return List.of();
    }
}
