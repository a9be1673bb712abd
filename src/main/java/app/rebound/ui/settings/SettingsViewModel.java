package app.rebound.ui.settings;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;

import app.rebound.domain.Appearance;
import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.DateStyle;
import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.SettingsService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/**
 * The settings dialog: clinic name and logo, paper size, the idle minutes before the screen locks and
 * the automatic backups' folder. The clinician's name is her account's (Clinic → My account…): it is
 * shown, carried through unchanged, and never edited here.
 */
public final class SettingsViewModel {

    private final SettingsService service;
    private final TaskRunner tasks;
    private final Stored original;
    private final Dialogs dialogs;

    private final StringProperty clinicName = new SimpleStringProperty(this, "clinicName", "");
    private final StringProperty idleMinutes = new SimpleStringProperty(this, "idleMinutes", "");
    private final StringProperty backupFolder = new SimpleStringProperty(this, "backupFolder", "");
    private int savedIdleMinutes;
    private final ObjectProperty<PaperSize> paperSize = new SimpleObjectProperty<>(this, "paperSize");
    private final ObjectProperty<DateStyle> dateStyle = new SimpleObjectProperty<>(this, "dateStyle");
    private final ObjectProperty<ClinicLogo> logo = new SimpleObjectProperty<>(this, "logo");
    /** The signed-in clinician's colour scheme: hers, not the clinic's; the window applies and keeps it on save. */
    private final ObjectProperty<Appearance.Scheme> scheme = new SimpleObjectProperty<>(this, "scheme",
            Appearance.Scheme.LIGHT);
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);

    /** What the dialog starts from, read on the worker with {@link #readFrom}. */
    public record Stored(ClinicSettings clinic, int idleMinutes, String backupFolder, DateStyle dateStyle) {

        public Stored {
            backupFolder = backupFolder == null ? "" : backupFolder;
            dateStyle = dateStyle == null ? DateInput.clinicStyle() : dateStyle;
        }

        public Stored(ClinicSettings clinic, int idleMinutes, String backupFolder) {
            this(clinic, idleMinutes, backupFolder, null);
        }

        public static Stored readFrom(SettingsService service) {
            return new Stored(service.load(), service.idleMinutes(), service.backupFolder().orElse(""),
                    service.dateStyle());
        }
    }

    public SettingsViewModel(SettingsService service, TaskRunner tasks, Stored stored, Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.original = stored;
        this.dialogs = dialogs;
        ClinicSettings current = stored.clinic();
        clinicName.set(current.clinicName() == null ? "" : current.clinicName());
        idleMinutes.set(Integer.toString(stored.idleMinutes()));
        backupFolder.set(stored.backupFolder());
        savedIdleMinutes = stored.idleMinutes();
        paperSize.set(current.paperSize());
        dateStyle.set(stored.dateStyle());
        logo.set(current.logo());
        if (current.logo() != null) {
            ClinicLogo storedLogo = current.logo();
            BackgroundTask.wrap(() -> decode(storedLogo.data()))
                    .onSuccess(image -> {
                        if (logo.get() == storedLogo && !image.isError()) {
                            preview.set(image);
                        }
                    })
                    .executeWith(tasks);
        }
    }

    public boolean isDirty() {
        return !current().equals(original.clinic())
                || !idleMinutes.get().strip().equals(Integer.toString(original.idleMinutes()))
                || !backupFolder.get().strip().equals(original.backupFolder())
                || dateStyle.get() != original.dateStyle();
    }

    /** The clinician's name goes through as it was read: saving never writes it. */
    private ClinicSettings current() {
        return new ClinicSettings(clinicName.get(), original.clinic().clinicianName(), paperSize.get(), logo.get());
    }

    /** The idle minutes typed, or null when they are not a whole number from 1 to 240. */
    private Integer typedIdleMinutes() {
        try {
            int minutes = Integer.parseInt(idleMinutes.get().strip());
            return minutes >= 1 && minutes <= 240 ? minutes : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the folder typed is empty (the default) or a whole path. */
    private boolean backupFolderIsUsable() {
        String typed = backupFolder.get().strip();
        try {
            return typed.isEmpty() || Path.of(typed).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Reads a logo file in the background; refuses anything but a PNG or JPEG of at most 2 MB. */
    public void chooseLogo(Path file) {
        BackgroundTask.wrap(() -> {
                    long size = Files.size(file);
                    if (size > ClinicLogo.MAX_BYTES) {
                        return Messages.get("validation.logo.tooLarge");
                    }
                    byte[] bytes = Files.readAllBytes(file);
                    String type = ClinicLogo.detectMediaType(bytes);
                    if (type == null) {
                        return Messages.get("validation.logo.type");
                    }
                    Image decoded = decode(bytes);
                    if (decoded.isError()) {
                        return Messages.get("validation.logo.unreadable");
                    }
                    return new Decoded(new ClinicLogo(type, bytes), decoded);
                })
                .onSuccess(result -> {
                    if (result instanceof Decoded chosen) {
                        logo.set(chosen.logo());
                        preview.set(chosen.image());
                        errors.remove("logo");
                    } else {
                        errors.put("logo", (String) result);
                    }
                })
                .onFailure(failure -> errors.put("logo", Messages.get("validation.logo.unreadable")))
                .executeWith(tasks);
    }

    private record Decoded(ClinicLogo logo, Image image) {
    }

    /** Decodes at preview size, so a huge image never reaches the screen at full size. */
    private static Image decode(byte[] bytes) {
        return new Image(new ByteArrayInputStream(bytes), 360, 112, true, true);
    }

    public ObjectProperty<Image> previewProperty() {
        return preview;
    }

    public void removeLogo() {
        preview.set(null);
        logo.set(null);
        errors.remove("logo");
    }

    public void save(Consumer<ClinicSettings> onSaved) {
        ClinicSettings settings = current();
        Map<String, String> found = new LinkedHashMap<>();
        for (Violation v : settings.validate()) {
            found.putIfAbsent(v.field(), v.message());
        }
        Integer minutes = typedIdleMinutes();
        if (minutes == null) {
            found.put("idleMinutes", Messages.get("settings.idleMinutes.invalid"));
        }
        if (!backupFolderIsUsable()) {
            found.put("backupFolder", Messages.get("settings.backupFolder.absolute"));
        }
        errors.clear();
        errors.putAll(found);
        if (!found.isEmpty() || saving.get()) {
            return;
        }
        saving.set(true);
        String folder = backupFolder.get().strip();
        DateStyle style = dateStyle.get() == null ? original.dateStyle() : dateStyle.get();
        BackgroundTask.wrap(() -> {
                    service.setIdleMinutes(minutes);
                    service.setDateStyle(style);
                    service.setBackupFolder(folder);
                    return service.save(settings);
                })
                .onSuccess(saved -> {
                    savedIdleMinutes = minutes;
                    DateInput.useClinicStyle(style);
                    onSaved.accept(saved);
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        invalid.violations().forEach(v -> errors.put(v.field(), v.message()));
                    } else {
                        dialogs.report("action.saveSettings", failure);
                    }
                })
                .onFinished(() -> saving.set(false))
                .executeWith(tasks);
    }

    public StringProperty clinicNameProperty() {
        return clinicName;
    }

    /** The name handouts print: the signed-in clinician's, changed in Clinic → My account…. */
    public String printedAs() {
        String name = original.clinic().clinicianName();
        return name == null ? "" : name;
    }

    /** The idle minutes as typed (a whole number from 1 to 240). */
    public StringProperty idleMinutesProperty() {
        return idleMinutes;
    }

    /** The idle minutes last saved (or read): what the lock screen counts down. */
    public int savedIdleMinutes() {
        return savedIdleMinutes;
    }

    /** The automatic backups' folder as typed; empty for the default in the data folder. */
    public StringProperty backupFolderProperty() {
        return backupFolder;
    }

    public ObjectProperty<PaperSize> paperSizeProperty() {
        return paperSize;
    }

    /** How every screen writes and reads dates (26/10/2026, 10/26/2026, 26.10.2026 or 2026-10-26). */
    public ObjectProperty<DateStyle> dateStyleProperty() {
        return dateStyle;
    }

    public ObjectProperty<ClinicLogo> logoProperty() {
        return logo;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ObjectProperty<Appearance.Scheme> schemeProperty() {
        return scheme;
    }
}
