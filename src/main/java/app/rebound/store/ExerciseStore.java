package app.rebound.store;

import static app.rebound.store.jooq.Tables.CLINIC_EXERCISE;
import static app.rebound.store.jooq.Tables.EXERCISE_PHOTO;
import static app.rebound.store.jooq.Tables.PROGRAMME_EXERCISE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.visit.Stage;

/** The clinic's own exercises and the photos that replace drawings. */
public final class ExerciseStore {

    private final DSLContext dsl;

    public ExerciseStore(Database database) {
        this.dsl = database.dsl();
    }

    public List<Exercise> clinicExercises() {
        return dsl.selectFrom(CLINIC_EXERCISE).orderBy(CLINIC_EXERCISE.NAME).fetch(r -> new Exercise(
                r.getCode(), r.getName(), Stage.valueOf(r.getStage()), ExerciseKind.GENERAL, r.getPurpose(),
                lines(r.getInstructions()), lines(r.getCues()),
                new Dose(r.getSets(), r.getReps(), r.getHoldSeconds(), r.getTimesPerDay(), r.getDaysPerWeek()),
                r.getEasier(), r.getHarder(), null));
    }

    public void save(Exercise e) {
        dsl.transaction(configuration -> write(configuration.dsl(), e));
    }

    /** Adds or replaces the clinic's exercise inside the caller's transaction. */
    static void write(DSLContext tx, Exercise e) {
        tx.deleteFrom(CLINIC_EXERCISE).where(CLINIC_EXERCISE.CODE.eq(e.code())).execute();
        Dose d = e.defaultDose();
        tx.insertInto(CLINIC_EXERCISE, CLINIC_EXERCISE.CODE, CLINIC_EXERCISE.NAME, CLINIC_EXERCISE.STAGE,
                        CLINIC_EXERCISE.PURPOSE, CLINIC_EXERCISE.INSTRUCTIONS, CLINIC_EXERCISE.CUES,
                        CLINIC_EXERCISE.EASIER, CLINIC_EXERCISE.HARDER, CLINIC_EXERCISE.SETS, CLINIC_EXERCISE.REPS,
                        CLINIC_EXERCISE.HOLD_SECONDS, CLINIC_EXERCISE.TIMES_PER_DAY, CLINIC_EXERCISE.DAYS_PER_WEEK)
                .values(e.code(), e.name(), e.stage().name(), e.purpose(), String.join("\n", e.instructions()),
                        e.cues().isEmpty() ? null : String.join("\n", e.cues()), e.easier(), e.harder(), d.sets(),
                        d.reps(), d.holdSeconds(), d.timesPerDay(), d.daysPerWeek())
                .execute();
    }

    /** Deletes the clinic's exercise; false when a saved programme still uses it (nothing is deleted then). */
    public boolean delete(String code) {
        boolean[] deleted = {false};
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            if (tx.fetchExists(PROGRAMME_EXERCISE, PROGRAMME_EXERCISE.EXERCISE_CODE.eq(code))) {
                return;
            }
            tx.deleteFrom(EXERCISE_PHOTO).where(EXERCISE_PHOTO.CODE.eq(code)).execute();
            deleted[0] = tx.deleteFrom(CLINIC_EXERCISE).where(CLINIC_EXERCISE.CODE.eq(code)).execute() == 1;
        });
        return deleted[0];
    }

    public Map<String, ExercisePhoto> photos() {
        return dsl.selectFrom(EXERCISE_PHOTO).fetch().stream().collect(Collectors.toMap(r -> r.getCode(),
                r -> new ExercisePhoto(r.getMediaType(), r.getData())));
    }

    /** Sets the photo printed for an exercise; null goes back to the drawing. */
    public void setPhoto(String code, ExercisePhoto photo) {
        dsl.transaction(configuration -> writePhoto(configuration.dsl(), code, photo));
    }

    static void writePhoto(DSLContext tx, String code, ExercisePhoto photo) {
        tx.deleteFrom(EXERCISE_PHOTO).where(EXERCISE_PHOTO.CODE.eq(code)).execute();
        if (photo != null) {
            tx.insertInto(EXERCISE_PHOTO, EXERCISE_PHOTO.CODE, EXERCISE_PHOTO.MEDIA_TYPE, EXERCISE_PHOTO.DATA)
                    .values(code, photo.mediaType(), photo.data())
                    .execute();
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
