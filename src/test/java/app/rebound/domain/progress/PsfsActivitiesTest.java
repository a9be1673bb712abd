package app.rebound.domain.progress;

import static app.rebound.domain.visit.VisitFixture.day;
import static app.rebound.domain.visit.VisitFixture.withOutcomes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.progress.ProgressCharts.Entry;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Visit;

/** PSFS across visits: each activity has its own line beside the mean, and a follow-up scores the same ones. */
class PsfsActivitiesTest {

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

    private static Outcomes psfs(PsfsItem... items) {
        return new Outcomes(Arrays.asList(items), null, null);
    }

    private static Visit visit(int day, PsfsItem... items) {
        return withOutcomes(day(day).visit(), psfs(items));
    }

    private static ProgressChart chart(Visit... visits) {
        List<Entry> entries = new ArrayList<>();
        for (Visit v : visits) {
            entries.add(new Entry(v, ""));
        }
        return ProgressCharts.find(ProgressCharts.build(entries), ProgressCharts.PSFS).orElseThrow();
    }

    private static List<Double> values(ChartSeries series) {
        return series.points().stream().map(ChartPoint::value).toList();
    }

    @Test
    void eachActivityIsChartedBesideTheMeanAndAVisitThatDidNotScoreItIsAGap() {
        ProgressChart chart = chart(
                visit(0, new PsfsItem("Running for the bus", 2), new PsfsItem("Jumping with my son", 4)),
                visit(30, new PsfsItem("running for the bus ", 5)),
                visit(60, new PsfsItem("Running for the bus", 7), new PsfsItem("Jumping with my son", 8),
                        new PsfsItem("Skipping", 6)));

        assertThat(chart.series()).extracting(ChartSeries::name)
                .containsExactly("PSFS mean", "Running for the bus", "Jumping with my son", "Skipping");
        assertThat(values(chart.series("psfs").orElseThrow())).containsExactly(3.0, 5.0, 7.0);
        assertThat(values(chart.series().get(1))).as("the same activity whatever its case").containsExactly(2.0, 5.0, 7.0);
        assertThat(values(chart.series().get(2))).containsExactly(4.0, null, 8.0);
        assertThat(values(chart.series().get(3))).containsExactly(null, null, 6.0);
        assertThat(chart.series().get(2).points().get(0).text()).isEqualTo("4");
    }

    @Test
    void withoutPsfsThereIsOnlyTheMeanWithNothingInIt() {
        ProgressChart chart = chart(visit(0), visit(30));
        assertThat(chart.series()).extracting(ChartSeries::key).containsExactly("psfs");
        assertThat(chart.hasData()).isFalse();
    }

    @Test
    void aFollowUpCarriesTheActivitiesItDoesNotHaveYet() {
        Outcomes earlier = psfs(new PsfsItem("Running for the bus", 4), new PsfsItem("Jumping with my son", 6));
        assertThat(Outcomes.EMPTY.activitiesToCarry(earlier))
                .containsExactly("Running for the bus", "Jumping with my son");
        assertThat(psfs(new PsfsItem("jumping with my son", 7)).activitiesToCarry(earlier))
                .containsExactly("Running for the bus");
        assertThat(Outcomes.EMPTY.activitiesToCarry(null)).isEmpty();
        Outcomes five = psfs(new PsfsItem("a", 1), new PsfsItem("b", 1), new PsfsItem("c", 1), new PsfsItem("d", 1));
        assertThat(five.activitiesToCarry(earlier)).as("five rows at most").containsExactly("Running for the bus");
    }
}
