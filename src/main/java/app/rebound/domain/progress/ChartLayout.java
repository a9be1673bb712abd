package app.rebound.domain.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Where everything of a chart goes, in a box of the given size with y growing downwards: legend,
 * gridlines and ticks, targets, the lines (broken at gaps), the points, visit dates on the time
 * axis and the stage issued where it changed. The screen and the PDF report draw these same marks,
 * so a chart has one definition; only the painting differs.
 */
public final class ChartLayout {

    /** Okabe–Ito colours, told apart with colour blindness; each series also has its own dash. */
    public static final List<String> SERIES_COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7",
            "#E69F00", "#56B4E9");
    public static final String AXIS = "#57606A";
    public static final String GRID = "#E1E4E8";
    public static final String TEXT = "#1F2328";
    public static final String TARGET = "#0F766E";
    public static final String STAGE = "#8250DF";

    public sealed interface Mark permits Line, Polyline, Dot, Label {
    }

    /** A straight line; {@code dash} is a pattern in points (empty for solid). */
    public record Line(double x1, double y1, double x2, double y2, String colour, double width, double[] dash)
            implements Mark {
    }

    /** A series' line through a run of recorded points. */
    public record Polyline(double[] xs, double[] ys, String colour, double width, double[] dash) implements Mark {
    }

    /** A recorded point; {@code shape} 0 circle, 1 square, 2 diamond, 3 triangle. */
    public record Dot(double x, double y, double radius, String colour, int shape, ChartSeries series,
            ChartPoint point) implements Mark {
    }

    public enum Align {
        START, CENTER, END
    }

    /** Text with its baseline at y. */
    public record Label(double x, double y, String text, double size, String colour, Align align, boolean bold)
            implements Mark {
    }

    public record Layout(double width, double height, List<Mark> marks) {

        public Layout {
            marks = List.copyOf(marks);
        }

        /** The recorded points drawn (the legend's samples left out). */
        public List<Dot> dots() {
            return marks.stream().filter(Dot.class::isInstance).map(Dot.class::cast)
                    .filter(d -> d.point() != null).toList();
        }

        public List<Label> labels() {
            return marks.stream().filter(Label.class::isInstance).map(Label.class::cast).toList();
        }
    }

    /** Text width in the painter's units for a text at a size, bold or not. */
    @FunctionalInterface
    public interface Measure {
        double width(String text, double size, boolean bold);
    }

    private ChartLayout() {
    }

    public static double[] dash(int series) {
        return switch (series % 4) {
            case 0 -> new double[0];
            case 1 -> new double[] {6, 3};
            case 2 -> new double[] {2, 2};
            default -> new double[] {7, 3, 2, 3};
        };
    }

    public static String colour(int series) {
        return SERIES_COLOURS.get(series % SERIES_COLOURS.size());
    }

    public static Layout of(ProgressChart chart, double width, double height, double fontSize, Measure measure,
            Function<LocalDate, String> dateText, String emptyText) {
        List<Mark> marks = new ArrayList<>();
        double small = fontSize * 0.9;

        // legend along the top: a short sample of each line, then its name; it wraps on a narrow chart
        double legendBaseline = fontSize;
        double x = 0;
        List<String> names = new ArrayList<>();
        chart.series().forEach(s -> names.add(s.name()));
        chart.targets().forEach(t -> names.add(t.label()));
        for (int i = 0; i < names.size(); i++) {
            boolean isTarget = i >= chart.series().size();
            String name = names.get(i);
            double itemWidth = 22 + measure.width(name, small, false);
            if (x > 0 && x + itemWidth > width) {
                x = 0;
                legendBaseline += fontSize * 1.35;
            }
            double sampleY = legendBaseline - fontSize * 0.35;
            if (isTarget) {
                marks.add(new Line(x, sampleY, x + 18, sampleY, TARGET, 1.2, new double[] {4, 3}));
                marks.add(new Label(x + 22, legendBaseline, name, small, TARGET, Align.START, false));
            } else {
                marks.add(new Line(x, sampleY, x + 18, sampleY, colour(i), 2, dash(i)));
                marks.add(new Dot(x + 9, sampleY, 3, colour(i), i % 4, chart.series().get(i), null));
                marks.add(new Label(x + 22, legendBaseline, name, small, TEXT, Align.START, false));
            }
            x += itemWidth + 14;
        }

        List<Double> ticks = ChartScale.ticks(chart.min(), chart.max(), 6);
        double tickWidth = ticks.stream().mapToDouble(t -> measure.width(ChartScale.label(t), small, false))
                .max().orElse(0);
        double left = tickWidth + 8;
        double top = legendBaseline + fontSize * 0.9;
        double bottom = height - fontSize * 4.0; // dates, then two rows for the stages
        List<VisitMark> visits = chart.visits();
        double lastLabel = visits.isEmpty() ? 0
                : measure.width(dateText.apply(visits.get(visits.size() - 1).date()), small, false);
        double right = width - Math.max(8, lastLabel / 2 + 2);
        double plotHeight = Math.max(1, bottom - top);
        double span = chart.max() - chart.min();
        DoubleUnaryOperator yOf = value -> bottom
                - (span <= 0 ? 0 : (value - chart.min()) / span * plotHeight);

        for (double tick : ticks) {
            double y = yOf.applyAsDouble(tick);
            marks.add(new Line(left, y, right, y, GRID, 0.75, new double[0]));
            marks.add(new Label(left - 5, y + small * 0.35, ChartScale.label(tick), small, AXIS, Align.END, false));
        }
        marks.add(new Line(left, bottom, right, bottom, AXIS, 1, new double[0]));
        marks.add(new Line(left, top, left, bottom, AXIS, 1, new double[0]));

        LocalDate first = visits.isEmpty() ? null : visits.get(0).date();
        LocalDate last = visits.isEmpty() ? null : visits.get(visits.size() - 1).date();
        double pad = 12;
        double days = first == null ? 0 : ChronoUnit.DAYS.between(first, last);
        Function<LocalDate, Double> xOf = date -> days == 0 ? (left + right) / 2
                : left + pad + ChronoUnit.DAYS.between(first, date) / days * (right - left - 2 * pad);

        // visit dates under the axis, thinned so that they never overlap (the last one always shows)
        List<double[]> dateSpans = new ArrayList<>();
        List<Label> dateLabels = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            VisitMark visit = visits.get(i);
            double vx = xOf.apply(visit.date());
            marks.add(new Line(vx, bottom, vx, bottom + 3, AXIS, 1, new double[0]));
            String text = dateText.apply(visit.date());
            double w = measure.width(text, small, false);
            double centre = Math.max(vx, w / 2); // the first date never starts left of the chart
            double[] spanOf = {centre - w / 2, centre + w / 2};
            boolean isLast = i == visits.size() - 1;
            while (isLast && !dateSpans.isEmpty() && dateSpans.get(dateSpans.size() - 1)[1] + 6 > spanOf[0]) {
                dateSpans.remove(dateSpans.size() - 1);
                dateLabels.remove(dateLabels.size() - 1);
            }
            if (dateSpans.isEmpty() || dateSpans.get(dateSpans.size() - 1)[1] + 6 <= spanOf[0]) {
                dateSpans.add(spanOf);
                dateLabels.add(new Label(centre, bottom + 4 + small, text, small, AXIS, Align.CENTER, false));
            }
        }
        marks.addAll(dateLabels);

        // the stage issued, written where it changed, with a faint line up through the plot
        double[] stageBaselines = {bottom + 6 + small * 2.2, bottom + 6 + small * 3.4};
        double[] stageEnds = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        String previous = null;
        for (VisitMark visit : visits) {
            if (visit.stage().equals(previous)) {
                continue;
            }
            previous = visit.stage();
            if (visit.stage().isEmpty()) {
                continue;
            }
            double vx = xOf.apply(visit.date());
            marks.add(new Line(vx, top, vx, bottom, STAGE, 0.6, new double[] {1.5, 2.5}));
            double w = measure.width(visit.stage(), small, true);
            double start = Math.max(0, Math.min(vx - 2, width - w));
            for (int row = 0; row < stageBaselines.length; row++) {
                if (start >= stageEnds[row] + 10) {
                    marks.add(new Label(start, stageBaselines[row], visit.stage(), small, STAGE, Align.START, true));
                    stageEnds[row] = start + w;
                    break;
                }
            }
        }

        for (TargetLine target : chart.targets()) {
            double y = yOf.applyAsDouble(target.value());
            marks.add(new Line(left, y, right, y, TARGET, 1.2, new double[] {4, 3}));
        }

        if (!chart.hasData()) {
            marks.add(new Label((left + right) / 2, (top + bottom) / 2, emptyText, fontSize, AXIS, Align.CENTER,
                    false));
        }

        for (int i = 0; i < chart.series().size(); i++) {
            ChartSeries s = chart.series().get(i);
            for (List<ChartPoint> segment : s.segments()) {
                if (segment.size() < 2) {
                    continue;
                }
                double[] xs = new double[segment.size()];
                double[] ys = new double[segment.size()];
                for (int p = 0; p < segment.size(); p++) {
                    xs[p] = xOf.apply(segment.get(p).date());
                    ys[p] = yOf.applyAsDouble(segment.get(p).value());
                }
                marks.add(new Polyline(xs, ys, colour(i), 2, dash(i)));
            }
        }
        for (int i = 0; i < chart.series().size(); i++) {
            ChartSeries s = chart.series().get(i);
            for (ChartPoint point : s.values()) {
                marks.add(new Dot(xOf.apply(point.date()), yOf.applyAsDouble(point.value()), 3.5, colour(i), i % 4, s,
                        point));
            }
        }
        return new Layout(width, height, marks);
    }
}
