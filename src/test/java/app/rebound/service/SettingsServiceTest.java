package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.Database;
import app.rebound.store.SettingsStore;

class SettingsServiceTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private SettingsService service(Locale locale) {
        return new SettingsService(new SettingsStore(database), locale);
    }

    @Test
    void paperDefaultsToTheCustomOfTheClinicsCountry() {
        assertThat(service(Locale.US).load().paperSize()).isEqualTo(PaperSize.US_LETTER);
        assertThat(service(Locale.UK).load().paperSize()).isEqualTo(PaperSize.A4);
    }

    @Test
    void savedSettingsAreLoaded() {
        ClinicSettings settings = new ClinicSettings(" Zoë's Physio — Ødegård ", "Anna Smith", PaperSize.A4, null);

        service(Locale.US).save(settings);

        assertThat(service(Locale.US).load().clinicName()).isEqualTo("Zoë's Physio — Ødegård");
        assertThat(service(Locale.US).load().paperSize()).isEqualTo(PaperSize.A4);
    }

    @Test
    void tooLongNamesOrLogoAreRefusedAndNothingIsSaved() {
        SettingsService service = service(Locale.UK);
        service.save(new ClinicSettings("Rebound Physio", null, PaperSize.A4, null));

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> service.save(new ClinicSettings(
                        "c".repeat(ClinicSettings.NAME_MAX_LENGTH + 1), "n".repeat(ClinicSettings.NAME_MAX_LENGTH + 1),
                        PaperSize.US_LETTER, new ClinicLogo("image/png", new byte[ClinicLogo.MAX_BYTES + 1]))));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("clinicName", "clinicianName", "logo");
        assertThat(service.load()).isEqualTo(new ClinicSettings("Rebound Physio", null, PaperSize.A4, null));
    }
}
