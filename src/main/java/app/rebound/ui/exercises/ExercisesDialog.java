package app.rebound.ui.exercises;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
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
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import app.rebound.domain.Messages;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.visit.Stage;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.EnumChoice;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.IllustrationView;
import app.rebound.ui.kit.TextAreas;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Em;

/** The exercise library: look at every exercise, print a photo instead of a drawing, add the clinic's own. */
public final class ExercisesDialog extends Dialog<Void> {

    private final ExercisesViewModel model;
    private final ListView<Exercise> list = new ListView<>();
    private final IllustrationView drawing = new IllustrationView(300);
    private final ImageView photo = new ImageView();
    private final Label name = new Label();
    private final Label purpose = new Label();
    private final Button usePhoto = new Button(Messages.get("exercises.usePhoto"), new FontIcon(Material2AL.IMAGE));
    private final Button useDrawing = new Button(Messages.get("exercises.useDrawing"));
    private final Button delete = new Button(Messages.get("exercises.delete"), new FontIcon(Material2AL.DELETE_OUTLINE));

    public ExercisesDialog(Window owner, ExercisesViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle(Messages.get("exercises.title"));
        setResizable(true);
        getDialogPane().setId("exercisesDialog");
        Theme.apply(getDialogPane());
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        list.setId("exerciseList");
        list.setItems(model.exercises());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Exercise item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Display.of(item.stage()) + " · " + item.name()
                        + (model.isShipped(item) ? "" : "  " + Messages.get("exercises.own")));
            }
        });
        list.prefWidthProperty().bind(Em.px(340));
        list.getSelectionModel().selectedItemProperty().addListener((o, old, e) -> show(e));
        model.photos().addListener((MapChangeListener<String, Object>) c -> show(list.getSelectionModel().getSelectedItem()));

        photo.setFitWidth(300);
        photo.setFitHeight(210);
        photo.setPreserveRatio(true);
        name.getStyleClass().add("load-test-name");
        name.setWrapText(true);
        purpose.setWrapText(true);
        purpose.getStyleClass().add("form-help");
        usePhoto.setId("usePhoto");
        usePhoto.setOnAction(e -> choosePhoto());
        useDrawing.setOnAction(e -> model.useDrawing(list.getSelectionModel().getSelectedItem()));
        delete.setOnAction(e -> model.delete(list.getSelectionModel().getSelectedItem()));
        Button add = new Button(Messages.get("exercises.new"), new FontIcon(Material2AL.ADD));
        add.setId("newExercise");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> newExercise());
        VBox detail = new VBox(10, new StackPane(drawing, photo), name, purpose, new HBox(8, usePhoto, useDrawing),
                delete);
        detail.prefWidthProperty().bind(Em.px(320));
        HBox content = new HBox(16, new VBox(8, add, list), detail);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().prefWidthProperty().bind(Em.px(760));
        getDialogPane().prefHeightProperty().bind(Em.px(560));
        getDialogPane().minWidthProperty().bind(Em.px(720));
        list.minWidthProperty().bind(Em.px(340));
        detail.minWidthProperty().bind(Em.px(320));
        model.exercises().addListener((ListChangeListener<Exercise>) c -> {
            if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        model.load();
    }

    private void show(Exercise exercise) {
        boolean any = exercise != null;
        var picture = any ? model.photos().get(exercise.code()) : null;
        photo.setImage(picture == null ? null : new Image(new ByteArrayInputStream(picture.data()), 300, 210, true, true));
        photo.setVisible(picture != null);
        drawing.setVisible(picture == null);
        drawing.show(any ? exercise.illustration() : null);
        name.setText(any ? exercise.name() : "");
        purpose.setText(any && exercise.purpose() != null ? exercise.purpose() : "");
        usePhoto.setDisable(!any);
        useDrawing.setDisable(picture == null || any && exercise.illustration() == null);
        delete.setDisable(!any || model.isShipped(exercise));
    }

    private void choosePhoto() {
        Exercise exercise = list.getSelectionModel().getSelectedItem();
        if (exercise == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("settings.logo.filter"),
                "*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"));
        File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            model.usePhoto(exercise, file.toPath());
        }
    }

    /** A form for the clinic's own exercise; the dialog stays open, with messages, until it is valid. */
    private void newExercise() {
        Dialog<Void> form = new Dialog<>();
        form.initOwner(getDialogPane().getScene().getWindow());
        form.setTitle(Messages.get("exercises.new"));
        form.getDialogPane().setId("newExerciseDialog");
        Theme.apply(form.getDialogPane());
        ButtonType save = new ButtonType(Messages.get("button.save"), ButtonBar.ButtonData.OK_DONE);
        form.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FormGrid grid = new FormGrid(errors);
        TextField code = field("exerciseCode");
        TextField exerciseName = field("exerciseName");
        ComboBox<Stage> stage = EnumChoice.of(Stage.class);
        stage.getItems().remove(null);
        stage.setValue(Stage.LOW_LOAD);
        TextField why = field("exercisePurpose");
        TextArea steps = TextAreas.tabMovesFocus(new TextArea());
        steps.setId("exerciseSteps");
        steps.setPrefRowCount(5);
        TextArea cues = TextAreas.tabMovesFocus(new TextArea());
        cues.setPrefRowCount(2);
        TextField sets = number("2");
        TextField reps = number("10");
        TextField hold = number("0");
        TextField times = number("1");
        TextField days = number("3");
        grid.add("exercises.field.code", code, "code");
        grid.add("exercises.field.name", exerciseName, "name");
        grid.add("exercises.field.stage", stage, "stage");
        grid.add("exercises.field.purpose", why, "purpose");
        grid.add("exercises.field.steps", steps, "instructions");
        grid.add("exercises.field.cues", cues, "cues");
        grid.add("exercises.field.sets", sets, "sets");
        grid.add("exercises.field.reps", reps, "reps");
        grid.add("exercises.field.holdSeconds", hold, "holdSeconds");
        grid.add("exercises.field.timesPerDay", times, "timesPerDay");
        grid.add("exercises.field.daysPerWeek", days, "daysPerWeek");
        form.getDialogPane().setContent(grid);
        form.getDialogPane().prefWidthProperty().bind(Em.px(640));
        form.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            Dose chosen;
            try {
                chosen = new Dose(Integer.parseInt(sets.getText().strip()), Integer.parseInt(reps.getText().strip()),
                        Integer.parseInt(hold.getText().strip()), Integer.parseInt(times.getText().strip()),
                        Integer.parseInt(days.getText().strip()));
            } catch (NumberFormatException e) {
                errors.clear();
                errors.put("sets", Messages.get("exercises.doseNumbers"));
                return;
            }
            Exercise exercise = new Exercise(code.getText().strip(), exerciseName.getText().strip(), stage.getValue(),
                    ExerciseKind.GENERAL, blank(why.getText()), lines(steps.getText()), lines(cues.getText()), chosen,
                    null, null, null);
            model.create(exercise, form::close, found -> {
                errors.clear();
                errors.putAll(found);
            });
        });
        form.show();
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    private static TextField number(String value) {
        TextField field = new TextField(value);
        field.setPrefColumnCount(3);
        return field;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
