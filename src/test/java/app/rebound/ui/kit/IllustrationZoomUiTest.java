package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Appearance;
import app.rebound.domain.programme.Illustration;

/** An exercise's drawing grows with the clinician's text size, its lines with it (it stayed at 100 %). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IllustrationZoomUiTest {

    private final IllustrationView view = new IllustrationView(220);

    @Start
    void start(Stage stage) {
        view.show(new Illustration(List.of("M 10 10 L 100 100"), List.of()));
        // in a group: the view at its own size, not stretched to the window's
        Scene scene = new Scene(new StackPane(new Group(view)), 800, 600);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void backToTheDefault(FxRobot robot) {
        robot.interact(() -> Theme.use(Appearance.DEFAULT));
    }

    /** The width of the drawing's line as drawn, in the window's units. */
    private double lineWidth() {
        Group drawing = (Group) view.getChildren().get(1);
        SVGPath line = (SVGPath) drawing.getChildren().get(0);
        return line.getStrokeWidth() * line.getLocalToSceneTransform().getMxx();
    }

    @Test
    void theDrawingAndItsLinesAreTwiceTheSizeAt200Percent(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = view.getWidth();
        double line = lineWidth();
        assertThat(width).isCloseTo(220, Offset.offset(0.5));

        robot.interact(() -> Theme.use(new Appearance(Appearance.Scheme.LIGHT, 200)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getWidth()).isCloseTo(440, Offset.offset(0.5));
        assertThat(lineWidth()).isCloseTo(2 * line, Offset.offset(0.01));
    }
}
