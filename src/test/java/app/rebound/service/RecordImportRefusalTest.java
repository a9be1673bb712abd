package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.records.RecordFile;
import app.rebound.records.RecordWriter;

/**
 * The "bad input, tried" list: each file is refused against a real database that already
 * holds a patient, with errors that name a JSON path (or the line and column, or "The file"),
 * never quote a patient's name or notes, and leave the database exactly as it was. Then the
 * merge rules that a good file follows.
 */
@Tag("bigfile")
class RecordImportRefusalTest {

    private static final String P1 = "6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60";
    private static final String P2 = "6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f61";
    private static final String V1 = "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c11";
    private static final String V2 = "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c12";
    private static final String V3 = "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c13";

    /** Extensions with odd spacing, an unknown field and a decimal written 2.50: kept as they are. */
    private static final String PATIENT_EXTENSIONS = "{ \"vendor\" :  { \"x\": [1, 2.50 ,\"\u674E\"] },\"flag\":true }";
    private static final String VISIT_EXTENSIONS = "{\"pelvicFlor\":{ \"power\" : 7 },  \"n\":null}";

    /** A valid file with two patients; each case changes one thing in it. */
    static final String BASE = """
            {
              "format": "rebound-record",
              "version": 1,
              "exported": "2026-11-21T10:15:00Z",
              "patients": [
                {
                  "id": "%P1%",
                  "updated": "2026-11-21T10:00:00Z",
                  "givenName": "Ingeborg",
                  "familyName": "Kvalheim",
                  "dateOfBirth": "1990-05-01",
                  "phone": "+47 555 01 234",
                  "births": [ { "date": "2026-07-01", "mode": "VAGINAL", "perinealTrauma": "TEAR_2" } ],
                  "goal": "Parkrun in March",
                  "notes": "Confidential: worried about leaking at netball",
                  "extensions": %PEXT%,
                  "visits": [
                    {
                      "id": "%V1%",
                      "updated": "2026-11-21T10:00:00Z",
                      "date": "2026-10-20",
                      "kind": "INITIAL",
                      "history": { "sleepHours": 6.5, "bmi": 23.45 },
                      "pelvicFloor": { "method": "VAGINAL_DIGITAL", "power": 3, "enduranceSeconds": 6,
                                       "repetitions": 5, "fastContractions": 8, "relaxation": "COMPLETE",
                                       "tone": "NORMAL", "notes": "Private exam remark" },
                      "notes": "Private visit remark about home",
                      "extensions": %VEXT%
                    },
                    {
                      "id": "%V2%",
                      "updated": "2026-11-21T10:00:00Z",
                      "date": "2026-11-10",
                      "kind": "FOLLOW_UP",
                      "symptoms": { "urinaryIncontinence": true, "painNrs": 2 }
                    }
                  ]
                },
                {
                  "id": "%P2%",
                  "updated": "2026-11-20T09:00:00Z",
                  "givenName": "Sigrid",
                  "familyName": "Haugland",
                  "visits": [
                    { "id": "%V3%", "date": "2026-09-01", "notes": "Second private remark" }
                  ]
                }
              ]
            }
            """.replace("%P1%", P1).replace("%P2%", P2).replace("%V1%", V1).replace("%V2%", V2).replace("%V3%", V3)
            .replace("%PEXT%", PATIENT_EXTENSIONS).replace("%VEXT%", VISIT_EXTENSIONS);

    /** Text of the file's and the database's patients that no error may quote. */
    private static final List<String> PATIENT_TEXT = List.of("Ingeborg", "Kvalheim", "Sigrid", "Haugland",
            "Confidential", "leaking at netball", "Parkrun", "Private exam remark", "Private visit remark",
            "Second private remark", "Zoë", "Ødegård", "Zoe", "Odegard");

    /** A JSON path (patients[0].visits[1].pelvicFloor.power), then ": ". */
    private static final Pattern PATH = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*(\\[\\d+\\])*(\\.[^\\s.:\\[]+(\\[\\d+\\])*)*: .+");
    private static final Pattern LINE = Pattern.compile("^Line \\d+, column \\d+\\b.*");

    @TempDir
    Path folder;
    @TempDir
    Path scratch;

    private Services services;
    private Patient seeded;

    @BeforeEach
    void openWithOnePatient() {
        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);
        seeded = VisitFixture.seed(services, "Zoë", "Ødegård", 3, 7);
    }

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    // --- the cases ------------------------------------------------------------------------------

    private static Arguments refused(String name, Supplier<byte[]> bytes) {
        return Arguments.of(name, bytes);
    }

    private static Arguments refusedText(String name, String text) {
        return refused(name, () -> text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base(String from, String to) {
        assertThat(BASE).as("the base file holds %s", from).contains(from);
        return BASE.replace(from, to);
    }

    private static String baseFirst(String from, String to) {
        assertThat(BASE).as("the base file holds %s", from).contains(from);
        return BASE.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    static Stream<Arguments> badFiles() {
        byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                refusedText("not JSON: plain text", "Hello, this is a letter and not a record file.\n"),
                refused("not JSON: a PDF header", () -> "%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)),
                refusedText("not JSON: a CSV list of patients", "Kvalheim;Ingeborg;1990-05-01\nHaugland;Sigrid;\n"),
                refusedText("wrong format word", base("\"rebound-record\"", "\"rebound-records\"")),
                refusedText("format a number", base("\"format\": \"rebound-record\"", "\"format\": 1")),
                refusedText("format missing", base("\"format\": \"rebound-record\",", "")),
                refusedText("version 2", base("\"version\": 1", "\"version\": 2")),
                refusedText("version \"1\" (text)", base("\"version\": 1", "\"version\": \"1\"")),
                refusedText("version 1.0", base("\"version\": 1", "\"version\": 1.0")),
                refusedText("version missing", base("\"version\": 1,", "")),
                refused("truncated at half", () -> Arrays.copyOf(base, base.length / 2)),
                refused("truncated at a third", () -> Arrays.copyOf(base, base.length / 3)),
                refused("truncated before the last brace", () -> Arrays.copyOf(base, base.length - 2)),
                refused("truncated inside a multi-byte character", () -> {
                    int at = BASE.indexOf("\u674E");
                    byte[] prefix = BASE.substring(0, at).getBytes(StandardCharsets.UTF_8);
                    return Arrays.copyOf(base, prefix.length + 1);
                }),
                refused("a real export cut in half", RecordImportRefusalTest::realExportCutInHalf),
                refused("50 MB of random bytes", () -> {
                    byte[] noise = new byte[50 * 1024 * 1024];
                    new Random(42).nextBytes(noise);
                    return noise;
                }),
                refused("50 MB of random printable ASCII", () -> {
                    byte[] noise = new byte[50 * 1024 * 1024];
                    Random random = new Random(43);
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] = (byte) (32 + random.nextInt(95));
                    }
                    return noise;
                }),
                refusedText("power 7 (out of range)", base("\"power\": 3", "\"power\": 7")),
                refusedText("a visit dated tomorrow", base("\"date\": \"2026-11-10\"", "\"date\": \"2026-11-23\"")),
                refusedText("duplicate patient ids", base("\"id\": \"" + P2 + "\"", "\"id\": \"" + P1 + "\"")),
                refusedText("duplicate visit ids in one patient", base("\"id\": \"" + V2 + "\"", "\"id\": \"" + V1 + "\"")),
                refusedText("duplicate visit ids across patients", base("\"id\": \"" + V3 + "\"", "\"id\": \"" + V1 + "\"")),
                refusedText("unknown enumeration word FOLLOWUP", base("\"FOLLOW_UP\"", "\"FOLLOWUP\"")),
                refusedText("unknown field pelvicFlor", base("\"pelvicFloor\": {", "\"pelvicFlor\": {")),
                refusedText("unknown top-level field", base("\"version\": 1,", "\"version\": 1, \"Version\": 1,")),
                refusedText("duplicate key in one object", base("\"kind\": \"INITIAL\",", "\"kind\": \"INITIAL\", \"kind\": \"INITIAL\",")),
                refusedText("duplicate notes key (free text) in one object",
                        base("\"notes\": \"Second private remark\"",
                                "\"notes\": \"Second private remark\", \"notes\": \"Second private remark\"")),
                refused("an empty file", () -> new byte[0]),
                refusedText("only white space", "  \n\t\r\n"),
                refusedText("only a byte order mark", "\uFEFF"),
                refusedText("an empty JSON array at top level", "[]"),
                refusedText("the whole file inside a JSON array", "[" + BASE + "]"),
                refusedText("a JSON string at top level", "\"rebound-record\""),
                refusedText("two files joined", BASE + BASE),
                refusedText("3.0 for an integer field", base("\"power\": 3", "\"power\": 3.0")),
                refusedText("1e400 for an integer field", base("\"power\": 3", "\"power\": 1e400")),
                refusedText("1e400 for a decimal field", base("\"bmi\": 23.45", "\"bmi\": 1e400")),
                refusedText("1e-400 for a decimal field", base("\"bmi\": 23.45", "\"bmi\": 1e-400")),
                refusedText("an exponent beyond int for an integer field", base("\"power\": 3", "\"power\": 1e2147483648")),
                refusedText("an exponent beyond int for a decimal field", base("\"bmi\": 23.45", "\"bmi\": 1e-2147483649")),
                refusedText("a number of 5000 digits", base("\"power\": 3", "\"power\": " + "9".repeat(5000))),
                refusedText("nesting 10,000 deep inside extensions",
                        base(VISIT_EXTENSIONS, "{\"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}")),
                refusedText("a name that is a number", base("\"givenName\": \"Sigrid\"", "\"givenName\": 42")),
                refusedText("an empty family name", base("\"familyName\": \"Haugland\"", "\"familyName\": \"\"")),
                refusedText("extensions that are a list", base(VISIT_EXTENSIONS, "[1, 2]")),
                refusedText("a missing opening quote before a name (hand-edited file)",
                        base("\"givenName\": \"Ingeborg\"", "\"givenName\": Ingeborg\"")),
                refusedText("a missing opening quote before notes (hand-edited file)",
                        base("\"notes\": \"Confidential", "\"notes\": Confidential")),
                refusedText("a later birth in the future listed before an earlier one",
                        base("\"births\": [ { \"date\": \"2026-07-01\", \"mode\": \"VAGINAL\", \"perinealTrauma\": \"TEAR_2\" } ]",
                                "\"births\": [ { \"date\": \"2027-01-01\" }, { \"date\": \"2026-07-01\" } ]")),
                refusedText("a visit before the patient's date of birth", base("\"date\": \"2026-10-20\"", "\"date\": \"1989-01-01\"")),
                refusedText("a timestamp without offset", baseFirst("\"2026-11-21T10:00:00Z\"", "\"2026-11-21T10:00:00\"")),
                refusedText("a UUID with a letter that is not hex", base(V3, V3.replace('b', 'g'))),
                refusedText("null for a required id", base("\"id\": \"" + V3 + "\"", "\"id\": null")),
                refusedText("PASS with symptoms", base("\"symptoms\": { \"urinaryIncontinence\": true, \"painNrs\": 2 }",
                        "\"loadImpact\": { \"WALK\": { \"status\": \"PASS\", \"symptoms\": [\"LEAKAGE\"] } }")),
                refusedText("patient extensions beyond the stored size (1.1 million characters)",
                        base(PATIENT_EXTENSIONS, "{\"big\": \"" + "x".repeat(1_100_000) + "\"}")),
                refusedText("a programme on a visit with a red flag (REFER)", REFER_WITH_PROGRAMME),
                refusedText("visit notes of 20,001 characters", base("\"Second private remark\"", "\"" + "n".repeat(20_001) + "\"")));
    }

    /** Everything the seeded database's patient exports, cut in half. */
    private static byte[] realExportCutInHalf() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path dir = Files.createTempDirectory(target, "rebound-refusal-export");
            try {
                Path file = dir.resolve("export.json");
                try (Services other = TestKeys.services(dir.resolve("db"), VisitFixture.CLOCK, Locale.UK)) {
                    VisitFixture.seed(other, "Ingeborg", "Kvalheim", 6, 3);
                    other.records().export(List.of(), file);
                }
                byte[] all = Files.readAllBytes(file);
                return Arrays.copyOf(all, all.length / 2);
            } finally {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithPathsAndWritesNothing(String name, Supplier<byte[]> file) {
        refusedWithoutChange(name, file.get());
    }

    @Test
    void aVisitOfTheDatabasesPatientCannotMoveToAnotherPatient() {
        UUID taken = services.visits().visitsOf(seeded.id()).get(0).id();
        List<String> errors = refusedWithoutChange(bytes(base("\"id\": \"" + V3 + "\"", "\"id\": \"" + taken + "\"")));
        assertThat(errors).singleElement().asString().startsWith("patients[1].visits[0].id: ");
    }

    /**
     * A newer copy of a completed visit marked as a draft (status left out of a hand-edited file) made it a draft
     * again: it could then be changed without an amendment, or deleted.
     */
    @Test
    void aNewerDraftCannotMakeACompletedVisitADraftAgain() {
        services.records().importBytes(bytes(BASE));
        UUID v2 = UUID.fromString(V2);
        services.visits().complete(services.visits().load(v2));
        String draftAgain = BASE.replace("\"updated\": \"2026-11-21T10:00:00Z\",\n          \"date\": \"2026-11-10\"",
                "\"updated\": \"2026-11-22T11:00:00Z\",\n          \"date\": \"2026-11-10\"");
        assertThat(draftAgain).contains("2026-11-22T11:00:00Z");

        List<String> errors = refusedWithoutChange(bytes(draftAgain));

        assertThat(errors).singleElement().asString().startsWith("patients[0].visits[1].status: ");
        assertThat(services.visits().load(v2).status()).isEqualTo(VisitStatus.COMPLETE);
        // the same copy marked COMPLETE is a newer copy of the completed visit, and replaces it
        services.records().importBytes(bytes(draftAgain.replace("\"kind\": \"FOLLOW_UP\",",
                "\"status\": \"COMPLETE\",\n          \"kind\": \"FOLLOW_UP\",")));
        assertThat(services.visits().load(v2).updated()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    void theBaseFileIsValidSoEachRefusalIsItsOwnCase() throws Exception {
        ImportSummary summary = services.records().importBytes(BASE.getBytes(StandardCharsets.UTF_8));
        assertThat(summary.patientsAdded()).isEqualTo(2);
        assertThat(summary.visitsAdded()).isEqualTo(3);
    }

    @Test
    void powerSevenIsReportedWithTheExactMessage() {
        List<String> errors = refusedWithoutChange(base("\"power\": 3", "\"power\": 7").getBytes(StandardCharsets.UTF_8));
        assertThat(errors).containsExactly(
                "patients[0].visits[0].pelvicFloor.power: 7 is outside 0–5 (Modified Oxford Scale).");
    }

    @Test
    void eachRuleNamesItsPath() {
        assertThat(refusedWithoutChange(bytes(base("\"date\": \"2026-11-10\"", "\"date\": \"2026-11-23\""))))
                .singleElement().asString().startsWith("patients[0].visits[1].date: ");
        assertThat(refusedWithoutChange(bytes(base("\"id\": \"" + P2 + "\"", "\"id\": \"" + P1 + "\""))))
                .singleElement().asString().startsWith("patients[1].id: ").contains("patients[0]");
        assertThat(refusedWithoutChange(bytes(base("\"id\": \"" + V2 + "\"", "\"id\": \"" + V1 + "\""))))
                .singleElement().asString().startsWith("patients[0].visits[1].id: ").contains("patients[0].visits[0]");
        assertThat(refusedWithoutChange(bytes(base("\"id\": \"" + V3 + "\"", "\"id\": \"" + V1 + "\""))))
                .singleElement().asString().startsWith("patients[1].visits[0].id: ").contains("patients[0].visits[0]");
        assertThat(refusedWithoutChange(bytes(base("\"FOLLOW_UP\"", "\"FOLLOWUP\""))))
                .containsExactly("patients[0].visits[1].kind: \"FOLLOWUP\" is not one of INITIAL, FOLLOW_UP, DISCHARGE.");
        assertThat(refusedWithoutChange(bytes(base("\"pelvicFloor\": {", "\"pelvicFlor\": {"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFlor: ");
        assertThat(refusedWithoutChange(bytes(base("\"power\": 3", "\"power\": 3.0"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFloor.power: 3.0 ");
        assertThat(refusedWithoutChange(bytes(base("\"power\": 3", "\"power\": 1e400"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFloor.power: ");
        // an integer read as an int, a long or a big integer: each refused by the field's rule, with its value
        assertThat(refusedWithoutChange(bytes(base("\"power\": 3", "\"power\": 3000000000"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFloor.power: 3000000000 ");
        assertThat(refusedWithoutChange(bytes(base("\"power\": 3", "\"power\": 99999999999999999999"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFloor.power: 99999999999999999999 ");
        assertThat(refusedWithoutChange(bytes(base("\"power\": 3", "\"power\": 6"))))
                .singleElement().asString().startsWith("patients[0].visits[0].pelvicFloor.power: 6 ");
        assertThat(refusedWithoutChange(bytes(base("\"bmi\": 23.45", "\"bmi\": 1e400"))))
                .singleElement().asString().startsWith("patients[0].visits[0].history.bmi: ");
        assertThat(refusedWithoutChange(bytes(base("\"version\": 1", "\"version\": 2"))))
                .singleElement().asString().startsWith("version: 2 ");
        assertThat(refusedWithoutChange(bytes(base("\"version\": 1,", ""))))
                .singleElement().asString().startsWith("version: ");
        assertThat(refusedWithoutChange(bytes(base("\"rebound-record\"", "\"rebound-records\""))))
                .singleElement().asString().startsWith("format: ");
        assertThat(refusedWithoutChange(new byte[0])).containsExactly("The file is empty.");
        assertThat(refusedWithoutChange(bytes(base("\"kind\": \"INITIAL\",", "\"kind\": \"INITIAL\", \"kind\": \"INITIAL\","))))
                .singleElement().asString().matches("Line \\d+, column \\d+: .*\"kind\" appears twice.*");
    }

    @Test
    void aDateOfBirthIsNeverQuotedInAnErrorOnlyItsPlace() {
        // errors reach the screen and the import command's output: the path says where, the value stays in the file
        assertThat(refusedWithoutChange(bytes(base("\"1990-05-01\"", "\"2031-04-02\""))))
                .anySatisfy(e -> assertThat(e).startsWith("patients[0].dateOfBirth: "))
                .noneSatisfy(e -> assertThat(e).contains("2031"));
        assertThat(refusedWithoutChange(bytes(base("\"1990-05-01\"", "\"1915-05-01\""))))
                .singleElement().asString().startsWith("patients[0].dateOfBirth: ").doesNotContain("1915");
        assertThat(refusedWithoutChange(bytes(base("\"1990-05-01\"", "\"01/05/1990\""))))
                .singleElement().asString().startsWith("patients[0].dateOfBirth: ").doesNotContain("1990");
        assertThat(refusedWithoutChange(bytes(base("\"2026-07-01\", \"mode\"", "\"2027-07-01\", \"mode\""))))
                .singleElement().asString().startsWith("patients[0].births[0].date: ").doesNotContain("2027");
        assertThat(refusedWithoutChange(bytes(base(
                "\"births\": [ { \"date\": \"2026-07-01\", \"mode\": \"VAGINAL\", \"perinealTrauma\": \"TEAR_2\" } ]",
                "\"births\": [ \"2026-07-01\" ]"))))
                .singleElement().asString().startsWith("patients[0].births[0]: ").doesNotContain("2026-07-01");
        // other values are still quoted, so the clinician can find them
        assertThat(refusedWithoutChange(bytes(base("\"FOLLOW_UP\"", "\"FOLLOWUP\""))))
                .singleElement().asString().contains("\"FOLLOWUP\"");
    }

    @Test
    void aFutureBirthListedFirstIsReportedAtItsOwnPlaceInTheFile() {
        String file = base("\"births\": [ { \"date\": \"2026-07-01\", \"mode\": \"VAGINAL\", \"perinealTrauma\": \"TEAR_2\" } ]",
                "\"births\": [ { \"date\": \"2027-01-01\" }, { \"date\": \"2026-07-01\" } ]");
        assertThat(refusedWithoutChange(bytes(file))).singleElement().asString()
                .startsWith("patients[0].births[0].date: ");
    }

    @Test
    void aRuleBrokenAfterAnItemThatCannotBeReadIsReportedAtItsOwnPlaceInTheFile() {
        String file = base("\"symptoms\": { \"urinaryIncontinence\": true, \"painNrs\": 2 }",
                "\"symptoms\": { \"urinaryIncontinence\": true, \"painNrs\": 2 },"
                        + " \"outcomes\": { \"psfs\": [ 7, { \"activity\": \"Running\", \"score\": 11 } ] },"
                        + " \"programme\": { \"stage\": \"BUILD\", \"exercises\": [ \"bridge\","
                        + " { \"exercise\": \"bridge\", \"sets\": 1, \"reps\": 500, \"holdSeconds\": 0,"
                        + " \"timesPerDay\": 1, \"daysPerWeek\": 3 } ] }");
        List<String> errors = refusedWithoutChange(bytes(file));
        assertThat(errors).hasSize(4);
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("patients[0].visits[1].outcomes.psfs[0]: "))
                .anySatisfy(e -> assertThat(e).startsWith("patients[0].visits[1].outcomes.psfs[1].score: 11 "))
                .anySatisfy(e -> assertThat(e).startsWith("patients[0].visits[1].programme.exercises[0]: "))
                .anySatisfy(e -> assertThat(e).startsWith("patients[0].visits[1].programme.exercises[1].reps: 500 "));
    }

    /** The second visit of the file with a red flag and a programme: a REFER visit given one. */
    private static final String REFER_WITH_PROGRAMME = base("\"symptoms\": { \"urinaryIncontinence\": true, \"painNrs\": 2 }",
            "\"symptoms\": { \"urinaryIncontinence\": true, \"painNrs\": 2 }, \"redFlags\": [\"CALF_PAIN_SWELLING\"],"
                    + " \"programme\": { \"stage\": \"BUILD\", \"suggestedStage\": \"REFER\", \"exercises\": ["
                    + " { \"exercise\": \"bridge\", \"sets\": 3, \"reps\": 10, \"holdSeconds\": 0,"
                    + " \"timesPerDay\": 1, \"daysPerWeek\": 3 } ] }");

    @Test
    void aProgrammeOnAReferVisitIsRefusedAtItsProgrammeAndNothingIsImported() {
        List<String> errors = refusedWithoutChange(bytes(REFER_WITH_PROGRAMME));

        assertThat(errors).singleElement().asString()
                .startsWith("patients[0].visits[1].programme: ")
                .contains("red flag (CALF_PAIN_SWELLING)", "REFER", "no exercise programme");
    }

    @Test
    void everyRedFlagRefusesAProgrammeAndTheSameVisitWithoutTheProgrammeImports() throws Exception {
        for (RedFlag flag : RedFlag.values()) {
            assertThat(refusedWithoutChange(bytes(REFER_WITH_PROGRAMME.replace("CALF_PAIN_SWELLING", flag.name()))))
                    .as(flag.name()).singleElement().asString().startsWith("patients[0].visits[1].programme: ");
        }
        String withoutProgramme = REFER_WITH_PROGRAMME.replaceFirst(",\\s*\"programme\": \\{.*\\} \\] \\}", "");
        assertThat(withoutProgramme).contains("CALF_PAIN_SWELLING").doesNotContain("\"programme\"");
        ImportSummary summary = services.records().importBytes(bytes(withoutProgramme));
        assertThat(summary.visitsAdded()).isEqualTo(3);
        assertThat(services.visits().load(UUID.fromString(V2)).redFlags())
                .containsExactly(RedFlag.CALF_PAIN_SWELLING);
    }

    @Test
    void aProgrammeOnAVisitWhoseRedFlagsWereAskedAndNoneFoundImports() throws Exception {
        ImportSummary summary = services.records().importBytes(bytes(REFER_WITH_PROGRAMME
                .replace("[\"CALF_PAIN_SWELLING\"]", "[]").replace("\"REFER\"", "\"BUILD\"")));

        assertThat(summary.visitsAdded()).isEqualTo(3);
        assertThat(services.programmes().open(UUID.fromString(V2)).saved()).isTrue();
    }

    @Test
    void unknownFieldsInsideExtensionsAreFine() throws Exception {
        String file = base(VISIT_EXTENSIONS, "{\"pelvicFlor\": 1, \"givenName\": {\"kind\": \"FOLLOWUP\"}, \"power\": 7}");
        ImportSummary summary = services.records().importBytes(bytes(file));
        assertThat(summary.visitsAdded()).isEqualTo(3);
    }

    // --- good files: the merge ------------------------------------------------------------------

    @Test
    void tenThousandVisitsOfOnePatientAreAllImported() throws Exception {
        Patient patient = VisitFixture.patient("Liv", "Tusen");
        List<Visit> templates = VisitFixture.visits(patient, 40, 99);
        LocalDate today = LocalDate.of(2026, 11, 22);
        List<RecordFile.VisitRecord> visits = new ArrayList<>();
        Instant updated = Instant.parse("2026-11-21T10:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            Visit t = templates.get(i % templates.size());
            LocalDate date = today.minusDays(i); // back to 1999, after her birth in 1991
            visits.add(new RecordFile.VisitRecord(new Visit(UUID.randomUUID(), patient.id(), updated, date, t.status(),
                    t.clinician(), t.kind(), t.history(), t.symptoms(), t.redFlags(), t.pelvicFloor(),
                    t.abdominalWall(), t.strength(), t.loadImpact(), t.outcomes(), t.stage(), t.notes(),
                    t.extensions()), null));
        }
        assertThat(visits.get(9_999).visit().date()).isAfter(patient.dateOfBirth());
        RecordFile file = new RecordFile(Instant.parse("2026-11-21T10:15:00Z"), List.of(), Map.of(),
                List.of(new RecordFile.PatientRecord(patient.withUpdated(updated), visits)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(file, out);

        ImportSummary summary = services.records().importBytes(out.toByteArray());

        assertThat(summary.patientsAdded()).isEqualTo(1);
        assertThat(summary.visitsAdded()).isEqualTo(10_000);
        // the visit list (one query): loading 10,000 whole visits through visitsOf takes ~30 s
        assertThat(services.visits().workspace(patient.id()).visits()).hasSize(10_000)
                .extracting(s -> s.id()).containsExactlyInAnyOrderElementsOf(
                        visits.stream().map(v -> v.visit().id()).toList());
        for (int i : new int[] {0, 1, 4_999, 9_999}) {
            Visit expected = visits.get(i).visit();
            Visit stored = services.visits().load(expected.id());
            assertThat(stored.date()).isEqualTo(expected.date());
            assertThat(stored.pelvicFloor()).isEqualTo(expected.pelvicFloor());
            assertThat(stored.outcomes()).isEqualTo(expected.outcomes());
        }
        assertThat(services.visits().workspace(seeded.id()).visits()).hasSize(3);
        assertThat(services.records().importBytes(out.toByteArray()).changedNothing()).isTrue();
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        ImportSummary first = services.records().importBytes(bytes(BASE));
        assertThat(first.changedNothing()).isFalse();
        String before = content();
        String tables = tables();

        ImportSummary second = services.records().importBytes(bytes(BASE));

        assertThat(second.changedNothing()).isTrue();
        assertThat(second.patientsUnchanged()).isEqualTo(2);
        assertThat(second.visitsUnchanged()).isEqualTo(3);
        assertThat(content()).isEqualTo(before);
        assertThat(tables()).isEqualTo(tables);
    }

    @Test
    void aNewerUpdatedReplacesAndAnOlderOneDoesNot() {
        services.records().importBytes(bytes(BASE));
        UUID p1 = UUID.fromString(P1);
        UUID v2 = UUID.fromString(V2);

        String newer = BASE.replace("\"updated\": \"2026-11-21T10:00:00Z\",\n      \"givenName\": \"Ingeborg\"",
                "\"updated\": \"2026-11-21T11:00:00Z\",\n      \"givenName\": \"Ingeborg\"")
                .replace("worried about leaking at netball", "running again")
                .replace("\"updated\": \"2026-11-21T10:00:00Z\",\n          \"date\": \"2026-11-10\"",
                        "\"updated\": \"2026-11-21T11:00:00Z\",\n          \"date\": \"2026-11-10\"")
                .replace("\"painNrs\": 2", "\"painNrs\": 1");
        assertThat(newer).contains("2026-11-21T11:00:00Z").doesNotContain("netball").contains("\"painNrs\": 1");
        ImportSummary replaced = services.records().importBytes(bytes(newer));
        assertThat(replaced.patientsUpdated()).isEqualTo(1);
        assertThat(replaced.visitsUpdated()).isEqualTo(1);
        assertThat(services.patients().load(p1).notes()).isEqualTo("Confidential: running again");
        assertThat(services.patients().load(p1).updated()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(services.visits().load(v2).symptoms().painNrs()).isEqualTo(1);
        assertThat(services.visits().load(v2).updated()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));

        String content = content();
        String older = BASE.replace("2026-11-21T10:00:00Z", "2026-11-21T09:00:00Z")
                .replace("worried about leaking at netball", "older text").replace("\"painNrs\": 2", "\"painNrs\": 9");
        ImportSummary kept = services.records().importBytes(bytes(older));
        assertThat(kept.changedNothing()).isTrue();
        assertThat(services.patients().load(p1).notes()).isEqualTo("Confidential: running again");
        assertThat(services.visits().load(v2).symptoms().painNrs()).isEqualTo(1);
        assertThat(content()).isEqualTo(content);
    }

    @Test
    void aVisitMissingFromTheFileStays() {
        services.records().importBytes(bytes(BASE));
        String onlyTheFirstVisit = """
                {
                  "format": "rebound-record",
                  "version": 1,
                  "exported": "2026-11-21T13:00:00Z",
                  "patients": [
                    {
                      "id": "%P1%",
                      "updated": "2026-11-21T10:00:00Z",
                      "givenName": "Ingeborg",
                      "familyName": "Kvalheim",
                      "visits": [ { "id": "%V1%", "updated": "2026-11-21T12:00:00Z", "date": "2026-10-20" } ]
                    }
                  ]
                }
                """.replace("%P1%", P1).replace("%V1%", V1);

        ImportSummary summary = services.records().importBytes(bytes(onlyTheFirstVisit));

        assertThat(summary.visitsUpdated()).isEqualTo(1);
        assertThat(summary.patientsUnchanged()).isEqualTo(1);
        assertThat(services.visits().visitsOf(UUID.fromString(P1))).extracting(v -> v.id().toString())
                .containsExactlyInAnyOrder(V1, V2);
        assertThat(services.visits().load(UUID.fromString(V1)).pelvicFloor().power()).isNull();
        assertThat(services.visits().load(UUID.fromString(V2)).symptoms().painNrs()).isEqualTo(2);
        assertThat(services.visits().visitsOf(UUID.fromString(P2))).hasSize(1);
    }

    @Test
    void extensionsAreKeptVerbatimAndWrittenBackUnchanged() throws Exception {
        services.records().importBytes(bytes(BASE));
        assertThat(services.patients().load(UUID.fromString(P1)).extensions()).isEqualTo(PATIENT_EXTENSIONS);
        assertThat(services.visits().load(UUID.fromString(V1)).extensions()).isEqualTo(VISIT_EXTENSIONS);

        Path out = scratch.resolve("out.json");
        services.records().export(List.of(UUID.fromString(P1)), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("\"extensions\": " + PATIENT_EXTENSIONS).contains("\"extensions\": " + VISIT_EXTENSIONS);
    }

    @Test
    void aDecomposedNameIsStoredAndExportedAsNfc() throws Exception {
        String file = base("\"givenName\": \"Sigrid\"", "\"givenName\": \"Zoe\u0308\"")
                .replace("\"familyName\": \"Haugland\"", "\"familyName\": \"O\u0308stberg\"");
        services.records().importBytes(bytes(file));
        Patient patient = services.patients().load(UUID.fromString(P2));
        assertThat(patient.givenName()).isEqualTo("Zo\u00EB");
        assertThat(patient.familyName()).isEqualTo("\u00D6stberg");

        Path out = scratch.resolve("nfc.json");
        services.records().export(List.of(UUID.fromString(P2)), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("\"givenName\": \"Zo\u00EB\"").contains("\"familyName\": \"\u00D6stberg\"")
                .doesNotContain("\u0308");
    }

    @Test
    void timestampsWithAnOffsetAreStoredAsUtcAndExportedWithZ() throws Exception {
        String file = baseFirst("\"updated\": \"2026-11-21T10:00:00Z\"", "\"updated\": \"2026-11-21T12:15:00+02:00\"")
                .replace("\"id\": \"" + V3 + "\",", "\"id\": \"" + V3 + "\", \"updated\": \"2026-11-20T23:30:00-05:00\",");
        services.records().importBytes(bytes(file));
        assertThat(services.patients().load(UUID.fromString(P1)).updated())
                .isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
        assertThat(services.visits().load(UUID.fromString(V3)).updated())
                .isEqualTo(Instant.parse("2026-11-21T04:30:00Z"));

        Path out = scratch.resolve("utc.json");
        services.records().export(List.of(UUID.fromString(P1), UUID.fromString(P2)), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("\"updated\": \"2026-11-21T10:15:00Z\"")
                .contains("\"updated\": \"2026-11-21T04:30:00Z\"").doesNotContain("+02:00").doesNotContain("-05:00");
    }

    @Test
    void extremeTimestampsAreImportedOrRefusedButNeverCrash() {
        for (String extreme : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00")) {
            String file = baseFirst("\"updated\": \"2026-11-21T10:00:00Z\"", "\"updated\": \"" + extreme + "\"");
            String before = content();
            String tables = tables();
            Throwable thrown = catchThrowable(() -> services.records().importBytes(bytes(file)));
            if (thrown != null) {
                assertThat(thrown).as(extreme).isInstanceOf(InvalidRecordException.class);
                assertThat(content()).as(extreme).isEqualTo(before);
                assertThat(tables()).as(extreme).isEqualTo(tables);
            } else {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RecordWriter.write(services.records().snapshot(List.of(UUID.fromString(P1))), out);
                String exported = out.toString(StandardCharsets.UTF_8);
                assertThat(exported).as(extreme).contains("\"updated\": \"");
                assertThat(services.records().importBytes(out.toByteArray()).changedNothing()).as(extreme).isTrue();
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Imports {@code bytes}, which must be refused with InvalidRecordException whose every line
     * starts with a path, "Line N, column M" or "The file" and quotes no patient's text, and
     * checks that the database's content is exactly as before. Returns the errors.
     */
    private List<String> refusedWithoutChange(byte[] bytes) {
        return refusedWithoutChange("", bytes);
    }

    private List<String> refusedWithoutChange(String name, byte[] bytes) {
        String before = content();
        String tables = tables();
        Throwable thrown = catchThrowable(() -> services.records().importBytes(bytes));
        assertThat(content()).as("%s: the exported content is unchanged (%s)", name, thrown).isEqualTo(before);
        assertThat(tables()).as("%s: no row of any table changed (%s)", name, thrown).isEqualTo(tables);
        assertThat(thrown).as("%s: the import is refused", name).isInstanceOf(InvalidRecordException.class);
        List<String> errors = ((InvalidRecordException) thrown).errors();
        assertThat(errors).isNotEmpty();
        for (String error : errors) {
            assertThat(error).as("%s: every error line starts with a JSON path, \"Line N, column M\" or \"The file\"", name)
                    .satisfiesAnyOf(e -> assertThat(e).matches(PATH), e -> assertThat(e).matches(LINE),
                            e -> assertThat(e).startsWith("The file"));
            assertThat(error).as("%s: no error line quotes a patient's name or notes", name)
                    .doesNotContain(PATIENT_TEXT);
            assertThat(error).as("%s: one line, no stack trace or Java class", name).doesNotContain("\n")
                    .doesNotContain("\tat ").doesNotContain("com.fasterxml").doesNotContain("java.");
        }
        return errors;
    }

    /** All patients as export writes them, without the "exported" line. */
    private String content() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(services.records().snapshot(List.of()), out);
        return out.toString(StandardCharsets.UTF_8).replaceFirst("\n *\"exported\": \"[^\"]*\",", "");
    }

    /** Every row of every table, sorted: so nothing else was added either. */
    private String tables() {
        return dumpTables(services);
    }

    static String dumpTables(Services services) {
        var dsl = services.database().dsl();
        List<String> names = dsl.fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME").getValues(0, String.class);
        assertThat(names).isNotEmpty();
        StringBuilder dump = new StringBuilder();
        for (String name : names) {
            List<String> rows = new ArrayList<>();
            for (var record : dsl.fetch("SELECT * FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                StringBuilder row = new StringBuilder();
                for (Object value : record.intoArray()) {
                    row.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value))
                            .append('|');
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            dump.append(name).append(' ').append(rows.size()).append('\n');
            rows.forEach(r -> dump.append(r).append('\n'));
        }
        return dump.toString();
    }
}
