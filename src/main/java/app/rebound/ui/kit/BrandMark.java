package app.rebound.ui.kit;

import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import app.rebound.domain.Messages;

/**
 * Rebound's mark beside its name: the app icon (installer/icon/rebound.svg), a teal tile with a curve
 * that dips and rises into an arrow, drawn with shapes. Being shapes, it needs no icon font, so the
 * sign-in window shows it without loading one before its first frame.
 */
public final class BrandMark extends Group {

    private static final double ICON = 512;

    public BrandMark(double size) {
        Rectangle tile = new Rectangle(16, 16, 480, 480);
        tile.setArcWidth(216);
        tile.setArcHeight(216);
        tile.setFill(new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.web("#1a9c9a")), new Stop(1, Color.web("#0d6f73"))));
        SVGPath curve = stroke("M114 208 C 144 370, 246 424, 374 200");
        SVGPath arrow = stroke("M256 210 L 378 190 L 394 312");
        Group icon = new Group(tile, curve, arrow);
        // as large as the text around it: the size given is the one at the normal text size
        icon.scaleXProperty().bind(Em.px(size).divide(ICON));
        icon.scaleYProperty().bind(Em.px(size).divide(ICON));
        // the scale works about the centre: a group around it takes the scaled bounds
        getChildren().add(new Group(icon));
        getStyleClass().add("brand-mark");
        setAccessibleText(Messages.get("app.name"));
    }

    private static SVGPath stroke(String path) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.setFill(null);
        shape.setStroke(Color.WHITE);
        shape.setStrokeWidth(56);
        shape.setStrokeLineCap(StrokeLineCap.ROUND);
        shape.setStrokeLineJoin(StrokeLineJoin.ROUND);
        return shape;
    }
}
