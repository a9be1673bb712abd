package app.rebound.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartScaleTest {

    // ---- niceCeiling --------------------------------------------------------------------------------

    @ParameterizedTest(name = "niceCeiling({0}) = {1}")
    @CsvSource({
            "1, 1",
            "1.1, 2",
            "2, 2",
            "2.1, 2.5",
            "2.5, 2.5",
            "3, 5",
            "5, 5",
            "7, 10",
            "10, 10",
            "11, 20",
            "21, 25",
            "25, 25",
            "26, 50",
            "31, 50",
            "51, 100",
            "130, 200",
            "200, 200",
            "201, 250",
            "600, 1000",
            "0.3, 0.5",
            "0.25, 0.25",
            "0.07, 0.1",
    })
    void niceCeilingIsTheSmallestRoundNumberNotBelowTheValue(double value, double expected) {
        assertThat(ChartScale.niceCeiling(value)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void niceCeilingOfZeroOrLessIsZero() {
        assertThat(ChartScale.niceCeiling(0)).isEqualTo(0.0);
        assertThat(ChartScale.niceCeiling(-3)).isEqualTo(0.0);
    }

    @Test
    void niceCeilingIsNeverBelowTheValueAndLessThanTwiceAsBig() {
        for (double v = 0.01; v < 5000; v *= 1.07) {
            double c = ChartScale.niceCeiling(v);
            assertThat(c).as("niceCeiling(%s)", v).isGreaterThanOrEqualTo(v - 1e-9).isLessThanOrEqualTo(2 * v + 1e-9);
        }
    }

    // ---- ticks --------------------------------------------------------------------------------------

    @Test
    void zeroToSevenIsTickedOneByOne() {
        assertThat(ChartScale.ticks(0, 7, 6)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
    }

    @Test
    void zeroToFiftyIsTickedInTens() {
        assertThat(ChartScale.ticks(0, 50, 6)).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
    }

    @Test
    void zeroToTenIsTickedInTwos() {
        assertThat(ChartScale.ticks(0, 10, 6)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
    }

    @Test
    void zeroToTwentyFiveIsTickedInFives() {
        assertThat(ChartScale.ticks(0, 25, 6)).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
    }

    @Test
    void zeroToTwoHundredStaysWithinTheNumberOfTicks() {
        List<Double> ticks = ChartScale.ticks(0, 200, 6);

        assertThat(ticks).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0);
    }

    @Test
    void zeroToFourIsTickedOneByOne() {
        assertThat(ChartScale.ticks(0, 4, 6)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void ticksStartAtTheFirstRoundValueFromMin() {
        assertThat(ChartScale.ticks(2, 12, 6)).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0, 12.0);
        assertThat(ChartScale.ticks(5, 55, 6)).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0);
    }

    @Test
    void anEmptySpanHasOneTick() {
        assertThat(ChartScale.ticks(5, 5, 6)).containsExactly(5.0);
        assertThat(ChartScale.ticks(0, 0, 6)).containsExactly(0.0);
    }

    @Test
    void ticksAreIncreasingEvenlySpacedAndWithinTheAxis() {
        for (double max : new double[] {4, 7, 10, 21, 25, 40, 50, 100, 130, 200, 250, 600, 1000}) {
            List<Double> ticks = ChartScale.ticks(0, max, 6);
            assertThat(ticks).as("0–%s", max).isNotEmpty().startsWith(0.0);
            assertThat(ticks.get(ticks.size() - 1)).as("0–%s", max).isLessThanOrEqualTo(max);
            double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 0;
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(ticks.get(i) - ticks.get(i - 1)).as("0–%s", max).isCloseTo(step, within(1e-9));
            }
            if (max > 8) {
                assertThat(ticks).as("0–%s has at most 6 ticks", max).hasSizeLessThanOrEqualTo(6);
            }
        }
    }

    @Test
    void ticksOfDecimalScalesAreRounded() {
        List<Double> ticks = ChartScale.ticks(0, 40, 6);

        assertThat(ticks).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
        for (double t : ChartScale.ticks(0, 100, 11)) {
            assertThat(t).isEqualTo(Math.rint(t));
        }
    }

    // ---- labels -------------------------------------------------------------------------------------

    @Test
    void wholeNumbersAreWrittenWithoutADecimalPoint() {
        assertThat(ChartScale.label(0)).isEqualTo("0");
        assertThat(ChartScale.label(7)).isEqualTo("7");
        assertThat(ChartScale.label(20.0)).isEqualTo("20");
        assertThat(ChartScale.label(1000)).isEqualTo("1000");
    }

    @Test
    void decimalsAreWrittenInTheirShortestForm() {
        assertThat(ChartScale.label(2.5)).isEqualTo("2.5");
        assertThat(ChartScale.label(0.25)).isEqualTo("0.25");
        assertThat(ChartScale.label(12.75)).isEqualTo("12.75");
    }

    @Test
    void labelsUseADotWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(ChartScale.label(2.5)).isEqualTo("2.5");
            assertThat(ChartScale.label(1000)).isEqualTo("1000");
        } finally {
            Locale.setDefault(before);
        }
    }
}
