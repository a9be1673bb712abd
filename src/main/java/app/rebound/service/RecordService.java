package app.rebound.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.records.InvalidRecordFileException;
import app.rebound.records.RecordFile;
import app.rebound.records.RecordReader;
import app.rebound.records.RecordWriter;
import app.rebound.store.AtomicFile;
import app.rebound.store.ExerciseStore;
import app.rebound.store.PatientStore;
import app.rebound.store.ProgrammeStore;
import app.rebound.store.RecordStore;
import app.rebound.store.VisitStore;

/**
 * Patient record files (record-format.md): import checks the whole file first, then merges it by id
 * in one transaction (a patient or visit is added when new, replaced when the file's copy is newer,
 * never deleted); export writes the canonical form.
 */
public final class RecordService {

    private Audit audit = Audit.NONE;

    /** Where what this service does to a patient's record is written (set once by {@link Services}). */
    void audit(Audit trail) {
        this.audit = trail;
    }

    private final PatientStore patients;
    private final VisitStore visits;
    private final ProgrammeStore programmes;
    private final ExerciseStore exercises;
    private final RecordStore records;
    private final Clock clock;

    public RecordService(PatientStore patients, VisitStore visits, ProgrammeStore programmes, ExerciseStore exercises,
            RecordStore records, Clock clock) {
        this.patients = patients;
        this.visits = visits;
        this.programmes = programmes;
        this.exercises = exercises;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Imports a record file.
     *
     * @throws InvalidRecordException with every error found; nothing was written
     * @throws IOException when the file cannot be read
     */
    public ImportSummary importFile(Path file) throws IOException {
        Set<String> clinicCodes = records.clinicExerciseCodes();
        // the file's bytes (148 MB for 10,000 patients) are garbage once read, not kept through the writing
        RecordFile read = read(Files.readAllBytes(file), clinicCodes);
        return merge(read, clinicCodes);
    }

    /** The sample patients offered at first start, shipped as a record file and imported like any other. */
    public static final String SAMPLE_FILE = "/app/rebound/samples/sample-patients.json";

    public ImportSummary importSamples() throws IOException {
        try (var in = RecordService.class.getResourceAsStream(SAMPLE_FILE)) {
            if (in == null) {
                throw new IOException("The sample patients are missing from this copy of Rebound");
            }
            return importBytes(in.readAllBytes());
        }
    }

    public ImportSummary importBytes(byte[] bytes) {
        Set<String> clinicCodes = records.clinicExerciseCodes();
        return merge(read(bytes, clinicCodes), clinicCodes);
    }

    private RecordFile read(byte[] bytes, Set<String> clinicCodes) {
        try {
            return RecordReader.read(bytes, LocalDate.now(clock),
                    code -> clinicCodes.contains(code) || ExerciseLibrary.byCode(code).isPresent());
        } catch (InvalidRecordFileException e) {
            throw new InvalidRecordException(e.errors());
        }
    }

    private ImportSummary merge(RecordFile file, Set<String> clinicCodes) {
        List<String> problems = new ArrayList<>();
        List<Exercise> newExercises = new ArrayList<>();
        Map<String, ExercisePhoto> newPhotos = new LinkedHashMap<>();
        for (int i = 0; i < file.exercises().size(); i++) {
            Exercise exercise = file.exercises().get(i);
            if (ExerciseLibrary.byCode(exercise.code()).isPresent()) {
                problems.add("exercises[" + i + "].code: \"" + exercise.code() + "\" is the code of an exercise "
                        + "Rebound ships; a clinic's own exercise needs a code of its own.");
            } else if (!clinicCodes.contains(exercise.code())) {
                newExercises.add(exercise); // one the clinic already has stays as the clinic keeps it
                ExercisePhoto photo = file.images().get(exercise.code());
                if (photo != null) {
                    newPhotos.put(exercise.code(), photo);
                }
            }
        }

        List<UUID> patientIds = file.patients().stream().map(p -> p.patient().id()).toList();
        List<UUID> visitIds = file.patients().stream().flatMap(p -> p.visits().stream()).map(v -> v.visit().id())
                .toList();
        Map<UUID, Instant> storedPatients = records.patientsUpdated(patientIds);
        Map<UUID, RecordStore.StoredVisit> storedVisits = records.visitsStored(visitIds);

        List<RecordStore.PatientWrite> patientWrites = new ArrayList<>();
        List<PatientVisits> visitsToWrite = new ArrayList<>();
        int patientsAdded = 0;
        int patientsUpdated = 0;
        int patientsUnchanged = 0;
        int visitsAdded = 0;
        int visitsUpdated = 0;
        int visitsUnchanged = 0;
        for (int p = 0; p < file.patients().size(); p++) {
            RecordFile.PatientRecord record = file.patients().get(p);
            Patient patient = record.patient();
            Instant stored = storedPatients.get(patient.id());
            if (stored == null) {
                patientWrites.add(new RecordStore.PatientWrite(patient, false));
                patientsAdded++;
            } else if (patient.updated().isAfter(stored)) {
                patientWrites.add(new RecordStore.PatientWrite(patient, true));
                patientsUpdated++;
            } else {
                patientsUnchanged++;
            }
            List<RecordFile.VisitRecord> toWrite = new ArrayList<>();
            for (int v = 0; v < record.visits().size(); v++) {
                RecordFile.VisitRecord visit = record.visits().get(v);
                RecordStore.StoredVisit existing = storedVisits.get(visit.visit().id());
                if (existing != null && !existing.patientId().equals(patient.id())) {
                    problems.add("patients[" + p + "].visits[" + v + "].id: \"" + visit.visit().id() + "\" is a visit"
                            + " of another patient in these records; a visit cannot move between patients.");
                } else if (existing == null) {
                    toWrite.add(visit);
                    visitsAdded++;
                } else if (existing.status() == VisitStatus.COMPLETE && visit.visit().status() != VisitStatus.COMPLETE
                        && visit.visit().updated().isAfter(existing.updated())) {
                    // a draft again could be changed without an amendment, or deleted: only Rebound amends it
                    problems.add("patients[" + p + "].visits[" + v + "].status: visit \"" + visit.visit().id()
                            + "\" is completed in these records and cannot become a draft again; leave its status"
                            + " COMPLETE, or amend the visit in Rebound.");
                } else if (visit.visit().updated().isAfter(existing.updated())) {
                    toWrite.add(visit);
                    visitsUpdated++;
                } else {
                    visitsUnchanged++;
                }
            }
            if (!toWrite.isEmpty()) {
                visitsToWrite.add(new PatientVisits(patient, record, toWrite, stored));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
        // the readiness rules for thousands of visits, on every core (each patient on her own; order kept)
        List<RecordStore.VisitWrite> visitWrites = visitsToWrite.parallelStream().flatMap(w -> {
            Patient births = w.stored() == null || w.patient().updated().isAfter(w.stored()) ? w.patient()
                    : patients.find(w.patient().id()).orElse(w.patient());
            return withSuggestions(births, w.record(), w.toWrite(), w.stored() != null, storedVisits.keySet()).stream();
        }).toList();
        records.apply(new RecordStore.Change(patientWrites, visitWrites, newExercises, newPhotos));
        audit.recordAll(AuditAction.IMPORT, patientWrites.stream().map(w -> w.patient().id()).toList(), "record file");
        return new ImportSummary(patientsAdded, patientsUpdated, patientsUnchanged, visitsAdded, visitsUpdated,
                visitsUnchanged, newExercises.size());
    }

    /** One patient's visits to write, with when her stored record was last updated (null: she is new). */
    private record PatientVisits(Patient patient, RecordFile.PatientRecord record, List<RecordFile.VisitRecord> toWrite,
            Instant stored) {
    }

    /** The visits to write, each with the suggestion the rules give it among all her visits after the import. */
    private List<RecordStore.VisitWrite> withSuggestions(Patient patient, RecordFile.PatientRecord record,
            List<RecordFile.VisitRecord> toWrite, boolean known, Set<UUID> stored) {
        Map<UUID, Visit> all = new HashMap<>();
        if (known) {
            visits.forPatient(patient.id()).forEach(v -> all.put(v.id(), v));
        }
        toWrite.forEach(v -> all.put(v.visit().id(), v.visit()));
        List<Visit> ordered = all.values().stream().sorted(ReadinessRules.ORDER).toList();
        Map<UUID, Visit> previous = new HashMap<>();
        for (int i = 1; i < ordered.size(); i++) {
            previous.put(ordered.get(i).id(), ordered.get(i - 1));
        }
        List<RecordStore.VisitWrite> writes = new ArrayList<>(toWrite.size());
        for (RecordFile.VisitRecord v : toWrite) {
            var readiness = ReadinessRules.evaluate(v.visit(), patient.births(), previous.get(v.visit().id()));
            writes.add(new RecordStore.VisitWrite(v.visit(), readiness.suggestedStage(), v.programme(),
                    stored.contains(v.visit().id())));
        }
        return writes;
    }

    /**
     * Exports patients to a record file, through a temporary file in the same folder so a crash
     * leaves no half file.
     *
     * @param patientIds the patients to write; empty for all of them (archived ones too)
     * @return how many patients were written
     * @throws NoSuchElementException naming an unknown patient id
     */
    public int export(List<UUID> patientIds, Path out) throws IOException {
        RecordFile file = snapshot(patientIds);
        Files.createDirectories(out.toAbsolutePath().getParent());
        AtomicFile.write(out, stream -> RecordWriter.write(file, stream));
        audit.recordAll(AuditAction.EXPORT, file.patients().stream().map(p -> p.patient().id()).toList(),
                "record file");
        return file.patients().size();
    }

    /** What an export of these patients (empty: all) holds. */
    public RecordFile snapshot(Collection<UUID> patientIds) {
        List<UUID> ids = patientIds.isEmpty() ? patients.allIds() : List.copyOf(new LinkedHashSet<>(patientIds));
        List<RecordFile.PatientRecord> out = new ArrayList<>(ids.size());
        Set<String> usedCodes = new HashSet<>();
        for (UUID id : ids) {
            Patient patient = patients.find(id).orElseThrow(() -> new NoSuchElementException("no patient with id " + id));
            List<RecordFile.VisitRecord> visitRecords = new ArrayList<>();
            for (Visit visit : visits.forPatient(id)) {
                Programme programme = programmes.find(visit.id()).orElse(null);
                if (programme != null) {
                    programme.exercises().stream().map(ProgrammeItem::exercise).forEach(usedCodes::add);
                }
                visitRecords.add(new RecordFile.VisitRecord(visit, programme));
            }
            out.add(new RecordFile.PatientRecord(patient, visitRecords));
        }
        List<Exercise> clinic = exercises.clinicExercises().stream().filter(e -> usedCodes.contains(e.code())).toList();
        Map<String, ExercisePhoto> photos = new LinkedHashMap<>();
        Map<String, ExercisePhoto> stored = exercises.photos();
        clinic.forEach(e -> {
            if (stored.containsKey(e.code())) {
                photos.put(e.code(), stored.get(e.code()));
            }
        });
        return new RecordFile(clock.instant(), clinic, photos, out);
    }
}
