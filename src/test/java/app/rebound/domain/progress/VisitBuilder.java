package app.rebound.domain.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;

/** A visit for the progress tests with only the measures a test is about; everything else not recorded. */
final class VisitBuilder {

    static final UUID PATIENT = UUID.fromString("0b7e3c52-9a1d-4f6e-8c2b-5d4a3e2f1a90");
    static final LocalDate START = LocalDate.of(2026, 1, 5);

    private UUID id = UUID.randomUUID();
    private final LocalDate date;
    private VisitStatus status = VisitStatus.COMPLETE;
    private Integer pain;
    private Integer runOnset;
    private Integer power;
    private Integer endurance;
    private Integer repetitions;
    private Integer fast;
    private AbdominalWall wall;
    private final Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
    private final Map<LoadTest, LoadEntry> load = new EnumMap<>(LoadTest.class);
    private List<PsfsItem> psfs = List.of();
    private Integer iciq;

    private VisitBuilder(LocalDate date) {
        this.date = date;
    }

    static VisitBuilder on(LocalDate date) {
        return new VisitBuilder(date);
    }

    /** A visit {@code days} after {@link #START}. */
    static VisitBuilder day(int days) {
        return new VisitBuilder(START.plusDays(days));
    }

    VisitBuilder id(UUID value) {
        id = value;
        return this;
    }

    VisitBuilder draft() {
        status = VisitStatus.DRAFT;
        return this;
    }

    VisitBuilder pain(Integer value) {
        pain = value;
        return this;
    }

    VisitBuilder runOnset(Integer value) {
        runOnset = value;
        return this;
    }

    VisitBuilder perfect(Integer power, Integer endurance, Integer repetitions, Integer fast) {
        this.power = power;
        this.endurance = endurance;
        this.repetitions = repetitions;
        this.fast = fast;
        return this;
    }

    VisitBuilder power(Integer value) {
        power = value;
        return this;
    }

    VisitBuilder ird(IrdUnit unit, String above, String at, String below) {
        wall = new AbdominalWall(AbdominalMethod.PALPATION, unit,
                decimal(above), decimal(at), decimal(below), null, null);
        return this;
    }

    VisitBuilder strength(StrengthTest test, Integer left, Integer right) {
        strength.put(test, Sides.of(left, right));
        return this;
    }

    VisitBuilder load(LoadTest test, TestStatus status) {
        load.put(test, new LoadEntry.Whole(LoadResult.of(status)));
        return this;
    }

    VisitBuilder load(LoadTest test, TestStatus left, TestStatus right) {
        load.put(test, new LoadEntry.PerSide(Sides.of(left == null ? null : LoadResult.of(left),
                right == null ? null : LoadResult.of(right))));
        return this;
    }

    VisitBuilder psfs(Integer... scores) {
        List<PsfsItem> items = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            items.add(new PsfsItem("Activity " + (i + 1), scores[i]));
        }
        psfs = items;
        return this;
    }

    VisitBuilder iciq(Integer value) {
        iciq = value;
        return this;
    }

    Visit build() {
        Symptoms symptoms = new Symptoms(null, null, null, null, null, null, null, null, pain, runOnset);
        PelvicFloorExam floor = new PelvicFloorExam(null, power, endurance, repetitions, fast, null, null, null, null,
                null, null, null);
        return new Visit(id, PATIENT, Instant.parse("2026-01-01T00:00:00Z"), date, status, null,
                VisitKind.FOLLOW_UP, null, symptoms, null, floor, wall, strength, load,
                new Outcomes(psfs, iciq, null), null, null, null);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
