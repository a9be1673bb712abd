package app.rebound.service;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.PerinealTrauma;
import app.rebound.domain.demo.Progression;
import app.rebound.domain.visit.Visit;
import app.rebound.records.RecordFile;
import app.rebound.records.RecordWriter;

/**
 * Writes the sample patients shipped for a first start
 * ({@code src/main/resources/app/rebound/samples/sample-patients.json}):
 * {@code java -cp ... app.rebound.service.SampleRecords FILE}.
 */
public final class SampleRecords {

    private SampleRecords() {
    }

    private record Sample(String given, String family, LocalDate born, LocalDate birth, BirthMode mode,
            PerinealTrauma trauma, LocalDate firstVisit, int visits, String goal) {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(2026);
        List<Sample> samples = List.of(
                new Sample("Zoë", "Ødegård", LocalDate.of(1991, 3, 14), LocalDate.of(2026, 3, 2), BirthMode.VAGINAL,
                        PerinealTrauma.TEAR_2, LocalDate.of(2026, 4, 20), 8, "Parkrun in March"),
                new Sample("芳", "王", LocalDate.of(1989, 8, 2), LocalDate.of(2026, 5, 11),
                        BirthMode.EMERGENCY_CAESAREAN, PerinealTrauma.NONE, LocalDate.of(2026, 7, 6), 4,
                        "Run to work again"),
                new Sample("Ana-María", "O'Neil", LocalDate.of(1994, 12, 30), LocalDate.of(2026, 8, 19),
                        BirthMode.ASSISTED_VAGINAL, PerinealTrauma.EPISIOTOMY, LocalDate.of(2026, 10, 21), 1,
                        "Jog with the buggy"),
                new Sample("Σοφία", "Παπαδοπούλου", LocalDate.of(1987, 6, 9), LocalDate.of(2026, 1, 15),
                        BirthMode.VAGINAL, PerinealTrauma.TEAR_1, LocalDate.of(2026, 3, 3), 9, "10 km in spring"),
                new Sample("Анна", "Иванова", LocalDate.of(1992, 2, 21), LocalDate.of(2026, 6, 1),
                        BirthMode.PLANNED_CAESAREAN, PerinealTrauma.NONE, LocalDate.of(2026, 8, 10), 3,
                        "Netball next season"),
                new Sample("민지", "김", LocalDate.of(1995, 10, 4), LocalDate.of(2026, 4, 27), BirthMode.VAGINAL,
                        PerinealTrauma.TEAR_3, LocalDate.of(2026, 6, 8), 6, "Half marathon"));
        List<RecordFile.PatientRecord> patients = new ArrayList<>();
        Progression progression = new Progression(random);
        for (Sample s : samples) {
            UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            Patient patient = PatientFixture.patient(s.given(), s.family()).id(id)
                    .updated(Instant.parse("2026-11-01T09:00:00Z")).dateOfBirth(s.born())
                    .birth(s.birth(), s.mode(), s.trauma()).goal(s.goal()).build();
            List<RecordFile.VisitRecord> visits = new ArrayList<>();
            for (Visit v : progression.visits(id, s.firstVisit(), s.visits(), "Ingrid Hansen", false)) {
                UUID visitId = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
                Instant updated = v.date().atTime(17, 0).toInstant(ZoneOffset.UTC);
                Visit fixed = new Visit(visitId, id, updated, v.date(), v.status(), v.clinician(), v.kind(),
                        v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                        v.loadImpact(), v.outcomes(), v.stage(), v.notes(), v.extensions());
                visits.add(new RecordFile.VisitRecord(fixed, null));
            }
            patients.add(new RecordFile.PatientRecord(patient, visits));
        }
        RecordFile file = new RecordFile(Instant.parse("2026-11-01T09:00:00Z"), List.of(), Map.of(), patients);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            RecordWriter.write(file, stream);
        }
    }
}
