package app.rebound.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.domain.Patient;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.StageChoice;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitDiff;
import app.rebound.domain.visit.VisitFields;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.domain.visit.VisitValidator;
import app.rebound.domain.FieldDifference;
import app.rebound.store.Change;
import app.rebound.store.ConcurrentChangeException;
import app.rebound.store.PatientStore;
import app.rebound.store.Versioned;
import app.rebound.store.VisitStore;

/** Starting, saving, completing and amending visits, and their readiness summaries. */
public final class VisitService {

    private Audit audit = Audit.NONE;

    /** Where what this service does to a patient's record is written (set once by {@link Services}). */
    void audit(Audit trail) {
        this.audit = trail;
    }

    private Session session;

    /** Who is signed in: named on her saves, which other workstations see (set once by {@link Services}). */
    void session(Session who) {
        this.session = who;
    }

    private final VisitStore visits;
    private final PatientStore patients;
    private final SettingsService settings;
    private final Clock clock;

    public VisitService(VisitStore visits, PatientStore patients, SettingsService settings, Clock clock) {
        this.visits = visits;
        this.patients = patients;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Everything the patient workspace shows: the patient and her visits, newest first. */
    public record Workspace(Patient patient, List<VisitSummary> visits) {
    }

    public Workspace workspace(UUID patientId) {
        Patient patient = patients.find(patientId)
                .orElseThrow(() -> new NoSuchElementException("No patient with id " + patientId));
        Workspace workspace = new Workspace(patient, visits.summaries(patientId));
        audit.record(AuditAction.VIEW, patientId, "visits");
        return workspace;
    }

    /**
     * Her workspace read again while it is open (another workstation changed her details or visits): the
     * same as {@link #workspace}, without a second "viewed" row in the audit trail for what she already has open.
     */
    public Workspace workspaceAgain(UUID patientId) {
        Patient patient = patients.find(patientId)
                .orElseThrow(() -> new NoSuchElementException("No patient with id " + patientId));
        return new Workspace(patient, visits.summaries(patientId));
    }

    /**
     * Starts a draft visit dated today and saves it. A follow-up can copy forward the previous
     * visit's history and risk factors, never its measurements.
     */
    public Visit start(UUID patientId, boolean copyHistory) {
        List<Visit> earlier = visits.forPatient(patientId);
        VisitKind kind = earlier.isEmpty() ? VisitKind.INITIAL : VisitKind.FOLLOW_UP;
        Visit draft = Visit.draft(patientId, today(), kind).withClinician(settings.load().clinicianName());
        if (copyHistory && !earlier.isEmpty()) {
            Visit last = earlier.get(earlier.size() - 1);
            draft = new Visit(draft.id(), patientId, draft.updated(), draft.date(), VisitStatus.DRAFT,
                    draft.clinician(), kind, last.history(), null, null, null, null, null, null, null, null, null,
                    null);
        }
        return save(draft).visit();
    }

    /** A visit as stored, with when it was saved and its version (which the next checked save starts from). */
    public record Saved(Visit visit, Instant at, long version) {
    }

    /**
     * Saves the visit (a draft as it changes, or a change to a completed visit, which is recorded as
     * an amendment with who and when). Nothing is saved when a rule is broken. Not checked against other
     * workstations' saves: for the commands; the form saves with {@link #save(Visit, long, UUID, String)}.
     *
     * @param amendmentId groups the saves of one amending session into one amendment; may be null
     * @param reason why she amends a completed visit (asked when she chose Amend); null for a draft
     */
    public Saved save(Visit visit, UUID amendmentId, String reason) {
        return save(visit, null, amendmentId, reason);
    }

    /**
     * As {@link #save(Visit, UUID, String)}, from the version of the visit she opened ({@link #open}) or last
     * saved: refused, writing nothing, when another workstation saved it since.
     *
     * @throws ChangedElsewhereException when the stored visit is no longer {@code readVersion}
     */
    public Saved save(Visit visit, long readVersion, UUID amendmentId, String reason) {
        return save(visit, Edits.change(readVersion, session, clock), amendmentId, reason);
    }

    private Saved save(Visit visit, Change change, UUID amendmentId, String reason) {
        Patient patient = patients.find(visit.patientId())
                .orElseThrow(() -> new NoSuchElementException("No patient with id " + visit.patientId()));
        Visit cleaned = clean(visit);
        List<Violation> problems = new ArrayList<>(VisitValidator.validate(cleaned, today(), patient.dateOfBirth()));
        // the reason is text as any other: no invisible control character (PostgreSQL refuses U+0000), and
        // checked here too, not only by the dialog that asks it (a longer one would not fit its column)
        String why = TextNormalization.clean(reason);
        if (why != null) {
            Amendment.checkReason(why).ifPresent(problems::add);
        }
        // a draft saved again (as the form saves what is typed) needs only whether it is stored and how:
        // the whole stored visit is read for a completed one, whose change is an amendment, and for a
        // stage that needs a reason and has none (was it chosen now, or before it needed one?)
        Optional<VisitStatus> storedStatus = visits.status(visit.id());
        Versioned<Visit> storedRow = storedStatus.orElse(null) == VisitStatus.COMPLETE
                ? visits.findVersioned(visit.id()).orElse(null) : null;
        Visit stored = storedRow == null ? null : storedRow.value();
        ReadinessSummary choiceReadiness = ReadinessRules.evaluate(cleaned, patient.births(), null);
        if (StageChoice.reasonNeeded(cleaned.stage(), choiceReadiness).isPresent() || cleaned.stageReason() != null) {
            Visit before = stored != null || storedStatus.isEmpty() ? stored : visits.find(visit.id()).orElse(null);
            problems.addAll(StageChoice.check(cleaned, before, choiceReadiness));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (stored != null && stored.status() == VisitStatus.COMPLETE) {
            // a completed visit stays completed: it is part of the record and is only amended
            cleaned = cleaned.withStatus(VisitStatus.COMPLETE);
        }
        Visit toSave = cleaned.withUpdated(now);
        // only the visit before this one counts (for persisting symptoms): read that one alone
        ReadinessSummary summary = ReadinessRules.evaluate(toSave, patient.births(),
                visits.previous(toSave).orElse(null));
        try {
            if (stored != null && stored.status() == VisitStatus.COMPLETE) {
                List<String> changed = VisitDiff.changedFields(stored, toSave);
                if (changed.isEmpty()) {
                    // what she has is what is stored (whoever saved it): nothing to write
                    return new Saved(stored, stored.updated(), storedRow.version());
                }
                if (why == null && (change == null || change.readVersion() == storedRow.version())) {
                    // a completed visit is part of the record: changed only as an amendment with its reason (a
                    // draft completed on another workstation meanwhile, her values kept over it, asks hers first;
                    // a save from a version that has moved on is refused below as changed elsewhere, first)
                    throw new ValidationException(List.of(Violation.of("amendReason",
                            "validation.amendReason.required")));
                }
                Set<String> fields = new LinkedHashSet<>(changed);
                UUID groupId = amendmentId == null ? UUID.randomUUID() : amendmentId;
                // the change, its amendment and its row in the audit trail commit together, in one durable commit
                long version = visits.saveAmended(toSave, summary.suggestedStage(), new Amendment(now,
                        settings.load().clinicianName(), new ArrayList<>(fields), VisitDiff.valuesOf(stored, fields),
                        why, VisitFields.changes(fields, stored, toSave)), groupId,
                        audit.recordWith(AuditAction.CHANGE, toSave.patientId(), "visit " + toSave.id() + " amended"),
                        change);
                return new Saved(toSave, now, version);
            }
            // the change and its row in the audit trail commit together, in one durable commit
            long version = visits.save(toSave, summary.suggestedStage(), audit.recordWith(
                    storedStatus.isEmpty() ? AuditAction.CREATE : AuditAction.CHANGE, toSave.patientId(),
                    "visit " + toSave.id()), change);
            return new Saved(toSave, now, version);
        } catch (ConcurrentChangeException e) {
            throw new ChangedElsewhereException(e);
        }
    }

    public Saved save(Visit visit, UUID amendmentId) {
        return save(visit, amendmentId, null);
    }

    public Saved save(Visit visit) {
        return save(visit, null, null);
    }

    /** Marks the visit complete; later changes are kept as amendments. */
    public Saved complete(Visit visit) {
        return save(visit.withStatus(VisitStatus.COMPLETE));
    }

    /** As {@link #complete(Visit)}, checked as {@link #save(Visit, long, UUID, String)} is. */
    public Saved complete(Visit visit, long readVersion) {
        return save(visit.withStatus(VisitStatus.COMPLETE), readVersion, null, null);
    }

    /** The version of the visit stored now ({@link Edition#NEW} when there is none), without reading it. */
    public long storedVersion(UUID visitId) {
        return visits.version(visitId);
    }

    /** The visit with the version a checked save of it starts from. */
    public Edition<Visit> open(UUID visitId) {
        Versioned<Visit> stored = visits.findVersioned(visitId)
                .orElseThrow(() -> new NoSuchElementException("No visit with id " + visitId));
        audit.record(AuditAction.VIEW, stored.value().patientId(), "visit " + visitId);
        return new Edition<>(stored.value(), stored.version());
    }

    /**
     * Her visit as typed beside the one saved on another workstation since she read it: the stored visit
     * with its version (a save over it starts from that), and field by field where the two differ. Empty
     * when the visit was removed there.
     */
    public Optional<Conflict> conflictWith(Visit mine) {
        return visits.findVersioned(mine.id()).map(stored -> new Conflict(
                new Edition<>(stored.value(), stored.version()), VisitFields.differences(clean(mine), stored.value())));
    }

    /** The visit saved on another workstation, and where it differs from hers. */
    public record Conflict(Edition<Visit> theirs, List<FieldDifference> differences) {
        public Conflict {
            differences = List.copyOf(differences);
        }
    }

    public Visit load(UUID visitId) {
        Visit visit = visits.find(visitId).orElseThrow(() -> new NoSuchElementException("No visit with id " + visitId));
        audit.record(AuditAction.VIEW, visit.patientId(), "visit " + visitId);
        return visit;
    }

    public List<Visit> visitsOf(UUID patientId) {
        return visits.forPatient(patientId);
    }

    public List<Amendment> amendments(UUID visitId) {
        return visits.amendments(visitId);
    }

    /** Deletes a visit that is still a draft; a completed visit is part of the record and stays. */
    public void deleteDraft(UUID visitId) {
        Visit visit = load(visitId);
        if (visit.status() != VisitStatus.DRAFT) {
            throw new IllegalStateException("Only a draft visit can be deleted");
        }
        visits.delete(visitId);
        audit.record(AuditAction.CHANGE, visit.patientId(), "draft visit " + visitId + " deleted");
    }

    /** The readiness summary of a visit among the patient's visits (the one before it counts for referral). */
    public static ReadinessSummary readiness(Visit visit, Patient patient, List<Visit> all) {
        return ReadinessRules.evaluate(visit, patient.births(), ReadinessRules.previousOf(visit, all));
    }

    private static Visit clean(Visit v) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), TextNormalization.clean(v.clinician()),
                v.kind(), v.history(), v.symptoms(), v.redFlags(),
                new PelvicFloorExam(v.pelvicFloor().method(), v.pelvicFloor().power(),
                        v.pelvicFloor().enduranceSeconds(), v.pelvicFloor().repetitions(),
                        v.pelvicFloor().fastContractions(), v.pelvicFloor().elevation(),
                        v.pelvicFloor().coContraction(), v.pelvicFloor().coughPrecontraction(),
                        v.pelvicFloor().relaxation(), v.pelvicFloor().tone(),
                        v.pelvicFloor().standingSubmaxHoldSeconds(),
                        TextNormalization.cleanNotes(v.pelvicFloor().notes())),
                v.abdominalWall(), v.strength(), v.loadImpact(),
                new Outcomes(v.outcomes().psfs().stream()
                        .map(p -> new PsfsItem(TextNormalization.clean(p.activity()), p.score()))
                        .toList(), v.outcomes().iciqUiSfScore(), v.outcomes().pgiI()),
                v.stage(), TextNormalization.clean(v.stageReason()), TextNormalization.cleanNotes(v.notes()),
                v.extensions());
    }
}
