package app.rebound.ui.kit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.service.Services;

/**
 * For view-model tests: a real clinic file in a temp folder (anna signed in, a fixed clock), the
 * same-thread runner, and dialogs that record what a view model put to the clinician; no JavaFX toolkit.
 */
public abstract class OnClinicFile {

    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    protected Path folder;

    protected Services services;
    protected final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    /** What the view model put to the clinician, in order. */
    protected final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    protected void openClinic() {
        Locale.setDefault(Locale.UK);
        TestKeys.clinicFolder(folder, CLOCK, Locale.UK);
        services = TestKeys.signIn(folder, CLOCK, Locale.UK);
    }

    @AfterEach
    protected void closeClinic() {
        if (services != null) {
            services.close();
        }
    }

    /** Zoë Ødegård, born 1990, who gave birth 22 weeks ago; saved. */
    protected Patient zoe() {
        return services.patients().save(PatientFixture.patient("Zoë", "Ødegård")
                .dateOfBirth(LocalDate.of(1990, 3, 14)).birth(TODAY.minusWeeks(22)).build());
    }
}
