package app.rebound.store;

import static app.rebound.store.jooq.Tables.CLINIC_EXERCISE;
import static app.rebound.store.jooq.Tables.PATIENT;
import static app.rebound.store.jooq.Tables.VISIT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jooq.DSLContext;

import app.rebound.domain.Patient;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;

/** Writes an imported record file: everything in one transaction, or nothing. */
public final class RecordStore {

    /**
     * A visit to add ({@code stored} false) or replace, with the suggestion of the moment and its
     * programme (null: none).
     */
    public record VisitWrite(Visit visit, SuggestedStage suggested, Programme programme, boolean stored) {
    }

    /** A patient to add ({@code stored} false) or replace. */
    public record PatientWrite(Patient patient, boolean stored) {
    }

    /** What an import writes. */
    public record Change(List<PatientWrite> patients, List<VisitWrite> visits, List<Exercise> exercises,
            Map<String, ExercisePhoto> photos) {

        public boolean isEmpty() {
            return patients.isEmpty() && visits.isEmpty() && exercises.isEmpty() && photos.isEmpty();
        }
    }

    /** When a stored visit was last updated, whose it is and whether it is completed. */
    public record StoredVisit(UUID patientId, Instant updated, VisitStatus status) {
    }

    private static final int CHUNK = 1000;

    private final DSLContext dsl;

    public RecordStore(Database database) {
        this.dsl = database.dsl();
    }

    /** The stored patients' last update, for those of {@code ids} that exist. */
    public Map<UUID, Instant> patientsUpdated(Collection<UUID> ids) {
        Map<UUID, Instant> found = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            dsl.select(PATIENT.ID, PATIENT.UPDATED).from(PATIENT).where(PATIENT.ID.in(chunk))
                    .forEach(r -> found.put(r.value1(), r.value2().toInstant()));
        }
        return found;
    }

    /** The stored visits among {@code ids}: whose they are and when they were last updated. */
    public Map<UUID, StoredVisit> visitsStored(Collection<UUID> ids) {
        Map<UUID, StoredVisit> found = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            dsl.select(VISIT.ID, VISIT.PATIENT_ID, VISIT.UPDATED, VISIT.STATUS).from(VISIT).where(VISIT.ID.in(chunk))
                    .forEach(r -> found.put(r.value1(), new StoredVisit(r.value2(), r.value3().toInstant(),
                            VisitStatus.valueOf(r.value4()))));
        }
        return found;
    }

    /** The clinic's exercise codes already stored. */
    public Set<String> clinicExerciseCodes() {
        return new HashSet<>(dsl.select(CLINIC_EXERCISE.CODE).from(CLINIC_EXERCISE).fetch(CLINIC_EXERCISE.CODE));
    }

    /** Writes the whole change in one transaction: a failure part-way leaves the database as it was. */
    public void apply(Change change) {
        if (change.isEmpty()) {
            return;
        }
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            for (Exercise exercise : change.exercises()) {
                ExerciseStore.write(tx, exercise);
            }
            for (Map.Entry<String, ExercisePhoto> photo : change.photos().entrySet()) {
                ExerciseStore.writePhoto(tx, photo.getKey(), photo.getValue());
            }
            List<Patient> newPatients = new ArrayList<>();
            for (PatientWrite write : change.patients()) {
                if (write.stored()) {
                    PatientStore.write(tx, write.patient());
                } else {
                    newPatients.add(write.patient());
                }
            }
            PatientStore.insertNew(tx, newPatients);
            List<Visit> newVisits = new ArrayList<>();
            List<SuggestedStage> suggestions = new ArrayList<>();
            for (VisitWrite write : change.visits()) {
                if (write.stored()) {
                    VisitStore.write(tx, VisitStore.keepingStageReason(tx, write.visit()), write.suggested());
                    ProgrammeStore.write(tx, write.visit().id(), write.programme());
                } else {
                    newVisits.add(write.visit());
                    suggestions.add(write.suggested());
                }
            }
            VisitStore.insertNew(tx, newVisits, suggestions);
            for (VisitWrite write : change.visits()) {
                if (!write.stored() && write.programme() != null) {
                    ProgrammeStore.write(tx, write.visit().id(), write.programme());
                }
            }
        });
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
