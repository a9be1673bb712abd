package app.rebound.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.TestKeys;
import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.service.Services;
import app.rebound.ui.kit.RecordingDialogs;
import app.rebound.ui.kit.Worker;

/**
 * The logo: a PNG or JPEG of at most 2 MB, read in the background, saved with the settings; the idle
 * minutes before the screen locks (1–240) and the automatic backups' folder (empty or a whole path);
 * the clinician's name carried through untouched.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsViewModelTest {

    /** A real 1×1 PNG: the logo must decode, not just start with PNG's signature. */
    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgL8sDAAGLAPQ8xSAqAAAAAElFTkSuQmCC");
    private static final byte[] PNG_SIGNATURE_ONLY = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @TempDir
    Path folder;

    private Services services;
    private Worker worker;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private SettingsViewModel model;

    @BeforeEach
    void open(FxRobot robot) {
        services = TestKeys.services(folder.resolve("data"), Clock.systemUTC(), Locale.UK);
        worker = new Worker();
        robot.interact(() -> model = new SettingsViewModel(services.settings(), worker,
                SettingsViewModel.Stored.readFrom(services.settings()), dialogs));
    }

    @AfterEach
    void close() {
        worker.close();
        services.close();
    }

    @Test
    void acceptsAPngAndSavesIt(FxRobot robot) throws Exception {
        Path file = Files.write(folder.resolve("logo.png"), PNG);
        robot.interact(() -> model.chooseLogo(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.logoProperty().get() != null);
        assertThat(model.isDirty()).isTrue();

        robot.interact(() -> model.save(saved -> { }));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> services.settings().load().logo() != null);
        assertThat(services.settings().load().logo()).isEqualTo(new ClinicLogo("image/png", PNG));
    }

    @Test
    void refusesATextFileABrokenImageAndAnOversizedImageWithAMessage(FxRobot robot) throws Exception {
        Path text = Files.writeString(folder.resolve("logo.png"), "not an image");
        robot.interact(() -> model.chooseLogo(text));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.errors().containsKey("logo"));
        assertThat(model.errors().get("logo")).isEqualTo("The logo must be a PNG or JPEG image.");

        Path broken = Files.write(folder.resolve("broken.png"), PNG_SIGNATURE_ONLY);
        robot.interact(() -> model.chooseLogo(broken));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> model.errors().getOrDefault("logo", "").startsWith("That file could not be read"));

        byte[] big = new byte[ClinicLogo.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Path large = Files.write(folder.resolve("big.png"), big);
        robot.interact(() -> model.chooseLogo(large));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> model.errors().getOrDefault("logo", "").contains("2 MB"));
        assertThat(model.logoProperty().get()).isNull();
    }

    @Test
    void refusesIdleMinutesOutsideOneToTwoHundredFortyAndSavesFive(FxRobot robot) throws Exception {
        assertThat(model.idleMinutesProperty().get()).isEqualTo("10");
        for (String wrong : new String[] {"0", "241", "-3", "five", ""}) {
            robot.interact(() -> {
                model.idleMinutesProperty().set(wrong);
                model.save(saved -> { });
            });
            assertThat(model.errors().get("idleMinutes")).as(wrong)
                    .isEqualTo("Enter whole minutes from 1 to 240.");
        }
        assertThat(services.settings().idleMinutes()).isEqualTo(10);

        boolean[] saved = new boolean[1];
        robot.interact(() -> {
            model.idleMinutesProperty().set(" 5 ");
            model.save(settings -> saved[0] = true);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> saved[0]);
        assertThat(model.errors()).isEmpty();
        assertThat(services.settings().idleMinutes()).isEqualTo(5);
        assertThat(model.savedIdleMinutes()).isEqualTo(5);
    }

    @Test
    void theBackupFolderIsEmptyForTheDefaultOrAWholePath(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.backupFolderProperty().set("backups/elsewhere");
            model.save(saved -> { });
        });
        assertThat(model.errors()).containsKey("backupFolder");
        assertThat(services.settings().backupFolder()).isEmpty();

        Path chosen = folder.resolve("clinic backups");
        boolean[] saved = new boolean[1];
        robot.interact(() -> {
            model.backupFolderProperty().set(chosen.toString());
            model.save(settings -> saved[0] = true);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> saved[0]);
        assertThat(services.settings().backupFolder()).contains(chosen.toString());

        SettingsViewModel[] again = new SettingsViewModel[1];
        robot.interact(() -> again[0] = new SettingsViewModel(services.settings(), worker,
                SettingsViewModel.Stored.readFrom(services.settings()), dialogs));
        assertThat(again[0].backupFolderProperty().get()).isEqualTo(chosen.toString());
        assertThat(again[0].isDirty()).isFalse();

        saved[0] = false;
        robot.interact(() -> {
            again[0].backupFolderProperty().set("");
            again[0].save(settings -> saved[0] = true);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> saved[0]);
        assertThat(services.settings().backupFolder()).as("empty is the default again").isEmpty();
    }

    @Test
    void changingTheIdleMinutesOrFolderCountsAsAChange(FxRobot robot) {
        assertThat(model.isDirty()).isFalse();
        robot.interact(() -> model.idleMinutesProperty().set("30"));
        assertThat(model.isDirty()).isTrue();
        robot.interact(() -> {
            model.idleMinutesProperty().set("10");
            model.backupFolderProperty().set(folder.toString());
        });
        assertThat(model.isDirty()).isTrue();
    }

    @Test
    void theClinicianNameIsShownAndCarriedThroughUntouched(FxRobot robot) throws Exception {
        robot.interact(() -> services.settings().save(new ClinicSettings("Clinic", "Old Name",
                PaperSize.A4, null)));
        robot.interact(() -> model = new SettingsViewModel(services.settings(), worker,
                SettingsViewModel.Stored.readFrom(services.settings()), dialogs));
        assertThat(model.printedAs()).isEqualTo("Old Name");

        boolean[] saved = new boolean[1];
        robot.interact(() -> {
            model.clinicNameProperty().set("New Clinic");
            model.save(settings -> saved[0] = true);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> saved[0]);
        assertThat(services.settings().load().clinicName()).isEqualTo("New Clinic");
        assertThat(services.settings().load().clinicianName()).isEqualTo("Old Name");
    }
}
