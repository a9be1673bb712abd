package app.rebound.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.ClinicLogo;
import app.rebound.service.Services;
import app.rebound.ui.Worker;

/** The logo: a PNG or JPEG of at most 2 MB, read in the background, saved with the settings. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewModelTest {

    /** A real 1×1 PNG: the logo must decode, not just start with PNG's signature. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgL8sDAAGLAPQ8xSAqAAAAAElFTkSuQmCC");
    private static final byte[] PNG_SIGNATURE_ONLY = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @TempDir
    Path folder;

    private Services services;
    private Worker worker;
    private SettingsViewModel model;

    @BeforeEach
    void open(FxRobot robot) {
        services = Services.open(folder.resolve("data"), app.rebound.TestKeys.KEY, java.time.Clock.systemUTC(), Locale.UK);
        worker = new Worker();
        robot.interact(() -> model = new SettingsViewModel(services.settings(), worker, services.settings().load()));
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
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.logoProperty().get() != null);
        assertThat(model.isDirty()).isTrue();

        robot.interact(() -> model.save(saved -> { }, message -> { }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> services.settings().load().logo() != null);
        assertThat(services.settings().load().logo()).isEqualTo(new ClinicLogo("image/png", PNG));
    }

    @Test
    void refusesATextFileABrokenImageAndAnOversizedImageWithAMessage(FxRobot robot) throws Exception {
        Path text = Files.writeString(folder.resolve("logo.png"), "not an image");
        robot.interact(() -> model.chooseLogo(text));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.errors().containsKey("logo"));
        assertThat(model.errors().get("logo")).isEqualTo("The logo must be a PNG or JPEG image.");

        Path broken = Files.write(folder.resolve("broken.png"), PNG_SIGNATURE_ONLY);
        robot.interact(() -> model.chooseLogo(broken));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> model.errors().getOrDefault("logo", "").startsWith("That file could not be read"));

        byte[] big = new byte[ClinicLogo.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Path large = Files.write(folder.resolve("big.png"), big);
        robot.interact(() -> model.chooseLogo(large));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> model.errors().getOrDefault("logo", "").contains("2 MB"));
        assertThat(model.logoProperty().get()).isNull();
    }
}
