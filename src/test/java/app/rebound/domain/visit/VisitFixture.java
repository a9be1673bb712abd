package app.rebound.domain.visit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.Birth;

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

    public VisitFixture patient(UUID value) {
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
}
