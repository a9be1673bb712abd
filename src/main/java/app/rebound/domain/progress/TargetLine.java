package app.rebound.domain.progress;

/** A horizontal line across a chart, e.g. the 20-repetition target of the strength tests. */
public record TargetLine(double value, String label) {
}
