package app.rebound.domain.progress;

import java.util.List;
import java.util.Optional;

/**
 * One chart over visit dates: its series share one axis and one unit ({@code unit}); the axis runs
 * from {@code min} to {@code max}. The same definition is drawn on screen and in the report.
 */
public record ProgressChart(String id, String title, String unit, double min, double max,
        List<ChartSeries> series, List<TargetLine> targets, List<VisitMark> visits) {

    public ProgressChart {
        series = List.copyOf(series);
        targets = List.copyOf(targets);
        visits = List.copyOf(visits);
    }

    /** At least one value was recorded at some visit. */
    public boolean hasData() {
        return series.stream().anyMatch(s -> !s.values().isEmpty());
    }

    public Optional<ChartSeries> series(String key) {
        return series.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
