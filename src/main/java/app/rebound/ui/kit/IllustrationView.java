package app.rebound.ui.kit;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
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
        // the colours are the theme's (rebound.css: -drawing-paper, -drawing-frame, -drawing-ink)
        Rectangle frame = new Rectangle(Illustration.WIDTH * scale, Illustration.HEIGHT * scale);
        frame.getStyleClass().add("drawing-paper");
        getChildren().add(frame);
        if (illustration == null) {
            return;
        }
        Group drawing = new Group();
        for (String data : illustration.fills()) {
            SVGPath path = new SVGPath();
            path.setContent(data);
            path.getStyleClass().add("drawing-fill");
            drawing.getChildren().add(path);
        }
        for (String data : illustration.strokes()) {
            SVGPath path = new SVGPath();
            path.setContent(data);
            path.setFill(null);
            path.getStyleClass().add("drawing-stroke");
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
