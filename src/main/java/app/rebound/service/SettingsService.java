package app.rebound.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.rebound.domain.Appearance;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.DateStyle;
import app.rebound.domain.PaperSize;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.SettingsStore;

/** The clinic's settings: clinic name and logo, clinician, paper size. */
public final class SettingsService {

    private final SettingsStore store;
    private final PaperSize defaultPaper;
    private final DateStyle defaultDateStyle;
    private final Session session;

    public SettingsService(SettingsStore store, Locale locale) {
        this(store, locale, new Session());
    }

    SettingsService(SettingsStore store, Locale locale, Session session) {
        this.store = store;
        this.defaultPaper = PaperSize.defaultFor(locale);
        this.defaultDateStyle = DateStyle.defaultFor(locale);
        this.session = session;
    }

    /**
     * The clinic's settings; the clinician is the one signed in (her account's name), or the name stored
     * before accounts existed when nobody is.
     */
    public ClinicSettings load() {
        ClinicSettings stored = store.load(defaultPaper);
        String signedIn = session.displayName();
        return signedIn == null ? stored
                : new ClinicSettings(stored.clinicName(), signedIn, stored.paperSize(), stored.logo());
    }

    /** The clinician's name belongs to her account now: the clinic-wide setting is removed. */
    void forgetClinicianName() {
        store.remove(SettingsStore.CLINICIAN_NAME_SETTING);
    }

    static final String IDLE_MINUTES = "lock.idleMinutes";
    static final String BACKUP_FOLDER = "backup.folder";
    static final String LAST_AUTOMATIC_BACKUP = "backup.lastAutomatic";
    public static final int DEFAULT_IDLE_MINUTES = 10;

    /** Minutes without keyboard or mouse before the screen locks (1–240, default 10). */
    public int idleMinutes() {
        return store.value(IDLE_MINUTES).map(v -> {
            try {
                int minutes = Integer.parseInt(v);
                return minutes >= 1 && minutes <= 240 ? minutes : DEFAULT_IDLE_MINUTES;
            } catch (NumberFormatException e) {
                return DEFAULT_IDLE_MINUTES;
            }
        }).orElse(DEFAULT_IDLE_MINUTES);
    }

    public void setIdleMinutes(int minutes) {
        if (minutes < 1 || minutes > 240) {
            throw new ValidationException(List.of(Violation.of("idleMinutes", "validation.outsideRange", minutes,
                    "1–240")));
        }
        store.put(IDLE_MINUTES, Integer.toString(minutes));
    }

    /** The folder automatic backups go to, or empty for the default (the data folder's "backups"). */
    public Optional<String> backupFolder() {
        return store.value(BACKUP_FOLDER);
    }

    public void setBackupFolder(String folder) {
        String clean = TextNormalization.clean(folder);
        if (clean == null) {
            store.remove(BACKUP_FOLDER);
        } else {
            store.put(BACKUP_FOLDER, clean);
        }
    }

    Optional<String> lastAutomaticBackup() {
        return store.value(LAST_AUTOMATIC_BACKUP);
    }

    void setLastAutomaticBackup(String day) {
        store.put(LAST_AUTOMATIC_BACKUP, day);
    }

    public ClinicSettings save(ClinicSettings settings) {
        List<Violation> problems = settings.validate();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (session.clinician().isPresent()) {
            // the clinician's name is her account's: the clinic-wide one is not written from it
            ClinicSettings stored = store.load(defaultPaper);
            store.save(new ClinicSettings(settings.clinicName(), stored.clinicianName(), settings.paperSize(),
                    settings.logo()));
            return load();
        }
        store.save(settings);
        return settings;
    }

    static final String APPEARANCE = "appearance.";

    /**
     * The signed-in clinician's colours and text size (each clinician her own: the rows are named by her
     * account's id), or the clinic's when nobody is signed in; the defaults when none was chosen.
     */
    public Appearance appearance() {
        String prefix = appearancePrefix();
        return new Appearance(Appearance.scheme(store.value(prefix + "scheme").orElse(null)),
                Appearance.zoom(store.value(prefix + "zoom").orElse(null)));
    }

    /** Keeps the signed-in clinician's colours and text size for her next sign-in. */
    public void saveAppearance(Appearance appearance) {
        String prefix = appearancePrefix();
        store.put(prefix + "scheme", appearance.scheme().name());
        store.put(prefix + "zoom", Integer.toString(appearance.zoomPercent()));
    }

    private String appearancePrefix() {
        return APPEARANCE + session.clinician().map(c -> c.id().toString() + ".").orElse("");
    }

    static final String DATE_STYLE = "display.dateStyle";

    /** How every screen writes and reads dates: the clinic's choice, or her computer's locale's usual style. */
    public DateStyle dateStyle() {
        return DateStyle.parse(store.value(DATE_STYLE).orElse(null), defaultDateStyle);
    }

    public void setDateStyle(DateStyle style) {
        store.put(DATE_STYLE, style.name());
    }

    static final String SIGN_IN_COUNTER = "signin.counter";

    /**
     * The id of the wrong-password counter file written at the last right password (see
     * {@link SignInThrottle}): kept here, inside the encrypted database, where nobody without a password
     * can change it.
     */
    Optional<String> signInCounter() {
        return store.value(SIGN_IN_COUNTER);
    }

    void setSignInCounter(String id) {
        store.put(SIGN_IN_COUNTER, id);
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
