package app.rebound.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.BrandMark;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Worker;

/** The band under the menus: the program's name and mark, and the clinic's name (also in the window's title). */
final class ClinicHeader {

    private final Stage stage;
    private final Label clinicLabel = new Label();
    private final HBox node;

    ClinicHeader(Stage stage) {
        this.stage = stage;
        Label brand = new Label(Messages.get("app.name"), new BrandMark(30));
        brand.getStyleClass().add("brand");
        clinicLabel.setId("headerClinicName");
        clinicLabel.getStyleClass().add("clinic-name");
        node = new HBox(14, brand, clinicLabel);
        node.setAlignment(Pos.CENTER_LEFT);
        node.getStyleClass().add("app-header");
        node.setPadding(new Insets(12, 18, 4, 18));
    }

    HBox node() {
        return node;
    }

    /** Reads the clinic's name in the background and shows it; a failure is logged (the name is not vital). */
    void load(Services services, Worker worker) {
        BackgroundTask.wrap(() -> services.settings().load())
                .onSuccess(this::show)
                .onFailure(failure -> Failures.log(Messages.get("action.openSettings"), failure))
                .executeWith(worker);
    }

    void show(ClinicSettings settings) {
        String name = settings.clinicName();
        clinicLabel.setText(name == null ? "" : name);
        stage.setTitle(name == null ? Messages.get("app.name") : Messages.get("app.name") + " — " + name);
    }
}
