package app.rebound.ui.kit;

import javafx.beans.binding.DoubleBinding;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Scale;

import app.rebound.domain.programme.Illustration;

/**
 * An exercise's line drawing on screen, as JavaFX vector paths: crisp at any size. Its size (and with it
 * the width of its lines) follows the clinician's text size, as the text beside it does.
 */
public final class IllustrationView extends Pane {

    /** The width at 100 %, scaled with the text size. */
    private final DoubleBinding width;
    private double scale;
    private Illustration shown;

    public IllustrationView(double width) {
        this(Em.px(width));
    }

    /** As {@link #IllustrationView(double)}, but at a large text size never wider than {@code share} of {@code room}. */
    public IllustrationView(double width, ObservableDoubleValue room, double share) {
        this(Em.px(width, room, share));
    }

    private IllustrationView(DoubleBinding width) {
        this.width = width;
        getStyleClass().add("illustration");
        size();
        this.width.addListener((obs, old, now) -> {
            size();
            show(shown);
        });
    }

    private void size() {
        scale = width.get() / Illustration.WIDTH;
        setPrefSize(width.get(), Illustration.HEIGHT * scale);
        setMinSize(width.get(), Illustration.HEIGHT * scale);
    }

    public void show(Illustration illustration) {
        shown = illustration;
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
        // scale about the origin of the drawing's own box: the lines grow with the drawing
        drawing.setManaged(false);
        drawing.getTransforms().add(new Scale(scale, scale, 0, 0));
        getChildren().add(drawing);
    }
}
