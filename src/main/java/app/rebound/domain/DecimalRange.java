package app.rebound.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The allowed values of a decimal measure, with its unit: defined once here and read by the form,
 * the validator, the store and the record format.
 */
public record DecimalRange(BigDecimal min, BigDecimal max, int maxDecimals, String unit) {

    public DecimalRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public static DecimalRange of(String min, String max, int maxDecimals, String unit) {
        return new DecimalRange(new BigDecimal(min), new BigDecimal(max), maxDecimals, unit);
    }

    public boolean contains(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public boolean hasAllowedScale(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= maxDecimals;
    }

    /** "0–300 km a week" as shown in messages. */
    public String describe() {
        return min.toPlainString() + "–" + max.toPlainString() + (unit.isEmpty() ? "" : " " + Messages.unit(unit));
    }
}
