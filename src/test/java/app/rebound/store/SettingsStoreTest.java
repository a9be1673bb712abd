package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;

class SettingsStoreTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, (byte) 0xFF, 0x7F, (byte) 0x80};

    @TempDir
    Path folder;

    private Database database;
    private SettingsStore store;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        store = new SettingsStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void nothingSavedGivesDefaultsWithTheGivenPaper() {
        assertThat(store.load(PaperSize.A4)).isEqualTo(new ClinicSettings(null, null, PaperSize.A4, null));
        assertThat(store.load(PaperSize.US_LETTER)).isEqualTo(ClinicSettings.defaults(PaperSize.US_LETTER));
    }

    @Test
    void savedSettingsComeBack() {
        ClinicSettings settings = new ClinicSettings("Zoë's Physio — Ødegård", "Łukasz Nowak 李小龙",
                PaperSize.US_LETTER, new ClinicLogo("image/png", PNG));

        store.save(settings);

        ClinicSettings loaded = store.load(PaperSize.A4);
        assertThat(loaded).isEqualTo(settings);
        assertThat(loaded.clinicName()).isEqualTo("Zoë's Physio — Ødegård");
        assertThat(loaded.logo().mediaType()).isEqualTo("image/png");
        assertThat(loaded.logo().data()).isEqualTo(PNG);
    }

    @Test
    void aSavedPaperSizeWinsOverTheDefault() {
        store.save(ClinicSettings.defaults(PaperSize.A4));

        assertThat(store.load(PaperSize.US_LETTER).paperSize()).isEqualTo(PaperSize.A4);
    }

    @Test
    void removingTheLogoKeepsTheRest() {
        store.save(new ClinicSettings("Rebound Physio", "Anna Smith", PaperSize.A4, new ClinicLogo("image/png", PNG)));

        store.save(new ClinicSettings("Rebound Physio", "Anna Smith", PaperSize.A4, null));

        assertThat(store.load(PaperSize.US_LETTER))
                .isEqualTo(new ClinicSettings("Rebound Physio", "Anna Smith", PaperSize.A4, null));
    }

    @Test
    void replacingTheLogoKeepsOnlyTheNewOne() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        store.save(new ClinicSettings(null, null, PaperSize.A4, new ClinicLogo("image/png", PNG)));

        store.save(new ClinicSettings(null, null, PaperSize.A4, new ClinicLogo("image/jpeg", jpeg)));

        assertThat(store.load(PaperSize.A4).logo()).isEqualTo(new ClinicLogo("image/jpeg", jpeg));
    }

    @Test
    void clearingTheNamesForgetsThem() {
        store.save(new ClinicSettings("Rebound Physio", "Anna Smith", PaperSize.US_LETTER, null));

        store.save(new ClinicSettings("  ", null, PaperSize.US_LETTER, null));

        ClinicSettings loaded = store.load(PaperSize.A4);
        assertThat(loaded.clinicName()).isNull();
        assertThat(loaded.clinicianName()).isNull();
        assertThat(loaded.paperSize()).isEqualTo(PaperSize.US_LETTER);
    }

    @Test
    void aLogoOfTheLargestAllowedSizeFits() {
        byte[] large = Arrays.copyOf(PNG, ClinicLogo.MAX_BYTES);
        Arrays.fill(large, PNG.length, large.length, (byte) 0xA5);

        store.save(new ClinicSettings(null, null, PaperSize.A4, new ClinicLogo("image/png", large)));

        assertThat(store.load(PaperSize.A4).logo().data()).isEqualTo(large);
    }

    @Test
    void settingsSurviveReopening() {
        ClinicSettings settings = new ClinicSettings("Zoë's Physio — Ødegård", null, PaperSize.US_LETTER,
                new ClinicLogo("image/png", PNG));
        store.save(settings);
        database.close();

        database = TestKeys.database(folder);

        assertThat(new SettingsStore(database).load(PaperSize.A4)).isEqualTo(settings);
    }
}
