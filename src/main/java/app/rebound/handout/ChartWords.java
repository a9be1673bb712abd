package app.rebound.handout;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ChartPoint;
import app.rebound.domain.progress.ChartSeries;
import app.rebound.domain.progress.ProgressChart;

/**
 * A chart in words, for whoever cannot see it: each line's first and latest recorded value with their
 * dates, e.g. "Pelvic floor: Power from 2 on 3 Mar 2026 to 4 on 1 Nov 2026 (5 visits)".
 */
final class ChartWords {

    private ChartWords() {
    }

    static String of(ProgressChart chart, Function<LocalDate, String> date) {
        List<String> lines = new ArrayList<>();
        for (ChartSeries series : chart.series()) {
            List<ChartPoint> values = series.values();
            if (values.isEmpty()) {
                continue;
            }
            ChartPoint first = values.get(0);
            ChartPoint last = values.get(values.size() - 1);
            lines.add(values.size() == 1
                    ? Messages.format("report.chart.one", series.name(), text(first), date.apply(first.date()))
                    : Messages.format("report.chart.line", series.name(), text(first), date.apply(first.date()),
                            text(last), date.apply(last.date()), values.size()));
        }
        return Messages.format("report.chart.words", chart.title(), String.join("; ", lines));
    }

    private static String text(ChartPoint point) {
        return point.text() != null && !point.text().isBlank() ? point.text() : String.valueOf(point.value());
    }
}
