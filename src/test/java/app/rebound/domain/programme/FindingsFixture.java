package app.rebound.domain.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;

/**
 * A visit's findings for the programme rules, built a finding at a time. The default is a patient with
 * nothing against her: MOS 3 (PERFECT 6/5/8), the Knack present, relaxation complete, every strength test
 * 20 each side, every load test passed, no gap, red flags asked and none.
 */
public final class FindingsFixture {

    PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, 3, 6, 5, 8, true, true, true,
            Relaxation.COMPLETE, Tone.NORMAL, null, null);
    Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
    Map<LoadTest, LoadEntry> load = new EnumMap<>(LoadTest.class);
    AbdominalWall wall = AbdominalWall.EMPTY;
    Set<RedFlag> redFlags = Set.of();

    public FindingsFixture() {
        for (StrengthTest test : StrengthTest.values()) {
            strength.put(test, Sides.of(20, 20));
        }
        for (LoadTest test : LoadTest.values()) {
            load.put(test, result(test, TestStatus.PASS, TestStatus.PASS));
        }
    }

    public static LoadEntry result(LoadTest test, TestStatus left, TestStatus right) {
        return test.oneSided() ? new LoadEntry.PerSide(Sides.of(LoadResult.of(left), LoadResult.of(right)))
                : new LoadEntry.Whole(LoadResult.of(left));
    }

    public FindingsFixture floor(Integer power, Boolean knack, Relaxation relaxation, Tone tone) {
        floor = new PelvicFloorExam(power == null ? ExamMethod.OBSERVATION : ExamMethod.VAGINAL_DIGITAL, power,
                power == null ? null : 6, power == null ? null : 5, power == null ? null : 8, null, null, knack,
                relaxation, tone, null, null);
        return this;
    }

    public FindingsFixture strength(StrengthTest test, Integer left, Integer right) {
        strength.put(test, Sides.of(left, right));
        return this;
    }

    public FindingsFixture load(LoadTest test, LoadEntry entry) {
        if (entry == null) {
            load.remove(test);
        } else {
            load.put(test, entry);
        }
        return this;
    }

    public FindingsFixture failed(LoadTest test) {
        return load(test, result(test, TestStatus.SYMPTOMS, TestStatus.PASS));
    }

    public FindingsFixture gap(IrdUnit unit, String atUmbilicus, Boolean doming) {
        wall = new AbdominalWall(null, unit, null, atUmbilicus == null ? null : new BigDecimal(atUmbilicus), null,
                doming, null);
        return this;
    }

    public Visit visit() {
        return visit(UUID.randomUUID(), LocalDate.of(2026, 11, 2), null);
    }

    /** Her visit on the day, with the stage the clinician chose (null: the suggestion). */
    public Visit visit(UUID patientId, LocalDate date, Stage stage) {
        return new Visit(UUID.randomUUID(), patientId, Instant.EPOCH, date, null, null, VisitKind.INITIAL, null, null,
                redFlags, floor, wall, strength, load, null, stage, null, null);
    }
}
