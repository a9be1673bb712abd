package app.rebound.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;

/**
 * Sample visits for the store and service tests: one with every field of record-format VISIT
 * filled, one with nearly nothing. Text is already clean (trimmed, NFC) so the service keeps it as
 * it is; decimals are in their shortest form, as the store gives them back.
 */
public final class VisitSamples {

    /** Notes in two scripts with a long dash, in NFC ("ë" is one code point). */
    public static final String UNICODE_NOTES = "Zo\u00EB \u2014 \u674E\u5C0F\u9F99";

    private VisitSamples() {
    }

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
}
