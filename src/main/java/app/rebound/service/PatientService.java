package app.rebound.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import app.rebound.domain.AuditAction;

import app.rebound.domain.Birth;
import app.rebound.domain.FieldDifference;
import app.rebound.domain.PatientDiff;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.Change;
import app.rebound.store.ConcurrentChangeException;
import app.rebound.store.PatientStore;
import app.rebound.store.Versioned;

/** Finding, adding, editing, archiving and restoring patients. */
public final class PatientService {

    private Audit audit = Audit.NONE;

    /** Where what this service does to a patient's record is written (set once by {@link Services}). */
    void audit(Audit trail) {
        this.audit = trail;
    }

    /**
     * How many patients a page of the list holds: a screenful and more. The next page loads when the
     * list is scrolled to its end; a page costs the same in a clinic of any size.
     */
    public static final int PAGE_SIZE = 50;

    private Session session;

    /** Who is signed in: named on her saves, which other workstations see (set once by {@link Services}). */
    void session(Session who) {
        this.session = who;
    }

    private final PatientStore store;
    private final Clock clock;

    public PatientService(PatientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The first page of patients whose names match what was typed (see {@link NameFolding}). */
    public PatientPage search(String query, boolean includeArchived) {
        return search(query, includeArchived, PAGE_SIZE);
    }

    /** The first {@code limit} patients whose names match, e.g. for a list to choose from. */
    public PatientPage search(String query, boolean includeArchived, int limit) {
        return store.search(NameFolding.queryTerms(query), includeArchived, limit, today());
    }

    /** The page of the same search after {@code page}, which must have had more after it. */
    public PatientPage more(String query, boolean includeArchived, PatientPage page) {
        if (!page.more()) {
            throw new IllegalArgumentException("there is nothing after this page");
        }
        return store.search(NameFolding.queryTerms(query), includeArchived, PAGE_SIZE, today(), page.next());
    }

    public Patient load(UUID id) {
        Patient patient = store.find(id).orElseThrow(() -> new NoSuchElementException("No patient with id " + id));
        audit.record(AuditAction.VIEW, id, "details");
        return patient;
    }

    /** Her details with the version a checked save of them starts from ({@link #save(Patient, long)}). */
    public Edition<Patient> open(UUID id) {
        Versioned<Patient> stored = store.findVersioned(id)
                .orElseThrow(() -> new NoSuchElementException("No patient with id " + id));
        audit.record(AuditAction.VIEW, id, "details");
        return new Edition<>(stored.value(), stored.version());
    }

    /**
     * Cleans the text (trimmed, NFC, empty means not recorded), checks every rule and saves. Not checked
     * against other workstations' saves: for a new patient and the commands; the patient form saves with
     * {@link #save(Patient, long)}.
     *
     * @throws ValidationException with every broken rule; nothing is saved then
     */
    public Patient save(Patient patient) {
        return save(patient, null).value();
    }

    /**
     * As {@link #save(Patient)}, from the version she opened ({@link #open}; {@link Edition#NEW} for a new
     * patient): refused, writing nothing, when another workstation saved her details since.
     *
     * @throws ChangedElsewhereException when the stored details are no longer {@code readVersion}
     * @return the details saved, with their new version
     */
    public Edition<Patient> save(Patient patient, long readVersion) {
        return save(patient, Edits.change(readVersion, session, clock));
    }

    private Edition<Patient> save(Patient patient, Change change) {
        Patient cleaned = cleaned(patient);
        List<Violation> problems = PatientValidator.validate(cleaned, today());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean existed = store.find(cleaned.id()).isPresent();
        long version;
        try {
            version = store.save(cleaned, change);
        } catch (ConcurrentChangeException e) {
            throw new ChangedElsewhereException(e);
        }
        audit.record(existed ? AuditAction.CHANGE : AuditAction.CREATE, cleaned.id(), "details");
        return new Edition<>(cleaned, version);
    }

    private Patient cleaned(Patient patient) {
        return new Patient(
                patient.id(),
                now(),
                TextNormalization.clean(patient.givenName()),
                TextNormalization.clean(patient.familyName()),
                patient.dateOfBirth(),
                TextNormalization.clean(patient.phone()),
                TextNormalization.clean(patient.email()),
                patient.archived(),
                patient.births().stream().map(b -> new Birth(b.date(), b.mode(), b.perinealTrauma())).toList(),
                patient.previousWeeklyRunKm(),
                TextNormalization.clean(patient.goal()),
                TextNormalization.cleanNotes(patient.notes()),
                patient.extensions());
    }

    /**
     * Her details as typed beside the ones saved on another workstation since she read them: the stored
     * details with their version, and field by field where the two differ. Empty when she was erased there.
     */
    public Optional<Conflict> conflictWith(Patient mine) {
        return store.findVersioned(mine.id()).map(stored -> new Conflict(
                new Edition<>(stored.value(), stored.version()), PatientDiff.differences(cleaned(mine), stored.value())));
    }

    /** Her details saved on another workstation, and where they differ from the ones typed here. */
    public record Conflict(Edition<Patient> theirs, List<FieldDifference> differences) {
        public Conflict {
            differences = List.copyOf(differences);
        }
    }

    /** Hides the patient from the list; her records stay and {@link #restore} brings her back. */
    public void archive(UUID id) {
        setArchived(id, true);
    }

    public void restore(UUID id) {
        setArchived(id, false);
    }

    private void setArchived(UUID id, boolean archived) {
        if (!store.setArchived(id, archived, now())) {
            throw new NoSuchElementException("No patient with id " + id);
        }
        audit.record(archived ? AuditAction.ARCHIVE : AuditAction.RESTORE, id, null);
    }

    /**
     * Erases an archived patient for good (her right to erasure): every row about her goes, and the
     * database file is compacted when it closes so that nothing is left in its unused parts. The audit
     * trail keeps only that she was erased, by her id. Backups made before keep her until they expire.
     *
     * @throws IllegalStateException when she is not archived (archive first: it can be undone, this cannot)
     */
    public void erase(UUID id) {
        Patient patient = store.find(id).orElseThrow(() -> new NoSuchElementException("No patient with id " + id));
        if (!patient.archived()) {
            throw new IllegalStateException("Only an archived patient can be erased");
        }
        store.erase(id);
        audit.record(AuditAction.ERASE, id, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
