package app.rebound.ui.progress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.geometry.VPos;
import javafx.util.Duration;

import app.rebound.domain.Messages;
import app.rebound.domain.progress.ChartLayout;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.ui.Display;

/**
 * One progress chart on screen: its title, then the chart's layout painted as JavaFX shapes
 * (the report paints the same layout as PDF vectors). It is laid out again when its width changes;
 * hovering a point shows its value and date.
 */
public final class ChartView extends VBox {

    static final double HEIGHT = 230;
    static final double FONT = 12;

    private final ProgressChart chart;
    private final Pane canvas = new Pane();
    private ChartLayout.Layout layout;
    private double laidOutWidth = -1;

    public ChartView(ProgressChart chart) {
        this.chart = chart;
        setId("chart-" + chart.id().replace('.', '-'));
        getStyleClass().add("progress-chart");
        Label title = new Label(chart.title());
        title.getStyleClass().add("progress-chart-title");
        canvas.setMinHeight(HEIGHT);
        canvas.setPrefHeight(HEIGHT);
        canvas.setMaxHeight(HEIGHT);
        canvas.setMinWidth(200);
        canvas.setPrefWidth(520);
        getChildren().addAll(title, canvas);
        setSpacing(4);
        canvas.widthProperty().addListener((obs, old, now) -> redraw(now.doubleValue()));
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
        if (width <= 0 || width == laidOutWidth) {
            return;
        }
        laidOutWidth = width;
        layout = ChartLayout.of(chart, width, HEIGHT, FONT, ChartView::measure, ChartView::axisDate,
                Messages.get("progress.empty"));
        List<Node> nodes = new ArrayList<>(layout.marks().size());
        for (ChartLayout.Mark mark : layout.marks()) {
            nodes.add(node(mark));
        }
        canvas.getChildren().setAll(nodes);
    }

    private static final DateTimeFormatter AXIS_DATE = DateTimeFormatter.ofPattern("d MMM yy", Locale.getDefault());

    static String axisDate(LocalDate date) {
        return AXIS_DATE.format(date);
    }

    private static final Text MEASURE = new Text();

    static double measure(String text, Double size) {
        MEASURE.setFont(Font.font(Font.getDefault().getFamily(), size));
        MEASURE.setText(text);
        return MEASURE.getLayoutBounds().getWidth();
    }

    private static Node node(ChartLayout.Mark mark) {
        if (mark instanceof ChartLayout.Line line) {
            Line node = new Line(line.x1(), line.y1(), line.x2(), line.y2());
            stroke(node, line.colour(), line.width(), line.dash());
            node.setMouseTransparent(true);
            return node;
        }
        if (mark instanceof ChartLayout.Polyline path) {
            Polyline node = new Polyline();
            for (int i = 0; i < path.xs().length; i++) {
                node.getPoints().addAll(path.xs()[i], path.ys()[i]);
            }
            stroke(node, path.colour(), path.width(), path.dash());
            node.setStrokeLineJoin(StrokeLineJoin.ROUND);
            node.setMouseTransparent(true);
            return node;
        }
        if (mark instanceof ChartLayout.Dot dot) {
            return dot(dot);
        }
        ChartLayout.Label label = (ChartLayout.Label) mark;
        Text text = new Text(label.text());
        text.setFont(Font.font(Font.getDefault().getFamily(), label.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                label.size()));
        text.setFill(Color.web(label.colour()));
        text.setTextOrigin(VPos.BASELINE);
        text.setBoundsType(TextBoundsType.LOGICAL);
        double width = text.getLayoutBounds().getWidth();
        double shift = switch (label.align()) {
            case START -> 0;
            case CENTER -> width / 2;
            case END -> width;
        };
        text.setX(label.x() - shift);
        text.setY(label.y());
        text.setMouseTransparent(true);
        text.getStyleClass().add("chart-label");
        return text;
    }

    private static Node dot(ChartLayout.Dot dot) {
        double r = dot.radius();
        double x = dot.x();
        double y = dot.y();
        Shape shape = switch (dot.shape()) {
            case 1 -> new Rectangle(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
            case 2 -> new Polygon(x, y - r * 1.2, x + r * 1.2, y, x, y + r * 1.2, x - r * 1.2, y);
            case 3 -> new Polygon(x, y - r * 1.2, x + r * 1.15, y + r * 0.8, x - r * 1.15, y + r * 0.8);
            default -> new Circle(x, y, r);
        };
        shape.setFill(Color.web(dot.colour()));
        if (dot.point() == null) {
            shape.setMouseTransparent(true);
            return shape;
        }
        shape.getStyleClass().add("chart-point");
        StringBuilder tip = new StringBuilder(dot.series().name()).append(": ").append(dot.point().text())
                .append('\n').append(Display.date(dot.point().date()));
        if (!dot.point().detail().isEmpty()) {
            tip.append('\n').append(dot.point().detail());
        }
        Tooltip tooltip = new Tooltip(tip.toString());
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(shape, tooltip);
        // a larger, invisible target makes the small point easy to hover
        Circle target = new Circle(x, y, Math.max(8, r * 2.4), Color.TRANSPARENT);
        Tooltip.install(target, tooltip);
        target.setUserData(dot);
        Pane both = new Pane(shape, target);
        both.setPickOnBounds(false);
        both.setManaged(false);
        both.setUserData(dot);
        both.getStyleClass().add("chart-point-group");
        return both;
    }

    private static void stroke(Shape shape, String colour, double width, double[] dash) {
        shape.setStroke(Color.web(colour));
        shape.setStrokeWidth(width);
        for (double d : dash) {
            shape.getStrokeDashArray().add(d);
        }
    }
}
