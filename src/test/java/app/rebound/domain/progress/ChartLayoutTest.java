package app.rebound.domain.progress;

import static app.rebound.domain.visit.VisitFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.progress.ChartLayout.Dot;
import app.rebound.domain.progress.ChartLayout.Label;
import app.rebound.domain.progress.ChartLayout.Layout;
import app.rebound.domain.progress.ChartLayout.Line;
import app.rebound.domain.progress.ChartLayout.Polyline;
import app.rebound.domain.progress.ProgressCharts.Entry;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

class ChartLayoutTest {

    private static final double WIDTH = 600;
    private static final double HEIGHT = 230;
    private static final double FONT = 12;
    private static final String EMPTY = "Not recorded at any visit yet";
    private static final ChartLayout.Measure MEASURE = (text, size, bold) -> text.length() * size * (bold ? 0.66 : 0.6);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final Function<LocalDate, String> DATE_TEXT = DATE::format;

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

    private static ProgressChart chart(String id, Visit... visits) {
        List<Entry> entries = new ArrayList<>();
        for (Visit v : visits) {
            entries.add(new Entry(v, ""));
        }
        return chart(id, entries);
    }

    private static ProgressChart chart(String id, List<Entry> entries) {
        return ProgressCharts.find(ProgressCharts.build(entries), id).orElseThrow();
    }

    private static Layout layout(ProgressChart chart) {
        return layout(chart, WIDTH);
    }

    private static Layout layout(ProgressChart chart, double width) {
        return ChartLayout.of(chart, width, HEIGHT, FONT, MEASURE, DATE_TEXT, EMPTY);
    }

    private static List<Polyline> polylines(Layout layout) {
        return layout.marks().stream().filter(Polyline.class::isInstance).map(Polyline.class::cast).toList();
    }

    private static List<Dot> dotsOf(Layout layout, String seriesKey) {
        return layout.dots().stream().filter(d -> d.series().key().equals(seriesKey)).toList();
    }

    private static List<Label> dateLabels(Layout layout, List<LocalDate> dates) {
        Set<String> texts = dates.stream().map(DATE_TEXT).collect(Collectors.toSet());
        return layout.labels().stream().filter(l -> texts.contains(l.text()))
                .sorted(Comparator.comparingDouble(Label::x)).toList();
    }

    /** Where a label's text starts and ends on the x axis. */
    private static double[] span(Label label) {
        double w = MEASURE.width(label.text(), label.size(), label.bold());
        return switch (label.align()) {
            case START -> new double[] {label.x(), label.x() + w};
            case CENTER -> new double[] {label.x() - w / 2, label.x() + w / 2};
            case END -> new double[] {label.x() - w, label.x()};
        };
    }

    // ---- points -------------------------------------------------------------------------------------

    @Test
    void threeVisitsGiveThreeDotsForEachFullyRecordedSeries() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).perfect(1, 2, 3, 4).visit(),
                day(14).perfect(2, 3, 4, 5).visit(), day(28).perfect(3, 4, 5, 6).visit());

        Layout layout = layout(perfect);

        for (String key : List.of("power", "endurance", "repetitions", "fast")) {
            List<Dot> dots = dotsOf(layout, key);
            assertThat(dots).as(key).hasSize(3);
            assertThat(dots).as(key).allSatisfy(d -> assertThat(d.point()).isNotNull());
        }
        assertThat(layout.dots()).hasSize(12);
        // one polyline per series, through all three points
        assertThat(polylines(layout)).hasSize(4).allSatisfy(p -> assertThat(p.xs()).hasSize(3));
    }

    @Test
    void aSeriesNotRecordedHasNoDots() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).power(2).visit(), day(14).power(3).visit(),
                day(28).power(4).visit());

        Layout layout = layout(perfect);

        assertThat(dotsOf(layout, "power")).hasSize(3);
        assertThat(dotsOf(layout, "endurance")).isEmpty();
        assertThat(polylines(layout)).hasSize(1);
    }

    @Test
    void theLegendSamplesAreNotCountedAsPoints() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).power(2).visit());

        Layout layout = layout(perfect);

        long allDots = layout.marks().stream().filter(Dot.class::isInstance).count();
        assertThat(allDots).isEqualTo(layout.dots().size() + perfect.series().size());
        assertThat(layout.dots()).hasSize(1);
    }

    @Test
    void aGapBreaksTheLineInTwo() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).pain(6).visit(), day(7).pain(5).visit(),
                day(14).visit(), day(21).pain(4).visit(), day(28).pain(2).visit());

        Layout layout = layout(pain);

        List<Polyline> lines = polylines(layout);
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(p -> assertThat(p.xs()).hasSize(2));
        double gapX = layout.dots().get(1).x() + (layout.dots().get(2).x() - layout.dots().get(1).x()) / 2;
        for (Polyline p : lines) {
            double from = p.xs()[0];
            double to = p.xs()[p.xs().length - 1];
            assertThat(from < gapX && gapX < to).as("a line crosses the gap").isFalse();
        }
        assertThat(layout.dots()).hasSize(4);
    }

    @Test
    void aLoneRecordedPointIsADotWithoutALine() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).pain(6).visit(), day(7).visit(),
                day(14).pain(4).visit());

        Layout layout = layout(pain);

        assertThat(polylines(layout)).isEmpty();
        assertThat(layout.dots()).hasSize(2);
    }

    @Test
    void xGrowsWithDateInProportionToTime() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(30).pain(2).visit(), day(0).pain(6).visit(),
                day(3).pain(4).visit());

        List<Dot> dots = dotsOf(layout(pain), "pain");

        assertThat(dots).extracting(d -> d.point().date()).containsExactly(VisitFixture.START,
                VisitFixture.START.plusDays(3), VisitFixture.START.plusDays(30));
        assertThat(dots.get(0).x()).isLessThan(dots.get(1).x());
        assertThat(dots.get(1).x()).isLessThan(dots.get(2).x());
        double ratio = (dots.get(1).x() - dots.get(0).x()) / (dots.get(2).x() - dots.get(0).x());
        assertThat(ratio).isCloseTo(3.0 / 30.0, within(1e-9));
        for (Dot d : dots) {
            assertThat(d.x()).isBetween(0.0, WIDTH);
        }
    }

    @Test
    void aLargerValueIsHigherUp() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).pain(8).visit(), day(7).pain(2).visit(),
                day(14).pain(5).visit(), day(21).pain(0).visit(), day(28).pain(10).visit());

        List<Dot> dots = dotsOf(layout(pain), "pain");

        assertThat(dots).hasSize(5);
        for (Dot a : dots) {
            for (Dot b : dots) {
                if (a.point().value() > b.point().value()) {
                    assertThat(a.y()).as("%s above %s", a.point().value(), b.point().value()).isLessThan(b.y());
                }
            }
            assertThat(a.y()).isBetween(0.0, HEIGHT);
        }
        // y is linear in the value
        Dot zero = dots.get(3);
        Dot ten = dots.get(4);
        Dot five = dots.get(2);
        assertThat(five.y()).isCloseTo((zero.y() + ten.y()) / 2, within(1e-9));
    }

    @Test
    void theTargetLineIsAtTheHeightOfTwenty() {
        ProgressChart calf = chart(ProgressCharts.strengthId(StrengthTest.CALF_RAISE),
                day(0).strength(StrengthTest.CALF_RAISE, 20, 8).visit(),
                day(14).strength(StrengthTest.CALF_RAISE, 22, 12).visit());

        Layout layout = layout(calf);

        Dot twenty = dotsOf(layout, "left").get(0);
        assertThat(twenty.point().value()).isEqualTo(20.0);
        List<Line> targets = layout.marks().stream().filter(Line.class::isInstance).map(Line.class::cast)
                .filter(l -> l.colour().equals(ChartLayout.TARGET)).filter(l -> l.x2() - l.x1() > 100).toList();
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).y1()).isCloseTo(twenty.y(), within(1e-9));
        assertThat(targets.get(0).y2()).isCloseTo(twenty.y(), within(1e-9));
        assertThat(layout.labels()).extracting(Label::text).contains(calf.targets().get(0).label());
    }

    // ---- the time axis ------------------------------------------------------------------------------

    @Test
    void dateLabelsNeverOverlapWhenVisitsAreCrowded() {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            visits.add(day(i).pain(i % 11).visit());
        }
        ProgressChart pain = chart(ProgressCharts.PAIN, visits.toArray(Visit[]::new));

        for (double width : new double[] {200, 320, 480, 1000}) {
            Layout layout = layout(pain, width);
            List<Label> labels = dateLabels(layout, visits.stream().map(Visit::date).toList());

            assertThat(labels).as("width %s", width).isNotEmpty().hasSizeLessThan(60);
            for (int i = 1; i < labels.size(); i++) {
                double[] previous = span(labels.get(i - 1));
                double[] next = span(labels.get(i));
                assertThat(previous[1]).as("width %s: '%s' runs into '%s'", width, labels.get(i - 1).text(),
                        labels.get(i).text()).isLessThanOrEqualTo(next[0]);
            }
            String last = DATE_TEXT.apply(visits.get(59).date());
            assertThat(labels).as("width %s", width).extracting(Label::text).contains(last);
            assertThat(labels.get(labels.size() - 1).text()).isEqualTo(last);
            for (Label l : labels) {
                assertThat(span(l)[1]).as("width %s: '%s' inside the chart", width, l.text())
                        .isLessThanOrEqualTo(width);
            }
        }
    }

    @Test
    void theLastDateIsShownEvenWhenItFollowsTheOneBeforeClosely() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).pain(3).visit(), day(100).pain(4).visit(),
                day(101).pain(5).visit());

        Layout layout = layout(pain, 300);
        List<Label> labels = dateLabels(layout,
                List.of(VisitFixture.START, VisitFixture.START.plusDays(100), VisitFixture.START.plusDays(101)));

        assertThat(labels).extracting(Label::text).contains(DATE_TEXT.apply(VisitFixture.START.plusDays(101)))
                .doesNotContain(DATE_TEXT.apply(VisitFixture.START.plusDays(100)));
        assertThat(labels).extracting(Label::text).contains(DATE_TEXT.apply(VisitFixture.START));
    }

    @Test
    void everyDateShowsWhenThereIsRoom() {
        List<Visit> visits = List.of(day(0).pain(3).visit(), day(30).pain(4).visit(), day(60).pain(5).visit());
        Layout layout = layout(chart(ProgressCharts.PAIN, visits.toArray(Visit[]::new)), 800);

        assertThat(dateLabels(layout, visits.stream().map(Visit::date).toList())).extracting(Label::text)
                .containsExactly("5 Jan 2026", "4 Feb 2026", "6 Mar 2026");
    }

    @Test
    void aSingleVisitIsInTheMiddle() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).pain(3).visit());

        Layout layout = layout(pain);

        assertThat(layout.dots()).hasSize(1);
        assertThat(polylines(layout)).isEmpty();
        Dot dot = layout.dots().get(0);
        assertThat(dot.x()).isBetween(WIDTH * 0.3, WIDTH * 0.7);
        assertThat(dateLabels(layout, List.of(VisitFixture.START))).hasSize(1);
    }

    @Test
    void stageLabelsAreWrittenWhereTheStageChangesAndNeverOverlap() {
        List<Entry> entries = new ArrayList<>();
        String[] stages = {"1 Protect", "1 Protect", "2 Connect", "3 Build", "2 Connect", "3 Build", "4 Load",
                "4 Load", "5 Return to run", "Refer"};
        for (int i = 0; i < stages.length; i++) {
            entries.add(new Entry(day(i * 2).pain(i).visit(), stages[i]));
        }
        ProgressChart pain = chart(ProgressCharts.PAIN, entries);

        for (double width : new double[] {250, 1200}) {
            Layout layout = layout(pain, width);
            List<Label> stageLabels = layout.labels().stream().filter(l -> l.colour().equals(ChartLayout.STAGE))
                    .sorted(Comparator.comparingDouble(Label::x)).toList();
            assertThat(stageLabels).as("width %s", width).isNotEmpty();
            assertThat(stageLabels.get(0).text()).isEqualTo("1 Protect");
            assertThat(stageLabels).extracting(Label::text).as("one label per change, not per visit")
                    .hasSizeLessThanOrEqualTo(8);
            // labels on one line (the same baseline) never run into each other
            Map<Double, List<Label>> byLine = stageLabels.stream()
                    .collect(Collectors.groupingBy(Label::y, TreeMap::new, Collectors.toList()));
            for (List<Label> line : byLine.values()) {
                for (int i = 1; i < line.size(); i++) {
                    assertThat(span(line.get(i - 1))[1]).as("width %s: '%s' runs into '%s'", width,
                            line.get(i - 1).text(), line.get(i).text()).isLessThanOrEqualTo(span(line.get(i))[0]);
                }
            }
            for (Label l : stageLabels) {
                assertThat(l.y()).as("under the dates").isGreaterThan(dateLabels(layout,
                        entries.stream().map(e -> e.visit().date()).toList()).get(0).y());
                assertThat(l.y()).as("inside the chart").isLessThanOrEqualTo(HEIGHT);
            }
            for (Label l : stageLabels) {
                assertThat(span(l)[0]).isGreaterThanOrEqualTo(0);
                assertThat(span(l)[1]).isLessThanOrEqualTo(width);
            }
        }
        Layout wide = layout(pain, 1200);
        assertThat(wide.labels().stream().filter(l -> l.colour().equals(ChartLayout.STAGE)).map(Label::text))
                .containsExactly("1 Protect", "2 Connect", "3 Build", "2 Connect", "3 Build", "4 Load",
                        "5 Return to run", "Refer");
    }

    // ---- inside the box ------------------------------------------------------------------------------

    private static void assertLabelsInside(Layout layout, double width) {
        for (Label l : layout.labels()) {
            double[] span = span(l);
            assertThat(span[0]).as("'%s' starts inside the chart", l.text()).isGreaterThanOrEqualTo(0);
            assertThat(span[1]).as("'%s' ends inside the chart", l.text()).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void everyLabelOfAWideChartIsInsideIt() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).perfect(1, 2, 3, 4).visit(),
                day(30).perfect(2, 3, 4, 5).visit());

        assertLabelsInside(layout(perfect, 700), 700);
    }

    @Test
    void theLegendOfANarrowChartStaysInsideIt() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).perfect(1, 2, 3, 4).visit(),
                day(30).perfect(2, 3, 4, 5).visit());

        Layout layout = layout(perfect, 300);

        assertLabelsInside(layout, 300);
    }

    @Test
    void theFirstDateLabelStaysInsideTheChart() {
        ProgressChart load = chart(ProgressCharts.LOAD, day(0).visit(), day(30).visit());

        Layout layout = layout(load);

        assertLabelsInside(layout, WIDTH);
    }

    // ---- empty --------------------------------------------------------------------------------------

    @Test
    void anEmptyChartSaysSo() {
        ProgressChart pain = ProgressCharts.find(ProgressCharts.build(List.of()), ProgressCharts.PAIN).orElseThrow();

        Layout layout = layout(pain);

        assertThat(layout.labels()).extracting(Label::text).contains(EMPTY);
        assertThat(layout.dots()).isEmpty();
        assertThat(polylines(layout)).isEmpty();
    }

    @Test
    void aChartWithVisitsButNothingRecordedSaysSo() {
        ProgressChart pain = chart(ProgressCharts.PAIN, day(0).visit(), day(7).visit());

        Layout layout = layout(pain);

        assertThat(layout.labels()).extracting(Label::text).contains(EMPTY);
        assertThat(layout.dots()).isEmpty();
    }

    @Test
    void aChartWithDataDoesNotSayItIsEmpty() {
        Layout layout = layout(chart(ProgressCharts.PAIN, day(0).pain(0).visit()));

        assertThat(layout.labels()).extracting(Label::text).doesNotContain(EMPTY);
        assertThat(layout.dots()).hasSize(1);
    }

    // ---- the axis -----------------------------------------------------------------------------------

    @Test
    void tickLabelsAreTheScaleTicks() {
        ProgressChart load = chart(ProgressCharts.LOAD, day(0).visit());

        Layout layout = layout(load);

        List<String> tickLabels = layout.labels().stream().filter(l -> l.align() == ChartLayout.Align.END)
                .map(Label::text).toList();
        assertThat(tickLabels).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void seriesHaveTheirOwnColourAndDash() {
        ProgressChart perfect = chart(ProgressCharts.PERFECT, day(0).perfect(1, 2, 3, 4).visit(),
                day(7).perfect(2, 3, 4, 5).visit());

        List<Polyline> lines = polylines(layout(perfect));

        assertThat(lines).extracting(Polyline::colour).doesNotHaveDuplicates();
        assertThat(lines.stream().map(p -> Arrays.toString(p.dash())).distinct()).hasSize(4);
    }
}
