package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalRangeTest {

    private final DecimalRange km = DecimalRange.of("0", "300", 2, "km a week");

    @Test
    void containsBothEndsAndNothingBeyond() {
        assertThat(km.contains(new BigDecimal("0"))).isTrue();
        assertThat(km.contains(new BigDecimal("300"))).isTrue();
        assertThat(km.contains(new BigDecimal("300.00"))).isTrue();
        assertThat(km.contains(new BigDecimal("300.001"))).isFalse();
        assertThat(km.contains(new BigDecimal("-0.001"))).isFalse();
    }

    @Test
    void scaleIgnoresTrailingZeros() {
        assertThat(km.hasAllowedScale(new BigDecimal("12.5"))).isTrue();
        assertThat(km.hasAllowedScale(new BigDecimal("12.34"))).isTrue();
        assertThat(km.hasAllowedScale(new BigDecimal("12.3400000"))).isTrue();
        assertThat(km.hasAllowedScale(new BigDecimal("1E+2"))).isTrue();
        assertThat(km.hasAllowedScale(new BigDecimal("12.345"))).isFalse();
    }

    @Test
    void wholeNumbersOnlyWhenNoDecimalsAreAllowed() {
        DecimalRange whole = DecimalRange.of("0", "10", 0, "");

        assertThat(whole.hasAllowedScale(new BigDecimal("7.0"))).isTrue();
        assertThat(whole.hasAllowedScale(new BigDecimal("7.5"))).isFalse();
    }

    @Test
    void describesItselfWithItsUnit() {
        assertThat(km.describe()).isEqualTo("0–300 km a week");
        assertThat(DecimalRange.of("0.5", "2.5", 1, "").describe()).isEqualTo("0.5–2.5");
    }

    @Test
    void intRangeContainsBothEndsAndDescribesItself() {
        IntRange mos = new IntRange(0, 5, "");

        assertThat(mos.contains(0)).isTrue();
        assertThat(mos.contains(5)).isTrue();
        assertThat(mos.contains(6)).isFalse();
        assertThat(mos.contains(-1)).isFalse();
        assertThat(mos.describe()).isEqualTo("0–5");
        assertThat(new IntRange(0, 10, "s").describe()).isEqualTo("0–10 s");
    }
}
