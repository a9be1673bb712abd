package app.rebound.domain.progress;

import java.util.ArrayList;
import java.util.List;

/** A line in a chart: one point per visit in date order, with gaps where nothing was recorded. */
public record ChartSeries(String key, String name, List<ChartPoint> points) {

    public ChartSeries {
        points = List.copyOf(points);
    }

    /** The points that have a value. */
    public List<ChartPoint> values() {
        return points.stream().filter(ChartPoint::present).toList();
    }

    /** Runs of consecutive recorded points: a line is drawn within a run, never across a gap. */
    public List<List<ChartPoint>> segments() {
        List<List<ChartPoint>> segments = new ArrayList<>();
        List<ChartPoint> current = new ArrayList<>();
        for (ChartPoint point : points) {
            if (point.present()) {
                current.add(point);
            } else if (!current.isEmpty()) {
                segments.add(List.copyOf(current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            segments.add(List.copyOf(current));
        }
        return segments;
    }
}
