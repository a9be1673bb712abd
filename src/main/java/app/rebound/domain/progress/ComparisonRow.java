package app.rebound.domain.progress;

/**
 * One measure of two visits side by side: the earlier and later value as written, the change
 * ("+2", "−1.5", "newly passed"), whether it is better or worse, and whether it matters clinically
 * (PSFS mean ≥ 2, pain ≥ 2, MOS ≥ 1, a test newly passed).
 */
public record ComparisonRow(String section, String measure, String before, String after, String change,
        Trend trend, boolean important) {

    public enum Trend {
        BETTER, WORSE, SAME, NONE
    }
}
