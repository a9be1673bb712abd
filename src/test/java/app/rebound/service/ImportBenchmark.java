package app.rebound.service;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import app.rebound.TestKeys;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.PerinealTrauma;
import app.rebound.domain.demo.Progression;
import app.rebound.domain.visit.Visit;
import app.rebound.records.RecordFile;
import app.rebound.records.RecordWriter;

/**
 * A benchmark, not a test: imports a generated file of 10,000 patients with 50,000 visits into an
 * empty data folder (target: under 60 s), then the same file again (nothing to change).
 * {@code java -cp "target/classes:target/test-classes:target/lib/*" app.rebound.service.ImportBenchmark [patients] [visitsEach]}
 */
public final class ImportBenchmark {

    private static final String[] GIVEN = {"Zoë", "Ana-María", "Σοφία", "Анна", "芳", "민지", "Aoife", "Priya",
        "Amara", "Ingrid", "Fatima", "Łucja"};
    private static final String[] FAMILY = {"Ødegård", "O'Neil", "Παπαδοπούλου", "Иванова", "王", "김", "Murphy",
        "Sharma", "Okafor", "Hansen", "Haddad", "Wójcik"};

    private ImportBenchmark() {
    }

    public static byte[] generate(int patients, int visitsEach, long seed) {
        Random random = new Random(seed);
        Progression progression = new Progression(random);
        List<RecordFile.PatientRecord> records = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            UUID id = UUID.randomUUID();
            LocalDate birth = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(500));
            Patient patient = PatientFixture.patient(GIVEN[random.nextInt(GIVEN.length)],
                            FAMILY[random.nextInt(FAMILY.length)] + " " + i)
                    .id(id).updated(Instant.parse("2026-11-01T09:00:00Z"))
                    .dateOfBirth(LocalDate.of(1980 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .birth(birth, BirthMode.VAGINAL, PerinealTrauma.TEAR_1).build();
            List<RecordFile.VisitRecord> visits = new ArrayList<>();
            for (Visit v : progression.visits(id, birth.plusWeeks(6), visitsEach, "Ingrid Hansen", false)) {
                visits.add(new RecordFile.VisitRecord(new Visit(v.id(), id,
                        v.date().atTime(17, 0).toInstant(ZoneOffset.UTC), v.date(), v.status(), v.clinician(), v.kind(),
                        v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                        v.loadImpact(), v.outcomes(), v.stage(), v.notes(), v.extensions()), null));
            }
            records.add(new RecordFile.PatientRecord(patient, visits));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(new RecordFile(Instant.parse("2026-11-01T09:00:00Z"), List.of(), Map.of(), records), out);
        return out.toByteArray();
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int visitsEach = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] file = generate(patients, visitsEach, 1);
        System.out.printf(Locale.ROOT, "file: %d patients, %d visits, %.1f MB%n", patients, patients * visitsEach,
                file.length / 1e6);
        Path folder = Files.createTempDirectory("rebound-import-bench");
        try (Services services = Services.open(folder, TestKeys.KEY, Clock.systemDefaultZone(), Locale.UK)) {
            long start = System.nanoTime();
            ImportSummary summary = services.records().importBytes(file);
            double first = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            ImportSummary again = services.records().importBytes(file);
            double second = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "import into an empty folder: %.1f s (target 60 s) — %s%n", first,
                    summary.describe());
            System.out.printf(Locale.ROOT, "the same file again: %.1f s — %s%n", second,
                    again.changedNothing() ? "nothing changed" : again.describe());
        } finally {
            try (var walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
