package app.rebound.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import app.rebound.TestKeys;
import app.rebound.domain.BirthMode;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.demo.Progression;
import app.rebound.domain.visit.Visit;

/** Patients with progress to chart, for tests and the docs. */
public final class ProgressSamples {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private ProgressSamples() {
    }

    public static Patient patient(String given, String family) {
        return PatientFixture.patient(given, family)
                .id(UUID.randomUUID())
                .dateOfBirth(LocalDate.of(1991, 3, 14))
                .birth(LocalDate.of(2026, 3, 2), BirthMode.VAGINAL, null)
                .build();
    }

    public static List<Visit> visits(Patient patient, int count, long seed) {
        return new Progression(new Random(seed)).visits(patient.id(), LocalDate.of(2026, 4, 20), count,
                "Ingrid Hansen", false);
    }

    /**
     * Adds a patient with {@code count} visits through the services (every rule checked as in the app)
     * and returns her.
     */
    public static Patient seed(Services services, String given, String family, int count, long seed) {
        Patient patient = services.patients().save(patient(given, family));
        for (Visit visit : visits(patient, count, seed)) {
            services.visits().save(visit);
        }
        return patient;
    }

    /** Seeds a data folder for trying the progress view: {@code java ... ProgressSamples --seed DIR}. */
    static void seedFolder(Path folder) {
        try (Services services = Services.open(folder, TestKeys.KEY, Clock.systemDefaultZone(), Locale.UK)) {
            seed(services, "Zoë", "Ødegård", 8, 7);
            seed(services, "小龙", "李", 3, 11);
            seed(services, "Ana-María", "O'Neil", 1, 5);
        }
    }

    /** Writes a sample report: {@code java ... ProgressSamples out.pdf [visits]}. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--seed")) {
            seedFolder(Path.of(args[1]));
            return;
        }
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Patient patient = patient("Zoë", "Ødegård");
        List<Visit> visits = visits(patient, count, 7);
        ProgressService.Progress progress = ProgressService.of(patient, visits,
                "Zoë has made steady progress: she now holds a contraction for 8 seconds and passes most of the load "
                        + "tests without leaking.\nNext: hopping on each leg, then the walk-run plan.");
        Path folder = Files.createTempDirectory("rebound-sample");
        try (Services services = Services.open(folder, TestKeys.KEY, CLOCK, Locale.UK)) {
            services.settings().save(new ClinicSettings("Fjord Physio — Bergen", "Ingrid Hansen",
                    PaperSize.A4, null));
            Files.write(Path.of(args[0]), services.progress().report(progress));
        }
    }
}
