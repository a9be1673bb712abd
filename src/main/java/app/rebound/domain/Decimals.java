package app.rebound.domain;

import java.math.BigDecimal;

/** Decimals as the record format writes them: in their shortest form (2.5, 2 — not 2.50, 2.0). */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal shortest(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
