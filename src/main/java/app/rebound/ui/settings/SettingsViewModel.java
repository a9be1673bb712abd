package app.rebound.ui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
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

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.SettingsService;
import app.rebound.ui.BackgroundTask;
import app.rebound.ui.Failures;

/** The settings dialog: clinic name and logo, the clinician's name, paper size. */
public final class SettingsViewModel {

    private final SettingsService service;
    private final Executor worker;
    private final ClinicSettings original;

    private final StringProperty clinicName = new SimpleStringProperty(this, "clinicName", "");
    private final StringProperty clinicianName = new SimpleStringProperty(this, "clinicianName", "");
    private final ObjectProperty<PaperSize> paperSize = new SimpleObjectProperty<>(this, "paperSize");
    private final ObjectProperty<ClinicLogo> logo = new SimpleObjectProperty<>(this, "logo");
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>(this, "preview");
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);

    public SettingsViewModel(SettingsService service, Executor worker, ClinicSettings current) {
        this.service = service;
        this.worker = worker;
        this.original = current;
        clinicName.set(current.clinicName() == null ? "" : current.clinicName());
        clinicianName.set(current.clinicianName() == null ? "" : current.clinicianName());
        paperSize.set(current.paperSize());
        logo.set(current.logo());
        if (current.logo() != null) {
            ClinicLogo stored = current.logo();
            BackgroundTask.wrap(() -> decode(stored.data()))
                    .onSuccess(image -> {
                        if (logo.get() == stored && !image.isError()) {
                            preview.set(image);
                        }
                    })
                    .executeWith(worker);
        }
    }

    public boolean isDirty() {
        return !current().equals(original);
    }

    private ClinicSettings current() {
        return new ClinicSettings(clinicName.get(), clinicianName.get(), paperSize.get(), logo.get());
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
                .executeWith(worker);
    }

    private record Decoded(ClinicLogo logo, Image image) {
    }

    /** Decodes at preview size, so a huge image never reaches the screen at full size. */
    private static Image decode(byte[] bytes) {
        return new Image(new java.io.ByteArrayInputStream(bytes), 360, 112, true, true);
    }

    public ObjectProperty<Image> previewProperty() {
        return preview;
    }

    public void removeLogo() {
        preview.set(null);
        logo.set(null);
        errors.remove("logo");
    }

    public void save(Consumer<ClinicSettings> onSaved, Consumer<String> onFailure) {
        ClinicSettings settings = current();
        Map<String, String> found = new LinkedHashMap<>();
        for (Violation v : settings.validate()) {
            found.putIfAbsent(v.field(), v.message());
        }
        errors.clear();
        errors.putAll(found);
        if (!found.isEmpty() || saving.get()) {
            return;
        }
        saving.set(true);
        BackgroundTask.wrap(() -> service.save(settings))
                .onSuccess(onSaved)
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        invalid.violations().forEach(v -> errors.put(v.field(), v.message()));
                    } else {
                        String action = Messages.get("action.saveSettings");
                        Failures.log(action, failure);
                        onFailure.accept(Failures.describe(action, failure));
                    }
                })
                .onFinished(() -> saving.set(false))
                .executeWith(worker);
    }

    public StringProperty clinicNameProperty() {
        return clinicName;
    }

    public StringProperty clinicianNameProperty() {
        return clinicianName;
    }

    public ObjectProperty<PaperSize> paperSizeProperty() {
        return paperSize;
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
}
