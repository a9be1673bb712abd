package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import app.rebound.domain.Violation;

/** What a clinic's own exercise must have (record format EXERCISE). */
public final class ClinicExerciseRules {

    public static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");
    public static final int NAME_MAX = 100;
    public static final int TEXT_MAX = 1000;
    public static final int STEPS_MAX = 12;

    private ClinicExerciseRules() {
    }

    /**
     * @param codeTaken whether another exercise (shipped, or the clinic's) already has the code
     */
    public static List<Violation> validate(Exercise exercise, Predicate<String> codeTaken) {
        List<Violation> problems = new ArrayList<>();
        if (exercise.code() == null || !CODE.matcher(exercise.code()).matches()) {
            problems.add(Violation.of("code", "validation.exercise.code"));
        } else if (codeTaken.test(exercise.code())) {
            problems.add(Violation.of("code", "validation.exercise.codeTaken", exercise.code()));
        }
        if (exercise.name() == null || exercise.name().isBlank()) {
            problems.add(Violation.of("name", "validation.exercise.name"));
        } else if (exercise.name().length() > NAME_MAX) {
            problems.add(Violation.of("name", "validation.tooLong", NAME_MAX));
        }
        if (exercise.instructions().isEmpty()) {
            problems.add(Violation.of("instructions", "validation.exercise.steps"));
        } else if (exercise.instructions().size() > STEPS_MAX) {
            problems.add(Violation.of("instructions", "validation.exercise.tooManySteps", STEPS_MAX));
        }
        for (String text : concat(exercise)) {
            if (text != null && text.length() > TEXT_MAX) {
                problems.add(Violation.of("instructions", "validation.tooLong", TEXT_MAX));
                break;
            }
        }
        problems.addAll(exercise.defaultDose().validate(""));
        return problems;
    }

    private static List<String> concat(Exercise e) {
        List<String> all = new ArrayList<>(e.instructions());
        all.addAll(e.cues());
        all.add(e.purpose());
        all.add(e.easier());
        all.add(e.harder());
        return all;
    }
}
