package app.rebound.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;
import app.rebound.store.KeyFile;

/** Data folders for the command tests, made through the services as the window would make them. */
final class CliData {

    private CliData() {
    }

    /** A folder with Zoë (4 visits) and Li (1 visit); closed again, as another program would leave it. */
    static Seeded seed(Path folder) {
        try (Services services = open(folder)) {
            Patient zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 4, 7);
            Patient li = VisitFixture.seed(services, "小龙", "李", 1, 11);
            return new Seeded(zoe, li);
        }
    }

    /** A patient whose only visit has red flags: REFER. */
    static Patient referred(Path folder) {
        try (Services services = open(folder)) {
            Patient patient = services.patients().save(VisitFixture.patient("Ana-María", "O'Neil"));
            services.visits().save(VisitFixture.full(patient.id(), LocalDate.of(2026, 6, 1)));
            return patient;
        }
    }

    /** The folder's services, "anna" signed in; the folder is set up as a clinic first if it is not. */
    static Services open(Path folder) {
        if (!Files.exists(folder.resolve(KeyFile.FILE_NAME))) {
            return TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK);
        }
        return TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK);
    }

    /** The visits of a patient as stored, in date order. */
    static List<Visit> visits(Path folder, Patient patient) {
        try (Services services = open(folder)) {
            return services.visits().visitsOf(patient.id()).stream()
                    .sorted(ReadinessRules.ORDER).toList();
        }
    }

    record Seeded(Patient zoe, Patient li) {
    }
}
