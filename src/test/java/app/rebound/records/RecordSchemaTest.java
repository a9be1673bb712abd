package app.rebound.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.demo.DemoPatients;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.WalkRunWeek;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;

/**
 * Every file {@link RecordWriter} writes validates against the published schema of record format v1
 * (docs/record-format-v1.schema.json), and the schema refuses what the format forbids, so neither can
 * drift from the contract unseen.
 */
class RecordSchemaTest {

    @TempDir
    Path folder;

    @Test
    void theShippedSamplePatientsValidate() throws IOException {
        byte[] samples;
        try (InputStream in = RecordSchemaTest.class.getResourceAsStream("/app/rebound/samples/sample-patients.json")) {
            samples = in.readAllBytes();
        }
        assertThat(RecordSchema.problems(samples)).isEmpty();
    }

    @Test
    void anExportWithEverySectionAClinicExerciseAPhotoAndProgrammesValidates() throws Exception {
        Path file = folder.resolve("clinic.json");
        try (Services services = TestKeys.services(folder.resolve("db"), VisitFixture.CLOCK, Locale.UK)) {
            Patient zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 8, 7);
            VisitFixture.seed(services, "小龙", "李", 3, 11);
            Patient ana = VisitFixture.seed(services, "Ana-María", "O'Neil", 1, 5);
            services.visits().save(VisitFixture.full(ana.id(), LocalDate.of(2026, 11, 1)));
            services.visits().save(VisitFixture.nearlyEmpty(ana.id(), LocalDate.of(2026, 11, 2)));
            Exercise wallSit = new Exercise("wall-sit-ball", "Wall sit with a ball", Stage.BUILD,
                    ExerciseKind.GENERAL, "Strong thighs for downhill running.",
                    List.of("Lean on a wall.", "Slide down to a chair height."),
                    List.of("Breathe out as you slide down."), new Dose(3, 1, 30, 1, 3), null, null, null);
            services.exercises().saveClinicExercise(wallSit, true);
            services.exercises().setPhoto("wall-sit-ball", ExercisePhoto.of(RecordImportFuzzProperties.png()));
            for (Visit visit : services.visits().visitsOf(zoe.id())) {
                Programme suggested = services.programmes().open(visit.id()).programme();
                if (suggested == null) {
                    continue;
                }
                List<ProgrammeItem> items = new ArrayList<>(suggested.exercises());
                items.add(new ProgrammeItem("wall-sit-ball", new Dose(2, 8, 20, 1, 3), "Slowly, Zoë", List.of("CLINICIAN")));
                services.programmes().save(visit.id(), new Programme(suggested.stage(), suggested.suggestedStage(),
                        items, suggested.walkRun(), 4));
            }
            services.records().export(List.of(), file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("the export holds what the schema must check")
                .contains("\"programme\"", "\"image\"", "\"loadImpact\"", "\"strength\"",
                        "\"redFlags\"", "\"psfs\"");
        assertThat(RecordSchema.problems(Files.readAllBytes(file))).isEmpty();
    }

    @Test
    void aGeneratedClinicOfFiveHundredPatientsValidates() {
        DemoPatients demo = new DemoPatients(2026, 0, 5, Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        List<RecordFile.PatientRecord> patients = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            DemoPatients.Made made = demo.next();
            List<RecordFile.VisitRecord> visits = new ArrayList<>();
            for (Visit visit : made.visits()) {
                visits.add(new RecordFile.VisitRecord(visit, visits.size() % 3 == 2 ? WALK_RUN : null));
            }
            patients.add(new RecordFile.PatientRecord(made.patient(), visits));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(new RecordFile(Instant.parse("2026-11-22T10:00:00Z"), List.of(), Map.of(), patients), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"walkRun\"", "\"archived\": true");
        assertThat(RecordSchema.problems(out.toByteArray())).isEmpty();
    }

    /** A walk-run programme as a clinician might have issued it before the plan rules of §9 (the format's ranges only). */
    private static final Programme WALK_RUN = new Programme(Stage.WALK_RUN, SuggestedStage.WALK_RUN,
            List.of(new ProgrammeItem("single-leg-bridge", new Dose(3, 12, 0, 1, 3), "Left side first", List.of()),
                    new ProgrammeItem("walk-run-intervals", new Dose(1, 1, 0, 1, 3), null, List.of())),
            List.of(new WalkRunWeek(1, 3, 60, 120, 8), new WalkRunWeek(2, 3, 90, 120, 8),
                    new WalkRunWeek(3, 3, 1800, 0, 1)),
            4);

    /** The schema is not a rubber stamp: each value the format forbids, put into a valid file, is refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MOS 7                     | \"power\": 3,              | \"power\": 7,",
            "MOS as a fraction         | \"power\": 3,              | \"power\": 3.5,",
            "an unknown field          | \"power\": 3,              | \"power\": 3, \"powr\": 3,",
            "null                      | \"kind\": \"INITIAL\",     | \"kind\": null,",
            "an unknown word           | \"kind\": \"INITIAL\",     | \"kind\": \"FIRST\",",
            "an empty name             | \"givenName\": \"Zoë\",    | \"givenName\": \"\",",
            "an upper-case UUID        | \"id\": \"6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60\", | \"id\": \"6F1C2A8E-0D5B-4A57-9A4E-2C1D3B4E5F60\",",
            "a timestamp with millis   | \"updated\": \"2026-11-21T10:00:00Z\", | \"updated\": \"2026-11-21T10:00:00.123Z\",",
            "a date in another style   | \"date\": \"2026-10-20\",  | \"date\": \"20/10/2026\",",
            "a birth mode unknown      | \"mode\": \"VAGINAL\",     | \"mode\": \"NATURAL\",",
    })
    void theSchemaRefusesWhatTheFormatForbids(String what, String valid, String broken) {
        String file = MINIMAL.replace(valid.strip(), broken.strip());
        assertThat(file).as("the test changed the file").isNotEqualTo(MINIMAL);

        assertThat(RecordSchema.problems(MINIMAL.getBytes(StandardCharsets.UTF_8))).as("the minimal file").isEmpty();
        assertThat(RecordSchema.problems(file.getBytes(StandardCharsets.UTF_8))).as(what).isNotEmpty();
    }

    /** The minimal valid file of record-format.md. */
    private static final String MINIMAL = """
            {
              "format": "rebound-record",
              "version": 1,
              "exported": "2026-11-21T10:15:00Z",
              "patients": [
                {
                  "id": "6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60",
                  "updated": "2026-11-21T10:00:00Z",
                  "givenName": "Zoë",
                  "familyName": "Ødegård",
                  "births": [ { "date": "2026-07-01", "mode": "VAGINAL", "perinealTrauma": "TEAR_2" } ],
                  "visits": [
                    {
                      "id": "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c11",
                      "updated": "2026-11-21T10:00:00Z",
                      "date": "2026-10-20",
                      "kind": "INITIAL",
                      "pelvicFloor": { "method": "VAGINAL_DIGITAL", "power": 3, "enduranceSeconds": 6,
                                       "repetitions": 5, "fastContractions": 8, "relaxation": "COMPLETE",
                                       "tone": "NORMAL" }
                    }
                  ]
                }
              ]
            }
            """;
}
