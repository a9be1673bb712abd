package app.rebound.domain.progress;

import static app.rebound.domain.visit.VisitFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ProgressCharts.Entry;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

class ProgressChartsTest {

    private static final UUID PATIENT = VisitFixture.PATIENT_ID;

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    private static List<ProgressChart> build(Visit... visits) {
        List<Entry> entries = new ArrayList<>();
        for (Visit v : visits) {
            entries.add(new Entry(v, ""));
        }
        return ProgressCharts.build(entries);
    }

    private static ProgressChart chart(List<ProgressChart> charts, String id) {
        return ProgressCharts.find(charts, id).orElseThrow(() -> new AssertionError("no chart " + id + " in "
                + charts.stream().map(ProgressChart::id).toList()));
    }

    private static ChartSeries series(List<ProgressChart> charts, String id, String key) {
        return chart(charts, id).series(key).orElseThrow(() -> new AssertionError("no series " + key + " in " + id));
    }

    private static List<Double> values(ChartSeries series) {
        return series.points().stream().map(ChartPoint::value).toList();
    }

    // ---- order ----------------------------------------------------------------------------------

    @Test
    void visitsGivenOutOfDateOrderComeOutInDateOrder() {
        Visit march = day(60).pain(7).visit();
        Visit january = day(0).pain(3).visit();
        Visit february = day(30).pain(5).visit();

        List<ProgressChart> charts = build(march, january, february);

        ChartSeries pain = series(charts, ProgressCharts.PAIN, "pain");
        assertThat(pain.points()).extracting(ChartPoint::date)
                .containsExactly(january.date(), february.date(), march.date());
        assertThat(pain.points()).extracting(ChartPoint::visitId)
                .containsExactly(january.id(), february.id(), march.id());
        assertThat(values(pain)).containsExactly(3.0, 5.0, 7.0);
        for (ProgressChart chart : charts) {
            assertThat(chart.visits()).as(chart.id()).extracting(VisitMark::date)
                    .containsExactly(january.date(), february.date(), march.date());
        }
    }

    @Test
    void visitsOnTheSameDateKeepOneOrderWhicheverWayTheyAreGiven() {
        Visit a = day(0).id(UUID.fromString("00000000-0000-0000-0000-000000000001")).pain(1).visit();
        Visit b = day(0).id(UUID.fromString("00000000-0000-0000-0000-000000000002")).pain(2).visit();

        assertThat(series(build(a, b), ProgressCharts.PAIN, "pain").points())
                .isEqualTo(series(build(b, a), ProgressCharts.PAIN, "pain").points());
    }

    // ---- gaps are gaps, zeros are zeros ------------------------------------------------------------

    @Test
    void aMeasureNotRecordedIsAGapNeverZero() {
        Visit recorded = day(0).pain(4).runOnset(12).perfect(3, 6, 5, 8).psfs(6, 8).iciq(9)
                .strength(StrengthTest.CALF_RAISE, 15, 18).load(LoadTest.WALK, TestStatus.PASS)
                .ird(IrdUnit.CM, "2.5", "3", "1.5").visit();
        Visit nothing = day(7).visit();

        List<ProgressChart> charts = build(recorded, nothing);

        for (ProgressChart chart : charts) {
            for (ChartSeries s : chart.series()) {
                assertThat(s.points()).as(chart.id() + "/" + s.key()).hasSize(2);
                ChartPoint gap = s.points().get(1);
                assertThat(gap.visitId()).isEqualTo(nothing.id());
                assertThat(gap.value()).as(chart.id() + "/" + s.key()).isNull();
                assertThat(gap.present()).isFalse();
                assertThat(gap.text()).isEmpty();
            }
        }
        assertThat(series(charts, ProgressCharts.PAIN, "pain").points().get(0).value()).isEqualTo(4.0);
        assertThat(series(charts, ProgressCharts.PSFS, "psfs").points().get(0).value()).isEqualTo(7.0);
    }

    @Test
    void aRecordedZeroStaysZero() {
        // nearlyEmpty: 0 pain, running symptoms at once (0 minutes), 0 pelvic floor repetitions, 0 reps on the left
        Visit zeros = VisitFixture.nearlyEmpty(PATIENT, VisitFixture.START);

        List<ProgressChart> charts = build(zeros);

        assertThat(values(series(charts, ProgressCharts.PAIN, "pain"))).containsExactly(0.0);
        assertThat(values(series(charts, ProgressCharts.RUN_ONSET, "minutes"))).containsExactly(0.0);
        assertThat(values(series(charts, ProgressCharts.PERFECT, "repetitions"))).containsExactly(0.0);
        assertThat(values(series(charts, ProgressCharts.PERFECT, "power"))).containsExactly((Double) null);
        String bridge = ProgressCharts.strengthId(StrengthTest.SL_BRIDGE);
        assertThat(values(series(charts, bridge, "left"))).containsExactly(0.0);
        assertThat(values(series(charts, bridge, "right"))).containsExactly((Double) null);
        assertThat(chart(charts, ProgressCharts.PAIN).hasData()).isTrue();
        assertThat(series(charts, ProgressCharts.PAIN, "pain").points().get(0).text()).isEqualTo("0");
        assertThat(series(charts, ProgressCharts.RUN_ONSET, "minutes").points().get(0).text()).isEqualTo("0 min");
    }

    @Test
    void aZeroScoreIsNotAGapInTheZeroToTenScales() {
        Visit v = day(0).pain(0).psfs(0, 0).iciq(0).perfect(0, 0, 0, 0).visit();

        List<ProgressChart> charts = build(v);

        assertThat(values(series(charts, ProgressCharts.PSFS, "psfs"))).containsExactly(0.0);
        assertThat(values(series(charts, ProgressCharts.ICIQ, "iciq"))).containsExactly(0.0);
        for (String key : List.of("power", "endurance", "repetitions", "fast")) {
            assertThat(values(series(charts, ProgressCharts.PERFECT, key))).as(key).containsExactly(0.0);
        }
    }

    @Test
    void psfsWithoutAnyScoreIsAGap() {
        Visit unscored = day(0).psfs((Integer) null, null).visit();

        assertThat(values(series(build(unscored), ProgressCharts.PSFS, "psfs"))).containsExactly((Double) null);
    }

    // ---- segments ----------------------------------------------------------------------------------

    @Test
    void segmentsBreakAtGaps() {
        Visit v1 = day(0).pain(6).visit();
        Visit v2 = day(7).pain(5).visit();
        Visit v3 = day(14).visit();
        Visit v4 = day(21).pain(3).visit();
        Visit v5 = day(28).visit();
        Visit v6 = day(35).visit();
        Visit v7 = day(42).pain(2).visit();
        Visit v8 = day(49).pain(1).visit();

        ChartSeries pain = series(build(v1, v2, v3, v4, v5, v6, v7, v8), ProgressCharts.PAIN, "pain");

        List<List<ChartPoint>> segments = pain.segments();
        assertThat(segments).hasSize(3);
        assertThat(segments.get(0)).extracting(ChartPoint::visitId).containsExactly(v1.id(), v2.id());
        assertThat(segments.get(1)).extracting(ChartPoint::visitId).containsExactly(v4.id());
        assertThat(segments.get(2)).extracting(ChartPoint::visitId).containsExactly(v7.id(), v8.id());
        assertThat(pain.values()).extracting(ChartPoint::value).containsExactly(6.0, 5.0, 3.0, 2.0, 1.0);
    }

    @Test
    void segmentsOfASeriesWithoutGapsIsOneRunAndOfAnEmptySeriesNone() {
        ChartSeries full = series(build(day(0).pain(1).visit(), day(1).pain(2).visit(), day(2).pain(3).visit()),
                ProgressCharts.PAIN, "pain");
        ChartSeries empty = series(build(day(0).visit(), day(1).visit()), ProgressCharts.PAIN, "pain");

        assertThat(full.segments()).hasSize(1);
        assertThat(full.segments().get(0)).hasSize(3);
        assertThat(empty.segments()).isEmpty();
        assertThat(empty.values()).isEmpty();
    }

    @Test
    void segmentsStartingAndEndingWithAGapLeaveTheGapsOut() {
        ChartSeries pain = series(build(day(0).visit(), day(1).pain(2).visit(), day(2).pain(3).visit(),
                day(3).visit()), ProgressCharts.PAIN, "pain");

        assertThat(pain.segments()).hasSize(1);
        assertThat(pain.segments().get(0)).extracting(ChartPoint::value).containsExactly(2.0, 3.0);
    }

    // ---- inter-rectus distance: one chart per unit ---------------------------------------------------

    @Test
    void irdInTwoUnitsGivesTwoChartsEachWithOnlyItsOwnUnit() {
        Visit inCm = day(0).ird(IrdUnit.CM, "2.5", "3", "1.25").visit();
        Visit inFingers = day(14).ird(IrdUnit.FINGER_WIDTHS, "2", "3", "1").visit();

        List<ProgressChart> charts = build(inFingers, inCm);

        List<String> irdIds = charts.stream().map(ProgressChart::id).filter(id -> id.startsWith("ird")).toList();
        assertThat(irdIds).containsExactlyInAnyOrder("ird.CM", "ird.FINGER_WIDTHS");

        ProgressChart cm = chart(charts, ProgressCharts.irdId(IrdUnit.CM));
        assertThat(cm.id()).isEqualTo("ird.CM");
        assertThat(cm.unit()).isEqualTo("cm");
        assertThat(cm.title()).contains("cm").doesNotContain("finger");
        assertThat(values(cm.series("above").orElseThrow())).containsExactly(2.5, null);
        assertThat(values(cm.series("at").orElseThrow())).containsExactly(3.0, null);
        assertThat(values(cm.series("below").orElseThrow())).containsExactly(1.25, null);
        assertThat(cm.series("above").orElseThrow().points().get(0).text()).isEqualTo("2.5 cm");

        ProgressChart fingers = chart(charts, ProgressCharts.irdId(IrdUnit.FINGER_WIDTHS));
        assertThat(fingers.id()).isEqualTo("ird.FINGER_WIDTHS");
        assertThat(fingers.unit()).isEqualTo("finger widths");
        assertThat(values(fingers.series("above").orElseThrow())).containsExactly(null, 2.0);
        assertThat(values(fingers.series("at").orElseThrow())).containsExactly(null, 3.0);
        assertThat(values(fingers.series("below").orElseThrow())).containsExactly(null, 1.0);
        assertThat(fingers.series("at").orElseThrow().points().get(1).text()).isEqualTo("3 finger widths");

        for (ProgressChart chart : List.of(cm, fingers)) {
            for (ChartSeries s : chart.series()) {
                assertThat(s.points()).as("every visit is on every chart's time axis").hasSize(2);
                for (ChartPoint p : s.values()) {
                    assertThat(p.value()).isBetween(chart.min(), chart.max());
                }
            }
        }
    }

    @Test
    void irdInMillimetresHasItsOwnChartWithARoomyAxis() {
        Visit inMm = day(0).ird(IrdUnit.MM, "25", "32", null).visit();
        Visit inCm = day(7).ird(IrdUnit.CM, "2", null, null).visit();

        List<ProgressChart> charts = build(inMm, inCm);

        ProgressChart mm = chart(charts, "ird.MM");
        assertThat(values(mm.series("above").orElseThrow())).containsExactly(25.0, null);
        assertThat(values(mm.series("below").orElseThrow())).containsExactly(null, null);
        assertThat(mm.max()).isGreaterThanOrEqualTo(32.0);
        assertThat(values(chart(charts, "ird.CM").series("above").orElseThrow())).containsExactly(null, 2.0);
        assertThat(ProgressCharts.find(charts, "ird")).isEmpty();
    }

    @Test
    void irdNeverMeasuredGivesOneEmptyChartWithoutAUnit() {
        List<ProgressChart> charts = build(day(0).pain(2).visit());

        List<ProgressChart> ird = charts.stream().filter(c -> c.id().startsWith("ird")).toList();
        assertThat(ird).extracting(ProgressChart::id).containsExactly("ird");
        assertThat(ird.get(0).hasData()).isFalse();
    }

    @Test
    void irdRecordedWithoutAUnitIsNotPutOnAChartWithAUnit() {
        Visit noUnit = day(0).ird(null, "2", null, null).visit();
        Visit inCm = day(7).ird(IrdUnit.CM, "3", null, null).visit();

        List<ProgressChart> charts = build(noUnit, inCm);

        assertThat(values(chart(charts, "ird.CM").series("above").orElseThrow())).containsExactly(null, 3.0);
        ProgressChart without = chart(charts, "ird");
        assertThat(without.title()).isEqualTo("Inter-rectus distance (unit not recorded)");
        assertThat(values(without.series("above").orElseThrow())).containsExactly(2.0, null);
    }

    // ---- no visit, one visit ----------------------------------------------------------------------

    @Test
    void noVisitsStillGivesEveryChartWithoutData() {
        List<ProgressChart> charts = ProgressCharts.build(List.of());

        assertThat(charts).extracting(ProgressChart::id).containsExactly(ProgressCharts.PERFECT,
                "strength.CALF_RAISE", "strength.SL_BRIDGE", "strength.SL_SIT_STAND", "strength.SIDE_ABDUCTION",
                ProgressCharts.LOAD, "ird", ProgressCharts.RUN_ONSET, ProgressCharts.PAIN, ProgressCharts.PSFS,
                ProgressCharts.ICIQ);
        for (ProgressChart chart : charts) {
            assertThat(chart.hasData()).as(chart.id()).isFalse();
            assertThat(chart.visits()).as(chart.id()).isEmpty();
            assertThat(chart.series()).as(chart.id()).isNotEmpty();
            assertThat(chart.max()).as(chart.id()).isGreaterThan(chart.min());
            for (ChartSeries s : chart.series()) {
                assertThat(s.points()).as(chart.id() + "/" + s.key()).isEmpty();
                assertThat(s.segments()).isEmpty();
            }
        }
    }

    @Test
    void oneVisitGivesOnePointPerSeries() {
        Visit full = VisitFixture.full(PATIENT, VisitFixture.START);

        List<ProgressChart> charts = ProgressCharts.build(List.of(new Entry(full, "1 Protect")));

        for (ProgressChart chart : charts) {
            assertThat(chart.visits()).as(chart.id()).hasSize(1);
            for (ChartSeries s : chart.series()) {
                assertThat(s.points()).as(chart.id() + "/" + s.key()).hasSize(1);
                assertThat(s.points().get(0).visitId()).isEqualTo(full.id());
                assertThat(s.points().get(0).date()).isEqualTo(VisitFixture.START);
            }
        }
        assertThat(chart(charts, ProgressCharts.PERFECT).series()).extracting(s -> s.points().get(0).value())
                .containsExactly(3.0, 6.0, 5.0, 8.0);
        assertThat(values(series(charts, ProgressCharts.PAIN, "pain"))).containsExactly(4.0);
        assertThat(values(series(charts, ProgressCharts.RUN_ONSET, "minutes"))).containsExactly(12.0);
        assertThat(values(series(charts, ProgressCharts.ICIQ, "iciq"))).containsExactly(14.0);
        // PSFS mean of 2, 7, 0, 10 and 5
        assertThat(values(series(charts, ProgressCharts.PSFS, "psfs"))).containsExactly(4.8);
        assertThat(series(charts, ProgressCharts.PSFS, "psfs").points().get(0).text()).isEqualTo("4.8");
        assertThat(values(series(charts, "strength.CALF_RAISE", "left"))).containsExactly(25.0);
        assertThat(values(series(charts, "strength.CALF_RAISE", "right"))).containsExactly(18.0);
        assertThat(series(charts, "strength.CALF_RAISE", "left").points().get(0).text()).isEqualTo("25 reps");
        assertThat(values(series(charts, "ird.CM", "at"))).containsExactly(3.0);
        for (ProgressChart chart : charts) {
            assertThat(chart.hasData()).as(chart.id()).isTrue();
        }
    }

    // ---- strength ----------------------------------------------------------------------------------

    @Test
    void strengthChartsHaveTheTargetOfTwentyAndRoomAboveIt() {
        List<ProgressChart> charts = build(day(0).strength(StrengthTest.SL_BRIDGE, 4, 6).visit());

        for (StrengthTest test : StrengthTest.values()) {
            ProgressChart chart = chart(charts, ProgressCharts.strengthId(test));
            assertThat(chart.targets()).as(test.name()).hasSize(1);
            TargetLine target = chart.targets().get(0);
            assertThat(target.value()).isEqualTo(20.0);
            assertThat(target.label()).contains("20");
            assertThat(chart.max()).as(test.name()).isGreaterThanOrEqualTo(25.0);
            assertThat(chart.min()).isEqualTo(0.0);
            assertThat(chart.unit()).isEqualTo("reps");
            assertThat(chart.series()).extracting(ChartSeries::key).containsExactly("left", "right");
        }
        assertThat(ProgressCharts.strengthId(StrengthTest.SL_BRIDGE)).isEqualTo("strength.SL_BRIDGE");
    }

    @Test
    void strengthAxisGrowsToHoldLargeCounts() {
        List<ProgressChart> charts = build(day(0).strength(StrengthTest.SIDE_ABDUCTION, 200, 9).visit(),
                day(7).strength(StrengthTest.CALF_RAISE, 31, null).visit());

        ProgressChart abduction = chart(charts, "strength.SIDE_ABDUCTION");
        assertThat(abduction.max()).isGreaterThanOrEqualTo(200.0);
        ProgressChart calf = chart(charts, "strength.CALF_RAISE");
        assertThat(calf.max()).isGreaterThanOrEqualTo(31.0);
        assertThat(values(calf.series("left").orElseThrow())).containsExactly(null, 31.0);
    }

    @Test
    void otherChartsHaveNoTargets() {
        List<ProgressChart> charts = build(VisitFixture.full(PATIENT, VisitFixture.START));

        for (ProgressChart chart : charts) {
            if (!chart.id().startsWith("strength.")) {
                assertThat(chart.targets()).as(chart.id()).isEmpty();
            }
        }
    }

    // ---- load and impact tests ---------------------------------------------------------------------

    @Test
    void loadChartCountsTestsPassedOfSeven() {
        ProgressChart load = chart(build(VisitFixture.full(PATIENT, VisitFixture.START)), ProgressCharts.LOAD);

        assertThat(load.min()).isEqualTo(0.0);
        assertThat(load.max()).isEqualTo(7.0);
        // full(): walking passed; balance passed on the left only; squat passed on the right only
        ChartPoint point = load.series().get(0).points().get(0);
        assertThat(point.value()).isEqualTo(1.0);
        assertThat(point.text()).isEqualTo("1 of 7");
        assertThat(point.detail()).isEqualTo("Passed: Walking");
    }

    @Test
    void aOneSidedTestPassesOnlyWhenBothSidesPass() {
        Visit v = day(0)
                .load(LoadTest.SL_SQUAT, TestStatus.PASS, TestStatus.PASS)
                .load(LoadTest.SL_BALANCE, TestStatus.PASS, null)
                .load(LoadTest.HOP, TestStatus.PASS, TestStatus.SYMPTOMS)
                .load(LoadTest.RUNNING_MAN, TestStatus.INCOMPLETE, TestStatus.PASS)
                .load(LoadTest.FWD_BOUNDS, TestStatus.PASS)
                .load(LoadTest.JOG_SPOT, TestStatus.SYMPTOMS)
                .visit();

        ChartPoint point = chart(build(v), ProgressCharts.LOAD).series().get(0).points().get(0);

        assertThat(point.value()).isEqualTo(2.0);
        assertThat(point.text()).isEqualTo("2 of 7");
        assertThat(point.detail()).startsWith("Passed: ").contains("Single leg squat", "Forward bounds")
                .doesNotContain("balance", "Hop", "running man", "Jog", "Walking");
        assertThat(ProgressCharts.passedTests(v)).containsExactlyInAnyOrder(LoadTest.SL_SQUAT, LoadTest.FWD_BOUNDS);
    }

    @Test
    void allSevenPassedIsSeven() {
        VisitFixture b = day(0);
        for (LoadTest test : LoadTest.values()) {
            if (test.oneSided()) {
                b.load(test, TestStatus.PASS, TestStatus.PASS);
            } else {
                b.load(test, TestStatus.PASS);
            }
        }
        ChartPoint point = chart(build(b.visit()), ProgressCharts.LOAD).series().get(0).points().get(0);

        assertThat(point.value()).isEqualTo(7.0);
        assertThat(point.text()).isEqualTo("7 of 7");
        for (LoadTest test : LoadTest.values()) {
            assertThat(point.detail()).contains(Messages.name(test));
        }
    }

    @Test
    void loadTestedWithNonePassedIsZeroAndNotTestedIsAGap() {
        Visit nonePassed = day(0).load(LoadTest.WALK, TestStatus.SYMPTOMS).visit();
        Visit notTested = day(7).visit();
        Visit onlyNotTested = day(14).load(LoadTest.WALK, TestStatus.NOT_TESTED).visit();

        ChartSeries load = chart(build(nonePassed, notTested, onlyNotTested), ProgressCharts.LOAD).series().get(0);

        assertThat(values(load)).containsExactly(0.0, null, null);
        assertThat(load.points().get(0).text()).isEqualTo("0 of 7");
        assertThat(load.points().get(0).detail()).isEqualTo("None passed");
        assertThat(load.points().get(1).detail()).isEmpty();
    }

    // ---- the time axis -------------------------------------------------------------------------------

    @Test
    void stagesIssuedAppearOnTheTimeAxis() {
        Visit first = day(0).pain(6).visit();
        Visit second = day(14).pain(4).draft().visit();
        Visit third = day(28).pain(2).visit();

        List<ProgressChart> charts = ProgressCharts.build(List.of(new Entry(third, "3 Build"),
                new Entry(first, "1 Protect"), new Entry(second, null)));

        for (ProgressChart chart : charts) {
            assertThat(chart.visits()).as(chart.id()).containsExactly(
                    new VisitMark(first.id(), first.date(), "1 Protect", false),
                    new VisitMark(second.id(), second.date(), "", true),
                    new VisitMark(third.id(), third.date(), "3 Build", false));
        }
    }

    @Test
    void otherAxesAreFixedScales() {
        List<ProgressChart> charts = build(day(0).pain(2).runOnset(3).psfs(4).iciq(5).perfect(1, 2, 3, 4).visit());

        assertThat(chart(charts, ProgressCharts.PAIN).max()).isEqualTo(10.0);
        assertThat(chart(charts, ProgressCharts.PSFS).max()).isEqualTo(10.0);
        assertThat(chart(charts, ProgressCharts.ICIQ).max()).isEqualTo(21.0);
        assertThat(chart(charts, ProgressCharts.PERFECT).max()).isEqualTo(10.0);
        assertThat(chart(charts, ProgressCharts.RUN_ONSET).max()).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void runningMinutesBeyondTenWidenTheAxis() {
        ProgressChart run = chart(build(day(0).runOnset(45).visit(), day(9).runOnset(130).visit()),
                ProgressCharts.RUN_ONSET);

        assertThat(run.max()).isGreaterThanOrEqualTo(130.0);
        assertThat(values(run.series().get(0))).containsExactly(45.0, 130.0);
    }

    @Test
    void chartsAreImmutable() {
        List<ProgressChart> charts = build(day(0).pain(1).visit());

        assertThatThrownBy(() -> charts.add(charts.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        ChartSeries pain = series(charts, ProgressCharts.PAIN, "pain");
        assertThatThrownBy(() -> pain.points().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
