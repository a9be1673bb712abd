package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipFile;

import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.service.AutomaticBackups;

/**
 * The automatic backups as the window makes them: one at the first sign-in of the day, one when the
 * window closes, each an encrypted database with its key file, in the data folder's {@code backups}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AutomaticBackupUiTest extends MainWindowFixture {

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    @Test
    void aBackupAtTheDaysFirstSignInAndOneOnClose(FxRobot robot) throws Exception {
        waitUntilReady();
        Path folder = dataFolder.resolve(AutomaticBackups.DEFAULT_FOLDER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> backups(folder).size() == 1);
        assertBackup(backups(folder).get(0));

        robot.interact(window::closing);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> backups(folder).size() == 2);
        for (Path backup : backups(folder)) {
            assertBackup(backup);
        }
    }

    private static List<Path> backups(Path folder) {
        try {
            return AutomaticBackups.newestFirst(folder);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void assertBackup(Path zip) throws IOException, TimeoutException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry("rebound.mv.db")).as("the database").isNotNull();
            assertThat(file.getEntry("rebound.keys")).as("its key file").isNotNull();
            byte[] head = file.getInputStream(file.getEntry("rebound.mv.db")).readNBytes(9);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt");
        }
    }
}
