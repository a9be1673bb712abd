package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;

/**
 * The home programme issued at a visit (record format PROGRAMME): the stage given, the stage the
 * product suggested, the exercises in order with their doses, the walk-run plan, and when to review.
 */
public record Programme(
        Stage stage,
        SuggestedStage suggestedStage,
        List<ProgrammeItem> exercises,
        List<WalkRunWeek> walkRun,
        Integer reviewInWeeks) {

    public static final IntRange REVIEW_IN_WEEKS = new IntRange(1, 52, "weeks");

    public Programme {
        Objects.requireNonNull(stage, "stage");
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        walkRun = walkRun == null ? List.of() : List.copyOf(walkRun);
    }

    /** Every broken rule: doses in range, exercise codes known, the walk-run plan's rules, review weeks. */
    public List<Violation> validate(Predicate<String> knownExercise) {
        return validate(knownExercise, true);
    }

    /**
     * As {@link #validate}, but the walk-run plan against the record format's ranges only: a programme read
     * from a record file (exported, perhaps, before the plan rules of clinical reference §9).
     */
    public List<Violation> validateAsRecorded(Predicate<String> knownExercise) {
        return validate(knownExercise, false);
    }

    private List<Violation> validate(Predicate<String> knownExercise, boolean planRules) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            ProgrammeItem item = exercises.get(i);
            String prefix = "programme.exercises[" + i + "].";
            if (!knownExercise.test(item.exercise())) {
                problems.add(Violation.of(prefix + "exercise", "validation.programme.unknownExercise", item.exercise()));
            }
            problems.addAll(item.dose().validate(prefix));
            if (item.notes() != null && item.notes().codePointCount(0, item.notes().length())
                    > ProgrammeItem.NOTES_MAX_LENGTH) {
                problems.add(Violation.of(prefix + "notes", "validation.tooLong", ProgrammeItem.NOTES_MAX_LENGTH));
            }
        }
        if (!walkRun.isEmpty()) {
            for (Violation v : planRules ? WalkRunRules.check(walkRun) : WalkRunRules.checkRanges(walkRun)) {
                problems.add(new Violation("programme." + v.field(), v.messageKey(), v.arguments()));
            }
        }
        if (reviewInWeeks != null && !REVIEW_IN_WEEKS.contains(reviewInWeeks)) {
            problems.add(Violation.of("programme.reviewInWeeks", "validation.outsideRange",
                    reviewInWeeks.toString(), REVIEW_IN_WEEKS.describe()));
        }
        return problems;
    }
}
