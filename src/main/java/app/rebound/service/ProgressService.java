package app.rebound.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import app.rebound.domain.AuditAction;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PersonName;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.domain.progress.VisitComparison;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.handout.ProgressReport;
import app.rebound.handout.ProgressReportRenderer;
import app.rebound.store.AtomicFile;
import app.rebound.store.Change;
import app.rebound.store.ConcurrentChangeException;
import app.rebound.store.PatientStore;
import app.rebound.store.ProgressSummaryStore;
import app.rebound.store.Versioned;
import app.rebound.store.VisitStore;

/** A patient's progress across visits: the charts, a comparison of two visits and the progress report. */
public final class ProgressService {

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

    private final PatientStore patients;
    private final VisitStore visits;
    private final ProgressSummaryStore summaries;
    private final SettingsService settings;
    private final Clock clock;
    private final ProgressReportRenderer renderer = new ProgressReportRenderer();

    public ProgressService(PatientStore patients, VisitStore visits, ProgressSummaryStore summaries,
            SettingsService settings, Clock clock) {
        this.patients = patients;
        this.visits = visits;
        this.summaries = summaries;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Everything the progress view shows: the patient, her visits in date order each with the stage
     * issued, the readiness of the latest, the charts and the saved summary text.
     */
    public record Progress(Patient patient, List<ProgressCharts.Entry> visits, ReadinessSummary latest,
            List<ProgressChart> charts, String summary, long summaryVersion) {

        public Progress {
            visits = List.copyOf(visits);
            charts = List.copyOf(charts);
        }

        /** A progress whose summary was not read from the records (a report of the summary as typed). */
        public Progress(Patient patient, List<ProgressCharts.Entry> visits, ReadinessSummary latest,
                List<ProgressChart> charts, String summary) {
            this(patient, visits, latest, charts, summary, Edition.NEW);
        }

        public ProgressCharts.Entry visit(UUID id) {
            return visits.stream().filter(e -> e.visit().id().equals(id)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("No such visit"));
        }
    }

    public Progress load(UUID patientId) {
        Patient patient = patients.find(patientId).orElseThrow(() -> new NoSuchElementException("No such patient"));
        Optional<Versioned<String>> summary = summaries.findVersioned(patientId);
        Progress read = of(patient, visits.forPatient(patientId), summary.map(Versioned::value).orElse(""));
        Progress progress = new Progress(read.patient(), read.visits(), read.latest(), read.charts(), read.summary(),
                summary.map(Versioned::version).orElse(Edition.NEW));
        audit.record(AuditAction.VIEW, patientId, "progress");
        return progress;
    }

    /** The progress of a patient with these visits (the order does not matter). */
    public static Progress of(Patient patient, List<Visit> all, String summary) {
        List<Visit> ordered = all.stream().sorted(ReadinessRules.ORDER).toList();
        List<ProgressCharts.Entry> entries = new ArrayList<>(ordered.size());
        ReadinessSummary latest = null;
        Visit previous = null;
        for (Visit visit : ordered) {
            latest = ReadinessRules.evaluate(visit, patient.births(), previous);
            entries.add(new ProgressCharts.Entry(visit, stageIssued(visit, latest)));
            previous = visit;
        }
        return new Progress(patient, entries, latest, ProgressCharts.build(entries), summary);
    }

    /** The stage issued at a visit as written on the time axis: the clinician's choice, else the suggestion. */
    static String stageIssued(Visit visit, ReadinessSummary readiness) {
        if (readiness.refer()) {
            return Messages.name(readiness.suggestedStage());
        }
        Stage stage = visit.stage() != null ? visit.stage() : readiness.suggestedStage().stage().orElse(null);
        return stage == null ? "" : Messages.name(stage);
    }

    /** Two visits side by side, the earlier first. */
    public static List<ComparisonRow> compare(Progress progress, UUID a, UUID b) {
        ProgressCharts.Entry first = progress.visit(a);
        ProgressCharts.Entry second = progress.visit(b);
        return VisitComparison.compare(first.visit(), first.stage(), second.visit(), second.stage());
    }

    /**
     * Saves the clinician's summary for the report.
     *
     * @throws ValidationException when it is longer than notes may be
     */
    public String saveSummary(UUID patientId, String summary) {
        return saveSummary(patientId, summary, null).value();
    }

    /**
     * As {@link #saveSummary(UUID, String)}, from the version she read ({@link Progress#summaryVersion()}):
     * refused, writing nothing, when another workstation saved the summary since.
     *
     * @throws ChangedElsewhereException when the stored summary is no longer {@code readVersion}
     * @return the summary saved, with its new version
     */
    public Edition<String> saveSummary(UUID patientId, String summary, long readVersion) {
        return saveSummary(patientId, summary, Edits.change(readVersion, session, clock));
    }

    private Edition<String> saveSummary(UUID patientId, String summary, Change change) {
        String cleaned = TextNormalization.cleanNotes(summary);
        if (cleaned != null && cleaned.length() > Measures.NOTES_MAX_LENGTH) {
            throw new ValidationException(List.of(Violation.of("summary", "validation.tooLongNow",
                    Measures.NOTES_MAX_LENGTH, cleaned.length())));
        }
        long version;
        try {
            version = summaries.save(patientId, cleaned, clock.instant(), change);
        } catch (ConcurrentChangeException e) {
            throw new ChangedElsewhereException(e);
        }
        audit.record(AuditAction.CHANGE, patientId, "report summary");
        return new Edition<>(cleaned == null ? "" : cleaned, version);
    }

    /** The progress report as PDF bytes. */
    public byte[] report(Progress progress) {
        return renderer.render(reportOf(progress));
    }

    /** Writes the report through a temporary file in the same folder, so a crash leaves no half file. */
    public void writeReport(Progress progress, Path file) throws IOException {
        byte[] pdf = report(progress);
        AtomicFile.write(file, out -> out.write(pdf));
        audit.record(AuditAction.EXPORT, progress.patient().id(), "progress report PDF");
    }

    ProgressReport reportOf(Progress progress) {
        ClinicSettings clinic = settings.load();
        Patient patient = progress.patient();
        List<ProgressCharts.Entry> entries = progress.visits();
        List<ProgressReport.VisitLine> lines = entries.stream()
                .map(e -> new ProgressReport.VisitLine(e.visit().date(),
                        e.visit().kind() == null ? "" : Messages.name(e.visit().kind()), e.stage(),
                        e.visit().status() == VisitStatus.DRAFT))
                .toList();
        List<ComparisonRow> comparison = entries.size() < 2 ? List.of()
                : VisitComparison.compare(entries.get(0).visit(), entries.get(0).stage(),
                        entries.get(entries.size() - 1).visit(), entries.get(entries.size() - 1).stage());
        ReadinessSummary latest = progress.latest();
        String stage = latest == null ? null : entries.get(entries.size() - 1).stage();
        List<ProgressReport.Criterion> criteria = latest == null ? List.of() : latest.criteria().stream()
                .map(c -> new ProgressReport.Criterion(Messages.name(c.criterion()), Messages.name(c.status()),
                        c.evidence() == null ? "" : c.evidence()))
                .toList();
        String reason = latest == null ? null
                : latest.refer() || latest.suggestedStage().stage().orElse(null)
                        == entries.get(entries.size() - 1).visit().stage()
                        || entries.get(entries.size() - 1).visit().stage() == null
                        ? Messages.format("report.suggested", Messages.name(latest.suggestedStage()), latest.reason())
                        : Messages.format("report.chosen", Messages.name(latest.suggestedStage()), latest.reason());
        return new ProgressReport(clinic.clinicName(), clinic.logo(), clinic.clinicianName(), clinic.paperSize(),
                PersonName.fullName(patient.givenName(), patient.familyName()), patient.dateOfBirth(),
                LocalDate.now(clock), stage, reason, criteria, latest != null && latest.considerOnwardReferral(),
                progress.summary(), lines, comparison, progress.charts());
    }
}
