package app.rebound.ui.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;
import javafx.geometry.Point2D;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ChartLayout;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.ui.kit.CssColours;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.Theme;

/**
 * One progress chart on screen: its title, then the chart's layout painted on a canvas (the
 * report paints the same layout as PDF vectors). It is laid out again when its width changes;
 * hovering a point shows its value and date in the chart's one tooltip.
 */
public final class ChartView extends VBox {

    static final double HEIGHT = 230;
    static final double FONT = 12;

    private static final double REACH = 10;
    /** The ring around the point under the pointer, at 100 %. */
    private static final double RING = 7;
    private static final double RING_WIDTH = 2;

    private final ProgressChart chart;
    private final Pane plot = new Pane();
    private final Canvas canvas = new Canvas(1, HEIGHT);
    private final Tooltip tooltip = new Tooltip();
    private final Circle ring = new Circle(RING, Color.TRANSPARENT);
    private ChartLayout.Dot hovered;
    private ChartLayout.Layout layout;
    private double laidOutWidth = -1;
    private double laidOutScale = -1;
    private boolean redrawQueued;
    /** The colours of the theme in use: the layout names the light ones, the theme maps each to its own. */
    private final CssColours colours = new CssColours(plot);
    private static final Map<String, String> LOOKED_UP = lookedUpNames();

    private static Map<String, String> lookedUpNames() {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < ChartLayout.SERIES_COLOURS.size(); i++) {
            names.put(ChartLayout.SERIES_COLOURS.get(i).toUpperCase(Locale.ROOT), "-chart-series-" + i);
        }
        names.put(ChartLayout.AXIS.toUpperCase(Locale.ROOT), "-chart-axis");
        names.put(ChartLayout.GRID.toUpperCase(Locale.ROOT), "-chart-grid");
        names.put(ChartLayout.TEXT.toUpperCase(Locale.ROOT), "-chart-text");
        names.put(ChartLayout.TARGET.toUpperCase(Locale.ROOT), "-chart-target");
        names.put(ChartLayout.STAGE.toUpperCase(Locale.ROOT), "-chart-stage");
        return Map.copyOf(names);
    }

    public ChartView(ProgressChart chart) {
        this.chart = chart;
        setId("chart-" + chart.id().replace('.', '-'));
        getStyleClass().add("progress-chart");
        Label title = new Label(chart.title());
        title.getStyleClass().add("progress-chart-title");
        plot.setMinHeight(HEIGHT);
        plot.setPrefHeight(HEIGHT);
        plot.setMaxHeight(HEIGHT);
        plot.setMinWidth(200);
        plot.setPrefWidth(520);
        plot.getChildren().addAll(canvas, ring);
        plot.getStyleClass().add("chart-plot");
        getChildren().addAll(title, plot);
        setSpacing(4);
        plot.widthProperty().addListener((obs, old, now) -> redraw(now.doubleValue()));
        ring.setStrokeWidth(RING_WIDTH);
        ring.setVisible(false);
        ring.setMouseTransparent(true);
        ring.getStyleClass().add("chart-hover-ring");
        plot.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        plot.setOnMouseExited(e -> hover(-1000, -1000));
        colours.onChange(() -> {
            // another theme or text size: drawn again once the styles are applied
            if (!redrawQueued) {
                redrawQueued = true;
                Platform.runLater(() -> {
                    redrawQueued = false;
                    laidOutWidth = -1;
                    redraw(plot.getWidth());
                });
            }
        });
    }

    /** The colour the theme in use gives a colour of the shared layout. */
    Color colour(String layoutColour) {
        String name = LOOKED_UP.get(layoutColour.toUpperCase(Locale.ROOT));
        return name == null ? Color.web(layoutColour) : colours.colour(name, layoutColour);
    }

    /** The chart's data, as drawn (for tests and the comparison). */
    public ProgressChart chart() {
        return chart;
    }

    /** The marks drawn at the current size (null until laid out). */
    public ChartLayout.Layout drawn() {
        return layout;
    }

    /** Draws at a width now, e.g. for a benchmark that draws before the window is shown. */
    public void drawAt(double width) {
        redraw(width);
    }

    private void redraw(double width) {
        colour(ChartLayout.TEXT);
        // the chart's text and height follow the clinician's text size
        double scale = colours.fontSize() / Theme.BASE_FONT_SIZE;
        if (width <= 0 || width == laidOutWidth && scale == laidOutScale) {
            return;
        }
        laidOutWidth = width;
        laidOutScale = scale;
        double height = HEIGHT * scale;
        plot.setMinHeight(height);
        plot.setPrefHeight(height);
        plot.setMaxHeight(height);
        layout = thicker(ChartLayout.of(chart, width, height, FONT * scale, ChartView::measure, ChartView::axisDate,
                Messages.get("progress.empty")), scale);
        ring.setRadius(RING * scale);
        ring.setStrokeWidth(RING_WIDTH * scale);
        canvas.setWidth(width);
        canvas.setHeight(height);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        for (ChartLayout.Mark mark : layout.marks()) {
            paint(g, mark);
        }
        g.setLineDashes((double[]) null);
        ring.setVisible(false);
    }

    /**
     * The layout's lines, dashes and points {@code scale} times as thick: at a large text size the lines
     * are drawn as much heavier as the text (the layout gives them for the report's page, at 100 %).
     */
    static ChartLayout.Layout thicker(ChartLayout.Layout drawn, double scale) {
        if (scale == 1) {
            return drawn;
        }
        List<ChartLayout.Mark> marks = new ArrayList<>();
        for (ChartLayout.Mark mark : drawn.marks()) {
            if (mark instanceof ChartLayout.Line line) {
                marks.add(new ChartLayout.Line(line.x1(), line.y1(), line.x2(), line.y2(), line.colour(),
                        line.width() * scale, times(line.dash(), scale)));
            } else if (mark instanceof ChartLayout.Polyline path) {
                marks.add(new ChartLayout.Polyline(path.xs(), path.ys(), path.colour(), path.width() * scale,
                        times(path.dash(), scale)));
            } else if (mark instanceof ChartLayout.Dot dot) {
                marks.add(new ChartLayout.Dot(dot.x(), dot.y(), dot.radius() * scale, dot.colour(), dot.shape(),
                        dot.series(), dot.point()));
            } else {
                marks.add(mark);
            }
        }
        return new ChartLayout.Layout(drawn.width(), drawn.height(), marks);
    }

    private static double[] times(double[] lengths, double scale) {
        double[] scaled = lengths.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= scale;
        }
        return scaled;
    }

    static String axisDate(LocalDate date) {
        return Display.date(date);
    }

    private static final Text MEASURE = new Text();
    private static final Map<String, Font> FONTS = new HashMap<>();

    static Font font(double size, boolean bold) {
        return FONTS.computeIfAbsent(size + (bold ? "b" : ""), key -> Font.font(Font.getDefault().getFamily(),
                bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    static double measure(String text, double size, boolean bold) {
        MEASURE.setFont(font(size, bold));
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    /** Paints one mark of the shared layout (the report paints the same marks with PDFBox). */
    private void paint(GraphicsContext g, ChartLayout.Mark mark) {
        if (mark instanceof ChartLayout.Line line) {
            stroke(g, line.colour(), line.width(), line.dash());
            g.strokeLine(line.x1(), line.y1(), line.x2(), line.y2());
        } else if (mark instanceof ChartLayout.Polyline path) {
            stroke(g, path.colour(), path.width(), path.dash());
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.strokePolyline(path.xs(), path.ys(), path.xs().length);
        } else if (mark instanceof ChartLayout.Dot dot) {
            double r = dot.radius();
            double x = dot.x();
            double y = dot.y();
            g.setFill(colour(dot.colour()));
            switch (dot.shape()) {
                case 1 -> g.fillRect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
                case 2 -> g.fillPolygon(new double[] {x, x + r * 1.2, x, x - r * 1.2},
                        new double[] {y - r * 1.2, y, y + r * 1.2, y}, 4);
                case 3 -> g.fillPolygon(new double[] {x, x + r * 1.15, x - r * 1.15},
                        new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8}, 3);
                default -> g.fillOval(x - r, y - r, 2 * r, 2 * r);
            }
        } else if (mark instanceof ChartLayout.Label label) {
            g.setFont(font(label.size(), label.bold()));
            g.setFill(colour(label.colour()));
            g.setTextBaseline(VPos.BASELINE);
            g.setTextAlign(switch (label.align()) {
                case START -> TextAlignment.LEFT;
                case CENTER -> TextAlignment.CENTER;
                case END -> TextAlignment.RIGHT;
            });
            g.fillText(label.text(), label.x(), label.y());
        }
    }

    private void stroke(GraphicsContext g, String colour, double width, double[] dash) {
        g.setStroke(colour(colour));
        g.setLineWidth(width);
        g.setLineDashes(dash.length == 0 ? null : dash);
    }

    /** The recorded point nearest to (x, y) within reach of the pointer, if any. */
    ChartLayout.Dot pointNear(double x, double y) {
        if (layout == null) {
            return null;
        }
        ChartLayout.Dot best = null;
        double reach = REACH * Math.max(1, laidOutScale);
        double bestDistance = reach * reach;
        for (ChartLayout.Dot dot : layout.dots()) {
            double dx = dot.x() - x;
            double dy = dot.y() - y;
            double distance = dx * dx + dy * dy;
            if (distance <= bestDistance) {
                best = dot;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** One tooltip per chart, moved to the point under the pointer: a tooltip per point costs too much. */
    private void hover(double x, double y) {
        ChartLayout.Dot dot = pointNear(x, y);
        if (dot == null) {
            ring.setVisible(false);
            tooltip.hide();
            hovered = null;
            return;
        }
        if (dot == hovered && tooltip.isShowing()) {
            return;
        }
        hovered = dot;
        ring.setCenterX(dot.x());
        ring.setCenterY(dot.y());
        ring.setStroke(colour(dot.colour()));
        ring.setVisible(true);
        tooltip.setText(describe(dot));
        Point2D screen = plot.localToScreen(dot.x(), dot.y());
        if (screen != null) {
            tooltip.show(plot, screen.getX() + 12, screen.getY() + 12);
        }
    }

    static String describe(ChartLayout.Dot dot) {
        StringBuilder tip = new StringBuilder(dot.series().name()).append(": ").append(dot.point().text())
                .append('\n').append(Display.date(dot.point().date()));
        if (!dot.point().detail().isEmpty()) {
            tip.append('\n').append(dot.point().detail());
        }
        return tip.toString();
    }

    /** The tooltip shown for the point under the pointer (for tests). */
    public Tooltip tooltip() {
        return tooltip;
    }

}
