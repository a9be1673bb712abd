package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    @TempDir
    Path folder;

    @Test
    void remembersSizeAndPlaceAcrossStarts(FxRobot robot) {
        WindowPlacement placement = new WindowPlacement(folder);
        robot.interact(() -> {
            Stage first = new Stage();
            placement.restore(first);
            assertThat(first.getMinWidth()).isEqualTo(WindowPlacement.MIN_WIDTH);
            first.setX(40);
            first.setY(30);
            first.setWidth(1000);
            first.setHeight(650);
            placement.save(first);

            Stage second = new Stage();
            new WindowPlacement(folder).restore(second);
            assertThat(second.getX()).isEqualTo(40);
            assertThat(second.getY()).isEqualTo(30);
            assertThat(second.getWidth()).isEqualTo(1000);
            assertThat(second.getHeight()).isEqualTo(650);
        });
    }

    @Test
    void ignoresAPlaceOffEveryScreenAndAnUnreadableFile(FxRobot robot) throws Exception {
        Files.writeString(folder.resolve("window.properties"), "x=99999\ny=99999\nwidth=abc\nheight=700\n");
        robot.interact(() -> {
            Stage stage = new Stage();
            new WindowPlacement(folder).restore(stage);
            assertThat(stage.getX()).as("not placed off screen; centred when shown").isNotEqualTo(99999.0);
            assertThat(stage.getWidth()).isGreaterThanOrEqualTo(WindowPlacement.MIN_WIDTH);
        });
    }
}
