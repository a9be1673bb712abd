package app.rebound.domain.programme;

import java.util.List;
import java.util.Objects;

import app.rebound.domain.visit.Stage;

/**
 * One exercise of the library: code, name, stage, purpose, plain-words steps, breathing and pelvic
 * floor cues, a default dose, an easier and a harder version, and its illustration.
 */
public record Exercise(
        String code,
        String name,
        Stage stage,
        ExerciseKind kind,
        String purpose,
        List<String> instructions,
        List<String> cues,
        Dose defaultDose,
        String easier,
        String harder,
        Illustration illustration) {

    public Exercise {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stage, "stage");
        kind = kind == null ? ExerciseKind.GENERAL : kind;
        instructions = List.copyOf(instructions);
        cues = List.copyOf(cues);
    }
}
