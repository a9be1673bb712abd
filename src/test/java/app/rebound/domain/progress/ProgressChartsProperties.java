package app.rebound.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import app.rebound.domain.DecimalRange;
import app.rebound.domain.IntRange;
import app.rebound.domain.progress.ProgressCharts.Entry;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
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

/**
 * Random lists of visits, in any order, each with a random subset of its measures recorded (every
 * value within its range of {@link Measures}): every chart has one point per visit in date order,
 * and every recorded value lies on its chart's axis.
 */
class ProgressChartsProperties {

    private static final int TRIES = 300;
    private static final UUID PATIENT = UUID.fromString("0b7e3c52-9a1d-4f6e-8c2b-5d4a3e2f1a90");
    private static final LocalDate EARLIEST = LocalDate.of(2024, 1, 1);

    @Property(tries = TRIES)
    void everySeriesHasOnePointPerVisitInDateOrder(@ForAll("entries") List<Entry> entries) {
        List<ProgressChart> charts = ProgressCharts.build(entries);

        Set<UUID> ids = entries.stream().map(e -> e.visit().id()).collect(Collectors.toSet());
        assertThat(charts).isNotEmpty();
        for (ProgressChart chart : charts) {
            assertThat(chart.visits()).as(chart.id()).hasSize(entries.size());
            assertNonDecreasing(chart.id() + " visits", chart.visits().stream().map(VisitMark::date).toList());
            for (ChartSeries series : chart.series()) {
                String name = chart.id() + "/" + series.key();
                assertThat(series.points()).as(name).hasSize(entries.size());
                assertThat(series.points().stream().map(ChartPoint::visitId).collect(Collectors.toSet())).as(name)
                        .isEqualTo(ids);
                assertNonDecreasing(name, series.points().stream().map(ChartPoint::date).toList());
                assertThat(series.points()).extracting(ChartPoint::visitId).as(name)
                        .containsExactlyElementsOf(chart.visits().stream().map(VisitMark::visitId).toList());
            }
        }
    }

    @Property(tries = TRIES)
    void everyRecordedValueLiesOnTheAxis(@ForAll("entries") List<Entry> entries) {
        for (ProgressChart chart : ProgressCharts.build(entries)) {
            assertThat(chart.min()).as(chart.id()).isLessThan(chart.max());
            for (ChartSeries series : chart.series()) {
                for (ChartPoint point : series.values()) {
                    assertThat(point.value()).as("%s/%s on %s", chart.id(), series.key(), point.date())
                            .isBetween(chart.min(), chart.max());
                    assertThat(point.value()).isNotNaN();
                }
            }
        }
    }

    @Property(tries = TRIES)
    void aMeasureNotRecordedIsAGapAndARecordedOneIsNot(@ForAll("entries") List<Entry> entries) {
        List<ProgressChart> charts = ProgressCharts.build(entries);
        Map<UUID, Visit> visits = entries.stream().map(Entry::visit)
                .collect(Collectors.toMap(Visit::id, v -> v, (a, b) -> a));

        for (ChartPoint p : series(charts, ProgressCharts.PAIN, "pain").points()) {
            Integer pain = visits.get(p.visitId()).symptoms().painNrs();
            assertThat(p.value()).isEqualTo(pain == null ? null : pain.doubleValue());
        }
        for (ChartPoint p : series(charts, ProgressCharts.PERFECT, "power").points()) {
            Integer power = visits.get(p.visitId()).pelvicFloor().power();
            assertThat(p.value()).isEqualTo(power == null ? null : power.doubleValue());
        }
        for (ChartPoint p : series(charts, ProgressCharts.LOAD, "passed").points()) {
            Visit v = visits.get(p.visitId());
            assertThat(p.present()).isEqualTo(!v.loadImpact().isEmpty());
            if (p.present()) {
                assertThat(p.value()).isEqualTo((double) ProgressCharts.passedTests(v).size());
            }
        }
        for (ProgressChart chart : charts) {
            if (!chart.id().startsWith("ird")) {
                continue;
            }
            for (ChartPoint p : chart.series("above").orElseThrow().values()) {
                AbdominalWall wall = visits.get(p.visitId()).abdominalWall();
                assertThat(ProgressCharts.irdId(wall.unit())).as("a distance is on its own unit's chart only")
                        .isEqualTo(chart.id());
                assertThat(p.value()).isEqualTo(wall.aboveUmbilicus().doubleValue());
            }
        }
    }

    @Property(tries = TRIES)
    void segmentsHoldEveryRecordedPointAndNoGap(@ForAll("entries") List<Entry> entries) {
        for (ProgressChart chart : ProgressCharts.build(entries)) {
            for (ChartSeries series : chart.series()) {
                List<ChartPoint> joined = series.segments().stream().flatMap(List::stream).toList();
                assertThat(joined).isEqualTo(series.values());
                assertThat(series.segments()).allSatisfy(s -> assertThat(s).isNotEmpty());
            }
        }
    }

    private static ChartSeries series(List<ProgressChart> charts, String id, String key) {
        return ProgressCharts.find(charts, id).orElseThrow().series(key).orElseThrow();
    }

    private static void assertNonDecreasing(String what, List<LocalDate> dates) {
        for (int i = 1; i < dates.size(); i++) {
            assertThat(dates.get(i)).as("%s at %s", what, i).isAfterOrEqualTo(dates.get(i - 1));
        }
    }

    // ---- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<String> stage = Arbitraries.of("", "1 Protect", "2 Connect", "3 Build", "Refer").injectNull(0.2);
        Arbitrary<Entry> entry = Combinators.combine(visits(), stage).as(Entry::new);
        return entry.list().ofMaxSize(12);
    }

    private static Arbitrary<Visit> visits() {
        Arbitrary<UUID> ids = Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
        // a few dates, so that several visits fall on the same day
        Arbitrary<LocalDate> dates = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 800).map(EARLIEST::plusDays)),
                Tuple.of(1, Arbitraries.integers().between(0, 3).map(EARLIEST::plusDays)));
        Arbitrary<Symptoms> symptoms = Combinators.combine(in(Measures.PAIN_NRS), in(Measures.RUN_SYMPTOM_ONSET_MINUTES))
                .as((pain, run) -> new Symptoms(null, null, null, null, null, null, null, null, pain, run));
        Arbitrary<PelvicFloorExam> floor = Combinators.combine(in(Measures.POWER), in(Measures.ENDURANCE_SECONDS),
                in(Measures.REPETITIONS), in(Measures.FAST_CONTRACTIONS))
                .as((power, endurance, reps, fast) -> new PelvicFloorExam(null, power, endurance, reps, fast, null,
                        null, null, null, null, null, null));
        Arbitrary<Header> header = Combinators.combine(ids, dates, Arbitraries.of(VisitStatus.class))
                .as(Header::new);
        return Combinators.combine(header, symptoms, floor, abdominalWall(), strength(), loadImpact(), outcomes())
                .as((h, s, f, wall, strength, load, outcomes) -> new Visit(h.id, PATIENT,
                        Instant.parse("2026-01-01T00:00:00Z"), h.date, h.status, null, VisitKind.FOLLOW_UP, null, s,
                        null, f, wall, strength, load, outcomes, null, null, null));
    }

    private record Header(UUID id, LocalDate date, VisitStatus status) {
    }

    private static Arbitrary<Integer> in(IntRange range) {
        return Arbitraries.integers().between(range.min(), range.max()).injectNull(0.4);
    }

    private static Arbitrary<BigDecimal> in(DecimalRange range) {
        BigDecimal step = BigDecimal.ONE.movePointLeft(range.maxDecimals());
        long min = range.min().divide(step).longValueExact();
        long max = range.max().divide(step).longValueExact();
        return Arbitraries.longs().between(min, max).map(n -> BigDecimal.valueOf(n, range.maxDecimals()))
                .injectNull(0.4);
    }

    /** Any unit, sometimes none (as older records have it), each distance in the unit's range or not recorded. */
    private static Arbitrary<AbdominalWall> abdominalWall() {
        return Arbitraries.of(IrdUnit.class).injectNull(0.3).flatMap(unit -> {
            Arbitrary<BigDecimal> distance = in(Measures.ird(unit));
            return Combinators.combine(distance, distance, distance).as((above, at, below) ->
                    new AbdominalWall(AbdominalMethod.PALPATION, unit, above, at, below, null, null));
        }).injectNull(0.3);
    }

    private static Arbitrary<Map<StrengthTest, Sides<Integer>>> strength() {
        Arbitrary<Sides<Integer>> sides = Combinators.combine(in(Measures.STRENGTH_REPETITIONS),
                in(Measures.STRENGTH_REPETITIONS)).as(Sides::new);
        return Arbitraries.maps(Arbitraries.of(StrengthTest.class), sides).ofMaxSize(StrengthTest.values().length)
                .map(m -> m.isEmpty() ? Map.of() : new EnumMap<>(m));
    }

    private static Arbitrary<LoadResult> loadResult() {
        return Arbitraries.of(TestStatus.class).map(LoadResult::of);
    }

    /** Mostly as the form records them (one-sided tests per side), sometimes a whole result for any test. */
    private static Arbitrary<LoadEntry> loadEntry(LoadTest test) {
        Arbitrary<LoadEntry> whole = loadResult().map(LoadEntry.Whole::new);
        if (!test.oneSided()) {
            return whole;
        }
        Arbitrary<LoadEntry> perSide = Combinators.combine(loadResult().injectNull(0.25),
                loadResult().injectNull(0.25)).as((left, right) -> new LoadEntry.PerSide(Sides.of(left, right)));
        return Arbitraries.frequencyOf(Tuple.of(9, perSide), Tuple.of(1, whole));
    }

    private static Arbitrary<Map<LoadTest, LoadEntry>> loadImpact() {
        List<Arbitrary<Map.Entry<LoadTest, LoadEntry>>> perTest = new ArrayList<>();
        for (LoadTest test : LoadTest.values()) {
            perTest.add(loadEntry(test).map(e -> Map.entry(test, e)).injectNull(0.5));
        }
        return Combinators.combine(perTest).as(entries -> {
            Map<LoadTest, LoadEntry> map = new EnumMap<>(LoadTest.class);
            for (Map.Entry<LoadTest, LoadEntry> e : entries) {
                if (e != null) {
                    map.put(e.getKey(), e.getValue());
                }
            }
            return map;
        });
    }

    private static Arbitrary<Outcomes> outcomes() {
        Arbitrary<PsfsItem> item = Arbitraries.integers().between(Measures.PSFS_SCORE.min(), Measures.PSFS_SCORE.max())
                .injectNull(0.2).map(score -> new PsfsItem("Running", score));
        return Combinators.combine(item.list().ofMaxSize(Outcomes.PSFS_MAX_ITEMS), in(Measures.ICIQ_UI_SF))
                .as((psfs, iciq) -> new Outcomes(psfs, iciq, null));
    }
}
