package app.rebound.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import app.rebound.domain.AuditAction;

import app.rebound.domain.Birth;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.PatientStore;

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

    /**
     * Cleans the text (trimmed, NFC, empty means not recorded), checks every rule and saves.
     *
     * @throws ValidationException with every broken rule; nothing is saved then
     */
    public Patient save(Patient patient) {
        Patient cleaned = new Patient(
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
        List<Violation> problems = PatientValidator.validate(cleaned, today());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean existed = store.find(cleaned.id()).isPresent();
        store.save(cleaned);
        audit.record(existed ? AuditAction.CHANGE : AuditAction.CREATE, cleaned.id(), "details");
        return cleaned;
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
