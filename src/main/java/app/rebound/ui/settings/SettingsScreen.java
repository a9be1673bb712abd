package app.rebound.ui.settings;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.stage.Window;

import app.rebound.domain.Appearance;
import app.rebound.domain.ClinicSettings;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Worker;

/** The clinic's settings: read in the background, then the dialog. */
public final class SettingsScreen {

    private SettingsScreen() {
    }

    /**
     * Opens the settings; {@code onSaved} gets what was saved and the idle minutes before the screen locks,
     * {@code onScheme} the colour scheme chosen (the clinician's own, kept by the window, not the clinic's).
     */
    public static void open(Window owner, Services services, Worker worker, Appearance.Scheme scheme,
            Consumer<Appearance.Scheme> onScheme, BiConsumer<ClinicSettings, Integer> onSaved) {
        BackgroundTask.wrap(() -> SettingsViewModel.Stored.readFrom(services.settings()))
                .onSuccess(current -> {
                    SettingsDialog.open(owner, dialogs -> {
                        SettingsViewModel model = new SettingsViewModel(services.settings(), worker, current, dialogs);
                        model.schemeProperty().set(scheme);
                        return model;
                    }, (model, saved) -> {
                        onScheme.accept(model.schemeProperty().get());
                        onSaved.accept(saved, model.savedIdleMinutes());
                    });
                })
                .onFailure(failure -> new FxDialogs(owner).report("action.openSettings", failure))
                .executeWith(worker);
    }
}
