package app.rebound.records;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.rebound.domain.Patient;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.visit.Visit;

/** The content of a patient record file (record-format.md, version 1). */
public record RecordFile(Instant exported, List<Exercise> exercises, Map<String, ExercisePhoto> images,
        List<PatientRecord> patients) {

    public RecordFile {
        exercises = List.copyOf(exercises);
        images = Map.copyOf(images);
        patients = List.copyOf(patients);
    }

    /** A patient with her visits. */
    public record PatientRecord(Patient patient, List<VisitRecord> visits) {

        public PatientRecord {
            visits = List.copyOf(visits);
        }
    }

    /** A visit with the programme issued at it (null: none). */
    public record VisitRecord(Visit visit, Programme programme) {
    }
}
