package app.rebound.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.demo.Progression;
import app.rebound.domain.visit.Visit;

/** Patients with progress to chart, for tests and the docs. */
public final class ProgressSamples {

    public static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

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

    /** Writes a sample report: {@code java ... ProgressSamples out.pdf [visits]}. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Patient patient = patient("Zoë", "Ødegård");
        List<Visit> visits = visits(patient, count, 7);
        ProgressService.Progress progress = ProgressService.of(patient, visits,
                "Zoë has made steady progress: she now holds a contraction for 8 seconds and passes most of the load "
                        + "tests without leaking.\nNext: hopping on each leg, then the walk-run plan.");
        Path folder = Files.createTempDirectory("rebound-sample");
        try (Services services = Services.open(folder, CLOCK, java.util.Locale.UK)) {
            services.settings().save(new app.rebound.domain.ClinicSettings("Fjord Physio — Bergen", "Ingrid Hansen",
                    app.rebound.domain.PaperSize.A4, null));
            Files.write(Path.of(args[0]), services.progress().report(progress));
        }
    }
}
