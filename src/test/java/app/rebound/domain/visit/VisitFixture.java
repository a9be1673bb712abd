package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import app.rebound.TestKeys;
import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.demo.Progression;
import app.rebound.service.ProgressService;
import app.rebound.service.Services;

/**
 * A visit for tests, held as record-format paths ("pelvicFloor.power", "strength.SL_BRIDGE.left",
 * "loadImpact.HOP.right") mapped to values; an absent path is a value that was not recorded. One
 * path can be set or removed at a time, which is what the readiness rules and the "missing data
 * never moves a patient forward" principle are about. The patient's birth is the path "birth".
 * The one builder of test visits: {@link #day} starts a completed follow-up for the progress tests,
 * and the shortcuts below ({@link #pain}, {@link #perfect}, {@link #ird}, {@link #psfs}, …) set the
 * paths a test is about.
 */
public final class VisitFixture {

    public static final LocalDate VISIT_DATE = LocalDate.of(2026, 6, 1);
    public static final UUID PATIENT_ID = UUID.fromString("6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60");
    public static final Instant UPDATED = Instant.parse("2026-06-01T10:15:00Z");

    /** The eight symptom flags of the record format, in its order. */
    public static final List<String> SYMPTOM_FLAGS = List.of("urinaryIncontinence", "faecalIncontinence", "urgency",
            "heavinessOrBulge", "dyspareunia", "obstructedDefecation", "abdominalSeparation", "lumbopelvicPain");

    public static final String BIRTH = "birth";
    public static final String RED_FLAGS = "redFlags";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<LocalDate> otherBirths = new ArrayList<>();
    private UUID id = UUID.randomUUID();
    private UUID patientId = PATIENT_ID;
    private LocalDate date = VISIT_DATE;
    private Instant updated = UPDATED;

    private VisitFixture() {
    }

    /** The first day of the progress tests' series of visits. */
    public static final LocalDate START = LocalDate.of(2026, 1, 5);

    /** Nothing recorded at all, and no birth. */
    public static VisitFixture empty() {
        return new VisitFixture();
    }

    /**
     * Every walk-run criterion of clinical reference section 8 met: 120 days since birth, red flags
     * asked and none present, all eight symptom flags asked and absent, MOS 4 with complete
     * relaxation on a vaginal examination, all load and impact tests passed on each side, and 25
     * repetitions on each side of all four strength tests.
     */
    public static VisitFixture ready() {
        VisitFixture f = new VisitFixture();
        f.with(BIRTH, VISIT_DATE.minusDays(120));
        f.with(RED_FLAGS, Set.of());
        f.symptoms(false);
        f.with("pelvicFloor.method", ExamMethod.VAGINAL_DIGITAL);
        f.with("pelvicFloor.power", 4);
        f.with("pelvicFloor.relaxation", Relaxation.COMPLETE);
        f.with("pelvicFloor.tone", Tone.NORMAL);
        f.allLoad(TestStatus.PASS);
        f.allStrength(25);
        return f;
    }

    /** Every path a readiness rule could read, plus some it must not read. */
    public static List<String> allPaths() {
        List<String> paths = new ArrayList<>();
        paths.add(BIRTH);
        paths.add(RED_FLAGS);
        SYMPTOM_FLAGS.forEach(s -> paths.add("symptoms." + s));
        paths.add("symptoms.painNrs");
        paths.add("symptoms.runSymptomOnsetMinutes");
        for (String p : List.of("method", "power", "enduranceSeconds", "repetitions", "fastContractions",
                "elevation", "coContraction", "coughPrecontraction", "relaxation", "tone",
                "standingSubmaxHoldSeconds")) {
            paths.add("pelvicFloor." + p);
        }
        paths.addAll(loadPaths());
        paths.addAll(strengthPaths());
        return paths;
    }

    public static List<String> strengthPaths() {
        List<String> paths = new ArrayList<>();
        for (StrengthTest t : StrengthTest.values()) {
            paths.add("strength." + t.name() + ".left");
            paths.add("strength." + t.name() + ".right");
        }
        return paths;
    }

    /** "loadImpact.WALK" for a whole test, "loadImpact.HOP.left" and ".right" for a one-sided one. */
    public static List<String> loadPaths() {
        List<String> paths = new ArrayList<>();
        for (LoadTest t : LoadTest.values()) {
            if (t.oneSided()) {
                paths.add("loadImpact." + t.name() + ".left");
                paths.add("loadImpact." + t.name() + ".right");
            } else {
                paths.add("loadImpact." + t.name());
            }
        }
        return paths;
    }

    public VisitFixture copy() {
        VisitFixture c = new VisitFixture();
        c.values.putAll(values);
        c.otherBirths.addAll(otherBirths);
        c.id = id;
        c.patientId = patientId;
        c.date = date;
        c.updated = updated;
        return c;
    }

    /** Records a value; null removes it (not recorded). */
    public VisitFixture with(String path, Object value) {
        if (value == null) {
            values.remove(path);
        } else {
            values.put(path, value);
        }
        return this;
    }

    public VisitFixture without(String path) {
        return with(path, null);
    }

    public Object get(String path) {
        return values.get(path);
    }

    public Set<String> recordedPaths() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public VisitFixture id(UUID value) {
        id = value;
        return this;
    }

    public VisitFixture date(LocalDate value) {
        date = value;
        return this;
    }

    public VisitFixture updated(Instant value) {
        updated = value;
        return this;
    }

    public LocalDate date() {
        return date;
    }

    /** A further birth besides the one at path "birth". */
    public VisitFixture alsoBorn(LocalDate birth) {
        otherBirths.add(birth);
        return this;
    }

    public VisitFixture symptoms(Boolean every) {
        SYMPTOM_FLAGS.forEach(s -> with("symptoms." + s, every));
        return this;
    }

    public VisitFixture symptom(String flag, Boolean value) {
        return with("symptoms." + flag, value);
    }

    public VisitFixture strength(StrengthTest test, Integer left, Integer right) {
        with("strength." + test.name() + ".left", left);
        return with("strength." + test.name() + ".right", right);
    }

    public VisitFixture allStrength(Integer reps) {
        for (StrengthTest t : StrengthTest.values()) {
            strength(t, reps, reps);
        }
        return this;
    }

    /** The result of a test: for a one-sided test, the same on each side. */
    public VisitFixture load(LoadTest test, LoadResult result) {
        if (test.oneSided()) {
            with("loadImpact." + test.name() + ".left", result);
            return with("loadImpact." + test.name() + ".right", result);
        }
        return with("loadImpact." + test.name(), result);
    }

    public VisitFixture load(LoadTest test, TestStatus status) {
        return load(test, status == null ? null : LoadResult.of(status));
    }

    public VisitFixture loadSide(LoadTest test, Side side, LoadResult result) {
        return with("loadImpact." + test.name() + (side == Side.LEFT ? ".left" : ".right"), result);
    }

    public VisitFixture allLoad(TestStatus status) {
        for (LoadTest t : LoadTest.values()) {
            load(t, status);
        }
        return this;
    }

    /** A completed follow-up {@code days} after {@link #START}, nothing else recorded: the progress tests' visit. */
    public static VisitFixture day(int days) {
        return new VisitFixture().date(START.plusDays(days)).with("status", VisitStatus.COMPLETE)
                .with("kind", VisitKind.FOLLOW_UP);
    }

    public VisitFixture forPatient(UUID value) {
        patientId = value;
        return this;
    }

    public VisitFixture draft() {
        return with("status", VisitStatus.DRAFT);
    }

    /** Pain on running, 0-10 (symptoms.painNrs). */
    public VisitFixture pain(Integer value) {
        return with("symptoms.painNrs", value);
    }

    /** Minutes of running before symptoms start (symptoms.runSymptomOnsetMinutes). */
    public VisitFixture runOnset(Integer value) {
        return with("symptoms.runSymptomOnsetMinutes", value);
    }

    /** The PERFECT scheme's power, endurance (s), repetitions and fast contractions. */
    public VisitFixture perfect(Integer power, Integer endurance, Integer repetitions, Integer fast) {
        return with("pelvicFloor.power", power).with("pelvicFloor.enduranceSeconds", endurance)
                .with("pelvicFloor.repetitions", repetitions).with("pelvicFloor.fastContractions", fast);
    }

    public VisitFixture power(Integer value) {
        return with("pelvicFloor.power", value);
    }

    /** The inter-recti distance by palpation above, at and below the umbilicus (null: not measured). */
    public VisitFixture ird(IrdUnit unit, String above, String at, String below) {
        return with("abdominalWall.method", AbdominalMethod.PALPATION).with("abdominalWall.unit", unit)
                .with("abdominalWall.aboveUmbilicus", decimal(above)).with("abdominalWall.atUmbilicus", decimal(at))
                .with("abdominalWall.belowUmbilicus", decimal(below));
    }

    /** A two-sided load test's result on each side (null: that side not recorded). */
    public VisitFixture load(LoadTest test, TestStatus left, TestStatus right) {
        with("loadImpact." + test.name() + ".left", left == null ? null : LoadResult.of(left));
        return with("loadImpact." + test.name() + ".right", right == null ? null : LoadResult.of(right));
    }

    /** PSFS activities "Activity 1", "Activity 2", … with these scores. */
    public VisitFixture psfs(Integer... scores) {
        List<PsfsItem> items = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            items.add(new PsfsItem("Activity " + (i + 1), scores[i]));
        }
        return with("outcomes.psfs", items);
    }

    public VisitFixture iciq(Integer value) {
        return with("outcomes.iciqUiSfScore", value);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    public List<Birth> births() {
        List<Birth> births = new ArrayList<>();
        if (values.get(BIRTH) != null) {
            births.add(new Birth((LocalDate) values.get(BIRTH), null, null));
        }
        otherBirths.forEach(d -> births.add(new Birth(d, null, null)));
        return births;
    }

    public ReadinessSummary evaluate() {
        return ReadinessRules.evaluate(visit(), births(), null);
    }

    public SuggestedStage stage() {
        return evaluate().suggestedStage();
    }

    public CriterionStatus status(ReadinessCriterion criterion) {
        return evaluate().criterion(criterion).status();
    }

    @SuppressWarnings("unchecked")
    public Visit visit() {
        History history = new History(bool("history.breastfeeding"), dec("history.sleepHours"), dec("history.bmi"),
                bool("history.hypermobility"), bool("history.psychologicalConcern"), bool("history.redsConcern"),
                bool("history.leakedBeforeOrDuringPregnancy"), (SupportDevice) get("history.supportDevice"));
        Symptoms symptoms = new Symptoms(bool("symptoms.urinaryIncontinence"), bool("symptoms.faecalIncontinence"),
                bool("symptoms.urgency"), bool("symptoms.heavinessOrBulge"), bool("symptoms.dyspareunia"),
                bool("symptoms.obstructedDefecation"), bool("symptoms.abdominalSeparation"),
                bool("symptoms.lumbopelvicPain"), integer("symptoms.painNrs"),
                integer("symptoms.runSymptomOnsetMinutes"));
        PelvicFloorExam floor = new PelvicFloorExam((ExamMethod) get("pelvicFloor.method"),
                integer("pelvicFloor.power"), integer("pelvicFloor.enduranceSeconds"),
                integer("pelvicFloor.repetitions"), integer("pelvicFloor.fastContractions"),
                bool("pelvicFloor.elevation"), bool("pelvicFloor.coContraction"),
                bool("pelvicFloor.coughPrecontraction"), (Relaxation) get("pelvicFloor.relaxation"),
                (Tone) get("pelvicFloor.tone"), integer("pelvicFloor.standingSubmaxHoldSeconds"),
                (String) get("pelvicFloor.notes"));
        AbdominalWall wall = new AbdominalWall((AbdominalMethod) get("abdominalWall.method"),
                (IrdUnit) get("abdominalWall.unit"), dec("abdominalWall.aboveUmbilicus"),
                dec("abdominalWall.atUmbilicus"), dec("abdominalWall.belowUmbilicus"), bool("abdominalWall.doming"),
                (LineaAlba) get("abdominalWall.lineaAlba"));

        Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
        for (StrengthTest t : StrengthTest.values()) {
            Integer left = integer("strength." + t.name() + ".left");
            Integer right = integer("strength." + t.name() + ".right");
            if (left != null || right != null) {
                strength.put(t, Sides.of(left, right));
            }
        }
        Map<LoadTest, LoadEntry> load = new EnumMap<>(LoadTest.class);
        for (LoadTest t : LoadTest.values()) {
            Object whole = get("loadImpact." + t.name());
            if (whole instanceof LoadEntry entry) {
                load.put(t, entry);
            } else if (whole instanceof LoadResult result) {
                load.put(t, new LoadEntry.Whole(result));
            } else {
                LoadResult left = (LoadResult) get("loadImpact." + t.name() + ".left");
                LoadResult right = (LoadResult) get("loadImpact." + t.name() + ".right");
                if (left != null || right != null) {
                    load.put(t, new LoadEntry.PerSide(Sides.of(left, right)));
                }
            }
        }
        Outcomes outcomes = new Outcomes((List<PsfsItem>) get("outcomes.psfs"), integer("outcomes.iciqUiSfScore"),
                integer("outcomes.pgiI"));
        return new Visit(id, patientId, updated, date, (VisitStatus) get("status"), (String) get("clinician"),
                (VisitKind) get("kind"), history, symptoms, (Set<RedFlag>) get(RED_FLAGS), floor, wall, strength,
                load, outcomes, (Stage) get("stage"), (String) get("notes"), (String) get("extensions"));
    }

    private Boolean bool(String path) {
        return (Boolean) get(path);
    }

    private Integer integer(String path) {
        return (Integer) get(path);
    }

    private BigDecimal dec(String path) {
        return (BigDecimal) get(path);
    }

    @Override
    public String toString() {
        return "Visit " + date + " " + values + (otherBirths.isEmpty() ? "" : " other births " + otherBirths);
    }

    // --- sample visits for the store, service and record tests ---------------------------------------
    //
    // Sample visits for the store and service tests: one with every field of record-format VISIT
    // filled, one with nearly nothing. Text is already clean (trimmed, NFC) so the service keeps it as
    // it is; decimals are in their shortest form, as the store gives them back.

    /** Notes in two scripts with a long dash, in NFC ("ë" is one code point). */
    public static final String UNICODE_NOTES = "Zo\u00EB \u2014 \u674E\u5C0F\u9F99";

    /** Every field of every section filled, with decimals such as 2.5 and two red flags. */
    public static Visit full(UUID patientId, LocalDate date) {
        History history = new History(true, new BigDecimal("6.5"), new BigDecimal("23.45"), false, true, false, true,
                SupportDevice.PESSARY);
        Symptoms symptoms = new Symptoms(true, false, true, false, true, false, true, false, 4, 12);
        Set<RedFlag> redFlags = EnumSet.of(RedFlag.FEVER, RedFlag.WOUND_INFECTION);
        PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, 3, 6, 5, 8, true, false, true,
                Relaxation.PARTIAL, Tone.HIGH, 45, "Left side weaker;\nsecond line \u00E9");
        AbdominalWall wall = new AbdominalWall(AbdominalMethod.CALIPER, IrdUnit.CM, new BigDecimal("2.5"),
                new BigDecimal("3"), new BigDecimal("1.25"), true, LineaAlba.SOFT);
        Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
        strength.put(StrengthTest.CALF_RAISE, Sides.of(25, 18));
        strength.put(StrengthTest.SL_BRIDGE, Sides.of(20, 0));
        strength.put(StrengthTest.SL_SIT_STAND, Sides.of(12, 14));
        strength.put(StrengthTest.SIDE_ABDUCTION, Sides.of(200, 9));
        Map<LoadTest, LoadEntry> load = new EnumMap<>(LoadTest.class);
        load.put(LoadTest.WALK, new LoadEntry.Whole(LoadResult.of(TestStatus.PASS)));
        load.put(LoadTest.SL_BALANCE, new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.PASS),
                LoadResult.of(TestStatus.INCOMPLETE))));
        load.put(LoadTest.SL_SQUAT, new LoadEntry.PerSide(Sides.of(
                LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.PAIN, TestSymptom.LEAKAGE),
                LoadResult.of(TestStatus.PASS))));
        load.put(LoadTest.JOG_SPOT, new LoadEntry.Whole(LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE,
                TestSymptom.HEAVINESS, TestSymptom.PAIN, TestSymptom.DOMING)));
        load.put(LoadTest.FWD_BOUNDS, new LoadEntry.Whole(LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.DOMING)));
        load.put(LoadTest.HOP, new LoadEntry.PerSide(Sides.of(
                LoadResult.of(TestStatus.INCOMPLETE, TestSymptom.HEAVINESS),
                LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.LEAKAGE))));
        load.put(LoadTest.RUNNING_MAN, new LoadEntry.PerSide(Sides.of(LoadResult.of(TestStatus.NOT_TESTED),
                LoadResult.of(TestStatus.SYMPTOMS, TestSymptom.DOMING, TestSymptom.PAIN))));
        Outcomes outcomes = new Outcomes(List.of(
                new PsfsItem("Running 5 km", 2),
                new PsfsItem("Lifting the toddler", 7),
                new PsfsItem("Jumping with the kids", 0),
                new PsfsItem("Stairs", 10),
                new PsfsItem("Parkrun \u00E0 Z\u00FCrich \u674E", 5)), 14, 3);
        return new Visit(UUID.randomUUID(), patientId, Instant.parse("2026-01-01T00:00:00Z"), date,
                VisitStatus.DRAFT, "Zo\u00EB \u00D8deg\u00E5rd", VisitKind.FOLLOW_UP, history, symptoms, redFlags,
                floor, wall, strength, load, outcomes, Stage.LOW_LOAD, UNICODE_NOTES,
                "{\"vendor\": {\"x\": [1, 2.50, \"\u674E\"]},  \"spaces\" :true}");
    }

    /**
     * Nearly nothing recorded, but the few answers that look like "nothing" are real answers: red
     * flags asked and none present, one symptom asked and absent, 0 pain, symptoms at once (0 minutes),
     * 0 pelvic floor repetitions, 0 repetitions on the left of one strength test.
     */
    public static Visit nearlyEmpty(UUID patientId, LocalDate date) {
        Symptoms symptoms = new Symptoms(false, null, null, null, null, null, null, null, 0, 0);
        PelvicFloorExam floor = new PelvicFloorExam(null, null, null, 0, null, null, null, null, null, null, null,
                null);
        Map<StrengthTest, Sides<Integer>> strength = Map.of(StrengthTest.SL_BRIDGE, Sides.of(0, null));
        return new Visit(UUID.randomUUID(), patientId, Instant.parse("2026-01-01T00:00:00Z"), date,
                VisitStatus.DRAFT, null, null, null, symptoms, Set.of(), floor, null, strength, null, null, null, null,
                null);
    }

    /** The same visit with another id. */
    public static Visit withId(Visit v, UUID id) {
        return new Visit(id, v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(), v.history(),
                v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with other notes. */
    public static Visit withNotes(Visit v, String notes) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                v.loadImpact(), v.outcomes(), v.stage(), v.stageReason(), notes, v.extensions());
    }

    /** The same visit on another date. */
    public static Visit withDate(Visit v, LocalDate date) {
        return new Visit(v.id(), v.patientId(), v.updated(), date, v.status(), v.clinician(), v.kind(), v.history(),
                v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with other red flags (null: not asked). */
    public static Visit withRedFlags(Visit v, Set<RedFlag> redFlags) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), redFlags, v.pelvicFloor(), v.abdominalWall(), v.strength(),
                v.loadImpact(), v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with another pelvic floor exam. */
    public static Visit withPelvicFloor(Visit v, PelvicFloorExam floor) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), floor, v.abdominalWall(), v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with another abdominal wall section. */
    public static Visit withAbdominalWall(Visit v, AbdominalWall wall) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), wall, v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with other strength results. */
    public static Visit withStrength(Visit v, Map<StrengthTest, Sides<Integer>> strength) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), strength,
                v.loadImpact(), v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with other load and impact results. */
    public static Visit withLoad(Visit v, Map<LoadTest, LoadEntry> load) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(), load,
                v.outcomes(), v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    /** The same visit with another chosen stage. */
    public static Visit withStage(Visit v, Stage stage) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                v.loadImpact(), v.outcomes(), stage, v.notes(), v.extensions());
    }

    /** The same visit with other outcomes. */
    public static Visit withOutcomes(Visit v, Outcomes outcomes) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                v.loadImpact(), outcomes, v.stage(), v.stageReason(), v.notes(), v.extensions());
    }

    // --- patients with progress to chart, for the progress, report, record and command tests ------

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

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

    /** Seeds a data folder for trying the progress view: {@code java ... VisitFixture --seed DIR}. */
    static void seedFolder(Path folder) {
        try (Services services = Services.open(folder, TestKeys.KEY, Clock.systemDefaultZone(), Locale.UK)) {
            seed(services, "Zoë", "Ødegård", 8, 7);
            seed(services, "小龙", "李", 3, 11);
            seed(services, "Ana-María", "O'Neil", 1, 5);
        }
    }

    /** Writes a sample report: {@code java ... VisitFixture out.pdf [visits]}. */
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
