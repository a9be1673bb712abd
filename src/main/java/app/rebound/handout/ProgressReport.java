package app.rebound.handout;

import java.time.LocalDate;
import java.util.List;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.PaperSize;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressChart;

/**
 * Everything a progress report prints: who and when, the current stage and readiness, the
 * clinician's summary, first versus latest visit, every visit, and the charts that have data.
 */
public record ProgressReport(
        String clinicName,
        ClinicLogo logo,
        String clinicianName,
        PaperSize paper,
        String patientName,
        LocalDate dateOfBirth,
        LocalDate reportDate,
        String currentStage,
        String readinessReason,
        List<Criterion> criteria,
        boolean considerReferral,
        String summary,
        List<VisitLine> visits,
        List<ComparisonRow> firstVersusLatest,
        List<ProgressChart> charts) {

    public ProgressReport {
        criteria = List.copyOf(criteria);
        visits = List.copyOf(visits);
        firstVersusLatest = List.copyOf(firstVersusLatest);
        charts = List.copyOf(charts);
    }

    /** A readiness criterion as printed: its name, status and evidence. */
    public record Criterion(String name, String status, String evidence) {
    }

    /** One visit in the list of visits. */
    public record VisitLine(LocalDate date, String kind, String stage, boolean draft) {
    }
}
