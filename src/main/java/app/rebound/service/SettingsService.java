package app.rebound.service;

import java.util.List;
import java.util.Locale;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.SettingsStore;

/** The clinic's settings: clinic name and logo, clinician, paper size. */
public final class SettingsService {

    private final SettingsStore store;
    private final PaperSize defaultPaper;

    public SettingsService(SettingsStore store, Locale locale) {
        this.store = store;
        this.defaultPaper = PaperSize.defaultFor(locale);
    }

    public ClinicSettings load() {
        return store.load(defaultPaper);
    }

    public ClinicSettings save(ClinicSettings settings) {
        List<Violation> problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        store.save(settings);
        return settings;
    }

    static final String SAMPLES_OFFERED = "welcome.samplesOffered";

    /** Whether the first start has already offered the sample patients (asked once per data folder). */
    public boolean samplesOffered() {
        return store.value(SAMPLES_OFFERED).isPresent();
    }

    public void markSamplesOffered() {
        store.put(SAMPLES_OFFERED, "yes");
    }
}
