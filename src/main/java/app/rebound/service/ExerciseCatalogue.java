package app.rebound.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.ClinicExerciseRules;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.store.ExerciseStore;

/**
 * Every exercise the clinic can prescribe: the shipped library and the clinic's own, with the
 * photos the clinic chose instead of drawings.
 */
public final class ExerciseCatalogue {

    private final ExerciseStore store;

    public ExerciseCatalogue(ExerciseStore store) {
        this.store = store;
    }

    /** Shipped exercises in stage order, then the clinic's own. */
    public List<Exercise> all() {
        List<Exercise> all = new ArrayList<>(ExerciseLibrary.shipped());
        all.addAll(store.clinicExercises());
        return all;
    }

    public Optional<Exercise> byCode(String code) {
        Optional<Exercise> shipped = ExerciseLibrary.byCode(code);
        return shipped.isPresent() ? shipped
                : store.clinicExercises().stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public boolean isShipped(String code) {
        return ExerciseLibrary.byCode(code).isPresent();
    }

    public Map<String, ExercisePhoto> photos() {
        return store.photos();
    }

    /**
     * Adds or changes one of the clinic's own exercises.
     *
     * @param isNew a new exercise may not take a code that exists
     */
    public void saveClinicExercise(Exercise given, boolean isNew) {
        Exercise exercise = stored(given);
        List<Violation> problems = ClinicExerciseRules.validate(exercise,
                code -> isShipped(code) || (isNew && byCode(code).isPresent()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        store.save(exercise);
    }

    /** Its text as text is stored (TextNormalization): a step or cue of nothing but control characters goes. */
    private static Exercise stored(Exercise e) {
        String purpose = e.purpose() == null ? null : TextNormalization.clean(e.purpose());
        return new Exercise(e.code(), TextNormalization.clean(e.name()), e.stage(), e.kind(),
                e.purpose() != null && purpose == null ? "" : purpose, lines(e.instructions()), lines(e.cues()),
                e.defaultDose(), e.easier(), e.harder(), e.illustration());
    }

    private static List<String> lines(List<String> texts) {
        return texts.stream().map(TextNormalization::clean).filter(Objects::nonNull).toList();
    }

    /** Deletes one of the clinic's own; false when a saved programme still uses it. */
    public boolean deleteClinicExercise(String code) {
        if (isShipped(code)) {
            throw new IllegalArgumentException("A shipped exercise cannot be deleted");
        }
        return store.delete(code);
    }

    /** Prints the clinic's photo instead of the drawing; null goes back to the drawing. */
    public void setPhoto(String code, ExercisePhoto photo) {
        byCode(code).orElseThrow(() -> new NoSuchElementException("No exercise " + code));
        if (photo != null && photo.data().length > ExercisePhoto.MAX_BYTES) {
            throw new ValidationException(List.of(Violation.of("photo", "validation.exercise.photo")));
        }
        store.setPhoto(code, photo);
    }
}
