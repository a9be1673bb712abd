package app.rebound.ui.kit;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

import app.rebound.domain.programme.Illustration;

/** An exercise's line drawing on screen, as JavaFX vector paths: crisp at any size. */
public final class IllustrationView extends Pane {

    private final double scale;

    public IllustrationView(double width) {
        this.scale = width / Illustration.WIDTH;
        setPrefSize(width, Illustration.HEIGHT * scale);
        setMinSize(width, Illustration.HEIGHT * scale);
        getStyleClass().add("illustration");
    }

    public void show(Illustration illustration) {
        getChildren().clear();
        Rectangle frame = new Rectangle(Illustration.WIDTH * scale, Illustration.HEIGHT * scale, Color.WHITE);
        frame.setStroke(Color.web("#d0d7de"));
        getChildren().add(frame);
        if (illustration == null) {
            return;
        }
        Group drawing = new Group();
        for (String data : illustration.fills()) {
            SVGPath path = new SVGPath();
            path.setContent(data);
            path.setFill(Color.web("#1f2328"));
            drawing.getChildren().add(path);
        }
        for (String data : illustration.strokes()) {
            SVGPath path = new SVGPath();
            path.setContent(data);
            path.setFill(null);
            path.setStroke(Color.web("#1f2328"));
            path.setStrokeWidth(2.2);
            path.setStrokeLineCap(StrokeLineCap.ROUND);
            path.setStrokeLineJoin(StrokeLineJoin.ROUND);
            drawing.getChildren().add(path);
        }
        drawing.setScaleX(scale);
        drawing.setScaleY(scale);
        // scale about the origin of the drawing's own box
        drawing.setManaged(false);
        drawing.getTransforms().clear();
        drawing.setScaleX(1);
        drawing.setScaleY(1);
        drawing.getTransforms().add(new Scale(scale, scale, 0, 0));
        getChildren().add(drawing);
    }
}
