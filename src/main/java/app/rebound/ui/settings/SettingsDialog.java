package app.rebound.ui.settings;

import java.io.File;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.ui.Alerts;
import app.rebound.ui.Display;
import app.rebound.ui.FormGrid;

/** Settings: what handouts and reports print about the clinic, and on which paper. */
public final class SettingsDialog extends Dialog<ClinicSettings> {

    private boolean saved;

    public SettingsDialog(Window owner, SettingsViewModel model) {
        initOwner(owner);
        setTitle(Messages.get("settings.title"));
        setHeaderText(null);
        getDialogPane().setId("settingsDialog");
        app.rebound.ui.Theme.apply(getDialogPane());
        ButtonType save = new ButtonType(Messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(Messages.get("button.cancel"));
        Button saveButton = (Button) getDialogPane().lookupButton(save);
        saveButton.setId("saveSettings");
        saveButton.disableProperty().bind(model.savingProperty());

        FormGrid form = new FormGrid(model.errors());
        TextField clinic = new TextField();
        clinic.setId("clinicName");
        clinic.textProperty().bindBidirectional(model.clinicNameProperty());
        form.add("settings.clinicName", clinic, "clinicName");
        TextField clinician = new TextField();
        clinician.setId("clinicianName");
        clinician.textProperty().bindBidirectional(model.clinicianNameProperty());
        form.add("settings.clinicianName", clinician, "clinicianName");

        ComboBox<PaperSize> paper = new ComboBox<>();
        paper.setId("paperSize");
        paper.getItems().setAll(PaperSize.values());
        paper.setCellFactory(list -> new PaperCell());
        paper.setButtonCell(new PaperCell());
        paper.valueProperty().bindBidirectional(model.paperSizeProperty());
        form.add("settings.paperSize", paper, "paperSize");

        ImageView preview = new ImageView();
        preview.setFitHeight(56);
        preview.setFitWidth(180);
        preview.setPreserveRatio(true);
        Label noLogo = new Label(Messages.get("settings.logo.none"));
        noLogo.getStyleClass().add("form-help");
        noLogo.visibleProperty().bind(model.logoProperty().isNull());
        noLogo.managedProperty().bind(noLogo.visibleProperty());
        preview.imageProperty().bind(model.previewProperty());
        Button choose = new Button(Messages.get("settings.logo.choose"), new FontIcon(Material2AL.IMAGE));
        choose.setId("chooseLogo");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("settings.logo.choose.title"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    Messages.get("settings.logo.filter"), "*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"));
            File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.chooseLogo(file.toPath());
            }
        });
        Button remove = new Button(Messages.get("settings.logo.remove"), new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.disableProperty().bind(model.logoProperty().isNull());
        remove.setOnAction(e -> model.removeLogo());
        preview.visibleProperty().bind(model.logoProperty().isNotNull());
        preview.managedProperty().bind(preview.visibleProperty());
        for (javafx.scene.control.Control control : new javafx.scene.control.Control[] {noLogo, choose, remove}) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox logoRow = new HBox(10, preview, noLogo, choose, remove);
        logoRow.setAlignment(Pos.CENTER_LEFT);
        logoRow.setMaxWidth(Double.MAX_VALUE);
        form.add("settings.logo", logoRow, choose, "logo");

        form.setPadding(new Insets(8, 8, 8, 8));
        getDialogPane().setContent(form);
        getDialogPane().setPrefWidth(620);

        saveButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.save(settings -> {
                saved = true;
                setResultConverter(b -> settings);
                setResult(settings);
                close();
            }, message -> Alerts.error(getDialogPane().getScene().getWindow(), message));
        });
        setOnCloseRequest(event -> {
            if (!saved && model.isDirty()
                    && !Alerts.confirmDiscard(getDialogPane().getScene().getWindow(), "discard.settings")) {
                event.consume();
            }
        });
        setResultConverter(b -> null);
        setOnShown(e -> Platform.runLater(clinic::requestFocus));
    }

    public static void open(Window owner, SettingsViewModel model, Consumer<ClinicSettings> onSaved) {
        SettingsDialog dialog = new SettingsDialog(owner, model);
        dialog.setOnHidden(e -> {
            if (dialog.saved && dialog.getResult() != null) {
                onSaved.accept(dialog.getResult());
            }
        });
        dialog.show();
    }

    private static final class PaperCell extends ListCell<PaperSize> {
        @Override
        protected void updateItem(PaperSize item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : Display.of(item));
        }
    }
}
