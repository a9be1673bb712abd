package app.rebound.domain.programme;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;

/**
 * What the programme rules of clinical reference §9 read from a visit: the stage, the pelvic floor exam,
 * the strength and load tests, the abdominal wall, and her weekly running before pregnancy.
 */
public record Findings(Stage stage, Visit visit, BigDecimal previousWeeklyRunKm) {

    /** DRA: a gap of 2 finger widths, 2 cm or 20 mm or more at any site (Sperstad 2016). */
    static final BigDecimal DRA_FINGERS = new BigDecimal("2");
    static final BigDecimal DRA_CM = new BigDecimal("2");
    static final BigDecimal DRA_MM = new BigDecimal("20");

    public PelvicFloorExam floor() {
        return visit.pelvicFloor();
    }

    /** DOWN_TRAIN: tone HIGH, or relaxation ABSENT. */
    public boolean downTrain() {
        return floor().tone() == Tone.HIGH || floor().relaxation() == Relaxation.ABSENT;
    }

    /** PF_FIND: power (MOS) 0–1. */
    public boolean findContraction() {
        return floor().power() != null && floor().power() <= 1;
    }

    /** PF_DOSE: MOS 2 or more. */
    public boolean dosedFromPerfect() {
        return floor().power() != null && floor().power() >= 2;
    }

    /** PF_DEFAULT: MOS not recorded. */
    public boolean powerNotRecorded() {
        return floor().power() == null;
    }

    /** KNACK: the Knack recorded absent, with MOS 2 or more or not recorded. */
    public boolean knackAbsent() {
        return Boolean.FALSE.equals(floor().coughPrecontraction()) && !findContraction();
    }

    /** A strength test's repetitions on each side (either may be null). */
    public Sides<Integer> strength(StrengthTest test) {
        Sides<Integer> sides = visit.strength().get(test);
        return sides == null ? Sides.of(null, null) : sides;
    }

    /** A load test recorded SYMPTOMS or INCOMPLETE on any side. */
    public boolean loadFailed(LoadTest test) {
        return results(test).anyMatch(r -> r.status() == TestStatus.SYMPTOMS || r.status() == TestStatus.INCOMPLETE);
    }

    /**
     * A load test not recorded (on a side a one-sided test needs), and not failed: missing never moves her
     * forward, so it caps like a failed one.
     */
    public boolean loadUntested(LoadTest test) {
        if (loadFailed(test)) {
            return false;
        }
        LoadEntry entry = visit.loadImpact().get(test);
        if (entry instanceof LoadEntry.Whole whole) {
            return whole.result() == null || !whole.result().recorded();
        }
        if (entry instanceof LoadEntry.PerSide per) {
            Sides<LoadResult> s = per.sides();
            return s == null || !recorded(s.left()) || !recorded(s.right());
        }
        return true;
    }

    private static boolean recorded(LoadResult result) {
        return result != null && result.recorded();
    }

    private Stream<LoadResult> results(LoadTest test) {
        LoadEntry entry = visit.loadImpact().get(test);
        if (entry instanceof LoadEntry.Whole whole) {
            return Stream.ofNullable(whole.result());
        }
        if (entry instanceof LoadEntry.PerSide per && per.sides() != null) {
            return Stream.of(per.sides().left(), per.sides().right()).filter(r -> r != null);
        }
        return Stream.empty();
    }

    /** The load tests recorded failed, in their order. */
    public Set<LoadTest> failedLoadTests() {
        Set<LoadTest> failed = EnumSet.noneOf(LoadTest.class);
        for (LoadTest test : LoadTest.values()) {
            if (loadFailed(test)) {
                failed.add(test);
            }
        }
        return failed;
    }

    /**
     * DRA: an inter-rectus distance of 2 finger widths, 2 cm or 20 mm or more at any of the three sites (a
     * distance without a unit does not count), doming, or DOMING seen during a load test.
     */
    public boolean diastasis() {
        AbdominalWall wall = visit.abdominalWall();
        if (Boolean.TRUE.equals(wall.doming())) {
            return true;
        }
        if (wall.unit() != null) {
            BigDecimal threshold = wall.unit() == IrdUnit.FINGER_WIDTHS ? DRA_FINGERS
                    : wall.unit() == IrdUnit.CM ? DRA_CM : DRA_MM;
            for (BigDecimal distance : new BigDecimal[] {wall.aboveUmbilicus(), wall.atUmbilicus(),
                    wall.belowUmbilicus()}) {
                if (distance != null && distance.compareTo(threshold) >= 0) {
                    return true;
                }
            }
        }
        for (Map.Entry<LoadTest, LoadEntry> e : visit.loadImpact().entrySet()) {
            if (results(e.getKey()).anyMatch(r -> r.symptoms().contains(TestSymptom.DOMING))) {
                return true;
            }
        }
        return false;
    }
}
