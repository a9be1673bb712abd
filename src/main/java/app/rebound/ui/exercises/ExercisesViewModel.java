package app.rebound.ui.exercises;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.service.ExerciseCatalogue;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/** The exercise library screen: every exercise, the clinic's photos, and the clinic's own exercises. */
public final class ExercisesViewModel {

    private final ExerciseCatalogue catalogue;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final ObservableList<Exercise> exercises = FXCollections.observableArrayList();
    private final ObservableMap<String, ExercisePhoto> photos = FXCollections.observableHashMap();

    public ExercisesViewModel(ExerciseCatalogue catalogue, TaskRunner tasks, Dialogs dialogs) {
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    public void load() {
        BackgroundTask.wrap(() -> Map.entry(catalogue.all(), catalogue.photos()))
                .onSuccess(loaded -> {
                    exercises.setAll(loaded.getKey());
                    photos.clear();
                    photos.putAll(new HashMap<>(loaded.getValue()));
                })
                .onFailure(failure -> dialogs.report("action.openExercises", failure))
                .executeWith(tasks);
    }

    public boolean isShipped(Exercise exercise) {
        return catalogue.isShipped(exercise.code());
    }

    /** Reads a PNG or JPEG of at most 2 MB and prints it instead of the exercise's drawing. */
    public void usePhoto(Exercise exercise, Path file) {
        BackgroundTask.wrap(() -> {
                    if (Files.size(file) > ExercisePhoto.MAX_BYTES) {
                        return null;
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    ExercisePhoto photo = ExercisePhoto.of(bytes);
                    if (photo != null && new Image(new ByteArrayInputStream(bytes), 120, 120,
                            true, false).isError()) {
                        photo = null; // starts like a PNG or JPEG but cannot be read
                    }
                    if (photo != null) {
                        catalogue.setPhoto(exercise.code(), photo);
                    }
                    return photo;
                })
                .onSuccess(photo -> {
                    if (photo == null) {
                        dialogs.error(Messages.get("validation.exercise.photo"));
                    } else {
                        photos.put(exercise.code(), photo);
                    }
                })
                .onFailure(failure -> dialogs.report("action.savePhoto", failure))
                .executeWith(tasks);
    }

    public void useDrawing(Exercise exercise) {
        BackgroundTask.wrap(() -> catalogue.setPhoto(exercise.code(), null))
                .onSuccess(done -> photos.remove(exercise.code()))
                .onFailure(failure -> dialogs.report("action.savePhoto", failure))
                .executeWith(tasks);
    }

    public void delete(Exercise exercise) {
        BackgroundTask.wrap(() -> catalogue.deleteClinicExercise(exercise.code()))
                .onSuccess(deleted -> {
                    if (deleted) {
                        exercises.remove(exercise);
                        photos.remove(exercise.code());
                    } else {
                        dialogs.error(Messages.get("exercises.inUse"));
                    }
                })
                .onFailure(failure -> dialogs.report("action.deleteExercise", failure))
                .executeWith(tasks);
    }

    /** Saves a new exercise of the clinic's; problems go to {@code onInvalid} field by field. */
    public void create(Exercise exercise, Runnable onSaved, Consumer<Map<String, String>> onInvalid) {
        BackgroundTask.wrap(() -> catalogue.saveClinicExercise(exercise, true))
                .onSuccess(done -> {
                    exercises.add(exercise);
                    onSaved.run();
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        Map<String, String> found = new HashMap<>();
                        for (Violation v : invalid.violations()) {
                            found.putIfAbsent(v.field(), v.message());
                        }
                        onInvalid.accept(found);
                    } else {
                        dialogs.report("action.saveExercise", failure);
                    }
                })
                .executeWith(tasks);
    }

    public ObservableList<Exercise> exercises() {
        return exercises;
    }

    public ObservableMap<String, ExercisePhoto> photos() {
        return photos;
    }
}
