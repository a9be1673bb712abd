package app.rebound.ui.programme;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Messages;
import app.rebound.domain.PersonName;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.visit.Stage;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.EnumChoice;
import app.rebound.ui.kit.Headings;
import app.rebound.ui.kit.IllustrationView;
import app.rebound.ui.kit.Em;

/**
 * The programme builder beside its handout: exercises in order with their doses (edit a cell with
 * Enter or by typing; Alt+Up/Down reorders; Delete removes), the walk-run plan, when to review, and
 * Save, Preview, Save as PDF and Print. Everything that is wrong is listed under the tables.
 */
public final class ProgrammeView extends BorderPane {

    /** What the view needs from the window: going back, previewing pages, printing. */
    public interface Host {
        void back();

        void preview(byte[] pdf);

        void print(byte[] pdf);

        /** Where to save the handout, suggesting {@code name}; empty when she cancels. */
        Optional<Path> choosePdf(String name);

        Window window();
    }

    private final ProgrammeViewModel model;
    private final TableView<ProgrammeViewModel.ItemRow> exercises = new TableView<>();
    private final TableView<ProgrammeViewModel.WeekRow> weeks = new TableView<>();

    public ProgrammeView(ProgrammeViewModel model, Host host) {
        this.model = model;
        setId("programmeView");
        getStyleClass().add("programme-view");

        Button back = new Button(Messages.get("programme.back"), new FontIcon(Material2AL.ARROW_BACK));
        back.getStyleClass().add("flat");
        back.setId("backToVisit");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> leave(host));
        back.setFocusTraversable(false);
        var context = model.context();
        Label title = new Label(Messages.format("programme.title",
                PersonName.fullName(context.patient().givenName(), context.patient().familyName()),
                Display.date(context.visit().date())));
        title.getStyleClass().add("visit-patient");

        ComboBox<Stage> stage = EnumChoice.of(Stage.class);
        stage.getItems().remove(null);
        stage.setId("programmeStage");
        stage.setValue(model.stageProperty().get());
        stage.valueProperty().addListener((obs, old, now) -> {
            if (now == null || now == model.stageProperty().get()) {
                return;
            }
            if (model.isEdited() && !Alerts.confirmDiscard(host.window(), "discard.programme")) {
                Platform.runLater(() -> stage.setValue(model.stageProperty().get()));
                return;
            }
            model.restartFor(now);
        });
        model.stageProperty().addListener((obs, old, now) -> stage.setValue(now));
        Label suggested = new Label(Messages.format("programme.suggested",
                Display.of(context.readiness().suggestedStage())));
        suggested.getStyleClass().add("form-help");
        TextField review = new TextField();
        review.setId("reviewInWeeks");
        review.setPrefColumnCount(3);
        review.textProperty().bindBidirectional(model.reviewProperty());
        review.textProperty().addListener((obs, old, now) -> model.edited());

        Label state = new Label();
        state.setId("programmeState");
        state.getStyleClass().add("save-state");
        state.textProperty().bind(model.stateProperty());
        BusySpinner busy = new BusySpinner(20);
        busy.showingProperty().bind(model.busyProperty());

        Button save = new Button(Messages.get("programme.save"), new FontIcon(Material2MZ.SAVE));
        save.setId("saveProgramme");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save(() -> { }));
        Button preview = new Button(Messages.get("programme.preview"), new FontIcon(Material2MZ.PREVIEW));
        preview.setId("previewHandout");
        preview.setOnAction(e -> model.render(host::preview));
        Button pdf = new Button(Messages.get("programme.savePdf"), new FontIcon(Material2MZ.PICTURE_AS_PDF));
        pdf.setId("saveHandoutPdf");
        pdf.setOnAction(e -> savePdf(host));
        Button print = new Button(Messages.get("programme.print"), new FontIcon(Material2MZ.PRINT));
        print.setId("printHandout");
        print.setOnAction(e -> model.render(host::print));
        for (Button b : List.of(save, preview, pdf, print)) {
            b.disableProperty().bind(model.busyProperty().or(Bindings.isNotEmpty(model.problems())));
        }

        for (Button b : List.of(save, preview, pdf, print)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // nothing here is cut at 1024 pixels: the title wraps, the rest keeps its width
        back.setMinWidth(Region.USE_PREF_SIZE);
        // the state ("Handout saved as Ødegård-Zoë-…pdf") wraps within a share of the width: at 200 % it
        // kept its whole width on one line and squeezed the title to "…"
        state.setWrapText(true);
        state.minWidthProperty().bind(Em.px(120));
        state.maxWidthProperty().bind(Em.px(320, widthProperty(), 0.3));
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // shrunk first when the line is full: never below a width its words fit in
        title.minWidthProperty().bind(Em.px(200, widthProperty(), 0.4));
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox top = new HBox(12, back, title, state, busy);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 18, 6, 12));
        top.getStyleClass().add("visit-header");
        Label stageLabel = new Label(Messages.get("programme.stage"));
        stageLabel.setLabelFor(stage);
        Label reviewLabel = new Label(Messages.get("programme.review"));
        reviewLabel.setLabelFor(review);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // the stage and review on the left, the actions on the right; at a large text size the actions wrap
        // onto a line of their own rather than squeeze the labels
        HBox choices = new HBox(10, stageLabel, stage, suggested, reviewLabel, review,
                new Label(Messages.get("programme.reviewUnit")));
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(10, save, preview, pdf, print);
        actions.setAlignment(Pos.CENTER_RIGHT);
        for (HBox group : List.of(choices, actions)) {
            group.getChildren().forEach(n -> {
                if (n instanceof Region r && n != suggested) {
                    r.setMinWidth(Region.USE_PREF_SIZE);
                }
            });
        }
        // the suggestion in brackets wraps when the line is full (at 200 % the line was wider than the window)
        suggested.setWrapText(true);
        suggested.setMinHeight(Region.USE_PREF_SIZE);
        suggested.minWidthProperty().bind(Em.px(90));
        FlowPane second = new FlowPane(10, 6, choices, gap, actions);
        second.setAlignment(Pos.CENTER_LEFT);
        second.setPadding(new Insets(4, 18, 8, 18));
        // a flow lays its children out at their preferred width: the choices no wider than the line
        choices.maxWidthProperty().bind(second.widthProperty().subtract(36));
        // the gap pushes the actions to the right while both fit on one line
        gap.prefWidthProperty().bind(Bindings.max(0, second.widthProperty().subtract(36 + 20)
                .subtract(choices.widthProperty()).subtract(actions.widthProperty()).subtract(1)));
        setTop(new VBox(top, second));

        save.setTooltip(new Tooltip("Ctrl+S"));
        pdf.setTooltip(new Tooltip("Ctrl+Shift+S"));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                e.consume();
                keepTyping();
                if (e.isShiftDown() && !pdf.isDisabled()) {
                    savePdf(host);
                } else if (!e.isShiftDown() && !save.isDisabled()) {
                    model.save(() -> { });
                }
            } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
                leave(host);
                e.consume();
            }
        });
        VBox content = new VBox(10, exercisesSection(), walkRunSection(), problemsList());
        content.setPadding(new Insets(4, 18, 18, 18));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
    }

    private VBox exercisesSection() {
        Label heading = new Label(Messages.get("programme.exercises"));
        heading.getStyleClass().add("visit-section-title");
        ComboBox<Exercise> library = new ComboBox<>();
        library.setId("libraryChoice");
        library.getItems().setAll(model.library());
        library.setCellFactory(list -> new ExerciseCell());
        library.setButtonCell(new ExerciseCell());
        library.setPromptText(Messages.get("programme.addPrompt"));
        // wide enough for its prompt, "Choose an exercise to add (type its first letter)"; at a large text
        // size no more than 40 % of the screen (at 200 % it pushed the screen wider than the window)
        library.prefWidthProperty().bind(Em.px(420, widthProperty(), 0.4));
        EnumChoice.typeAhead(library, Exercise::name);
        Button add = new Button(Messages.get("programme.add"), new FontIcon(Material2AL.ADD));
        add.setId("addExercise");
        add.setOnAction(e -> {
            if (library.getValue() != null) {
                model.add(library.getValue());
                exercises.getSelectionModel().selectLast();
            }
        });
        Button remove = new Button(Messages.get("programme.remove"), new FontIcon(Material2MZ.REMOVE_CIRCLE_OUTLINE));
        remove.setOnAction(e -> removeSelected());
        Button up = new Button(null, new FontIcon(Material2AL.ARROW_UPWARD));
        up.setAccessibleText(Messages.get("programme.up"));
        up.setOnAction(e -> moveSelected(-1));
        Button down = new Button(null, new FontIcon(Material2AL.ARROW_DOWNWARD));
        down.setAccessibleText(Messages.get("programme.down"));
        down.setOnAction(e -> moveSelected(1));
        for (Button b : List.of(add, remove, up, down)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox tools = new HBox(8, library, add, remove, up, down);
        tools.setAlignment(Pos.CENTER_LEFT);

        exercises.setId("programmeExercises");
        // the table scrolls sideways within itself: its columns never make the screen wider than the window
        exercises.setMinWidth(200);
        exercises.setEditable(true);
        CellKeys.install(exercises);
        exercises.setItems(model.items());
        exercises.prefHeightProperty().bind(Em.px(360));
        exercises.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ProgrammeViewModel.ItemRow, String> name = new TableColumn<>(Messages.get("programme.column.exercise"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().exercise().name()));
        name.setEditable(false);
        name.setCellFactory(c -> new WrappingCell<>());
        name.prefWidthProperty().bind(Em.px(260));
        name.minWidthProperty().bind(Headings.atLeastHeading(name, Em.px(140)));
        exercises.getColumns().add(name);
        exercises.getColumns().add(editable("programme.column.sets", r -> r.sets, 60));
        exercises.getColumns().add(editable("programme.column.reps", r -> r.reps, 60));
        exercises.getColumns().add(editable("programme.column.hold", r -> r.hold, 70));
        exercises.getColumns().add(editable("programme.column.timesPerDay", r -> r.timesPerDay, 90));
        exercises.getColumns().add(editable("programme.column.daysPerWeek", r -> r.daysPerWeek, 90));
        exercises.getColumns().add(editable("programme.column.notes", r -> r.notes, 200));
        // why each exercise is there (§9): kept whatever she does to the dose
        TableColumn<ProgrammeViewModel.ItemRow, String> why = new TableColumn<>(Messages.get("programme.column.why"));
        why.setId("programmeWhy");
        why.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.why(c.getValue())));
        why.setEditable(false);
        why.setCellFactory(c -> new WrappingCell<>());
        why.setSortable(false);
        why.prefWidthProperty().bind(Em.px(220));
        why.minWidthProperty().bind(Headings.atLeastHeading(why, Em.px(120)));
        exercises.getColumns().add(1, why);
        Headings.measure(exercises);
        exercises.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (exercises.getEditingCell() != null) {
                return;
            }
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                moveSelected(-1);
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                moveSelected(1);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
                e.consume();
            }
        });
        // the drawing grows with the text, within the detail's share of the window
        IllustrationView picture = new IllustrationView(220, widthProperty(), 0.28);
        picture.setId("exercisePicture");
        Label chosen = new Label();
        chosen.getStyleClass().add("load-test-name");
        chosen.setWrapText(true);
        Label purpose = new Label();
        purpose.setWrapText(true);
        purpose.getStyleClass().add("form-help");
        VBox detail = new VBox(8, picture, chosen, purpose);
        // the picture keeps its size; the text beside the table takes no more than a third of the screen
        detail.prefWidthProperty().bind(Em.px(230, widthProperty(), 0.3));
        detail.setMinWidth(230);
        detail.maxWidthProperty().bind(Em.px(230, widthProperty(), 0.3));
        exercises.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            picture.show(row == null ? null : row.exercise().illustration());
            chosen.setText(row == null ? "" : row.exercise().name());
            purpose.setText(row == null ? "" : row.exercise().purpose());
        });
        picture.show(null);
        if (!exercises.getItems().isEmpty()) {
            exercises.getSelectionModel().selectFirst();
        }
        HBox.setHgrow(exercises, Priority.ALWAYS);
        return new VBox(8, heading, tools, new HBox(14, exercises, detail));
    }

    private VBox walkRunSection() {
        Label heading = new Label(Messages.get("programme.walkRun"));
        heading.getStyleClass().add("visit-section-title");
        Label help = new Label(Messages.get("programme.walkRun.help"));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        weeks.setId("walkRunWeeks");
        weeks.setMinWidth(200);
        weeks.setEditable(true);
        CellKeys.install(weeks);
        weeks.setItems(model.weeks());
        weeks.prefHeightProperty().bind(Em.px(300));
        weeks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        weeks.getColumns().add(editable("programme.column.week", r -> r.week, 60));
        weeks.getColumns().add(editable("programme.column.sessions", r -> r.sessions, 90));
        weeks.getColumns().add(editable("programme.column.run", r -> r.run, 90));
        weeks.getColumns().add(editable("programme.column.walk", r -> r.walk, 90));
        weeks.getColumns().add(editable("programme.column.repeats", r -> r.repeats, 90));
        Headings.measure(weeks);
        VBox box = new VBox(8, heading, help, weeks);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.weeks()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox problemsList() {
        VBox box = new VBox(4);
        box.setId("programmeProblems");
        Runnable update = () -> {
            box.getChildren().clear();
            for (String problem : model.problems()) {
                Label line = new Label(problem, new FontIcon(Material2AL.ERROR_OUTLINE));
                line.setWrapText(true);
                line.getStyleClass().add("field-error");
                box.getChildren().add(line);
            }
        };
        model.problems().addListener((ListChangeListener<String>) c -> update.run());
        update.run();
        return box;
    }

    private <R> TableColumn<R, String> editable(String key, Function<R, StringProperty> property, double width) {
        TableColumn<R, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new CommittingCell<>());
        column.setOnEditCommit(e -> {
            property.apply(e.getRowValue()).set(e.getNewValue());
            model.edited();
        });
        column.prefWidthProperty().bind(Em.px(width));
        // its heading and numbers stay readable at a large text size: the table scrolls rather than cuts
        // nor is its heading cut: the column is never narrower than the heading needs
        column.minWidthProperty().bind(Headings.atLeastHeading(column, Em.px(width * 0.8)));
        column.setSortable(false);
        return column;
    }

    /** Back to the visit, asking first when there are edits not saved. */
    private void leave(Host host) {
        if (model.isEdited() && !Alerts.confirmDiscard(host.window(), "discard.programmeEdits")) {
            return;
        }
        host.back();
    }

    private void removeSelected() {
        var row = exercises.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.remove(row);
        }
    }

    private void moveSelected(int by) {
        var row = exercises.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.move(row, by);
            exercises.getSelectionModel().select(row);
        }
    }

    private void savePdf(Host host) {
        host.choosePdf(model.suggestedFileName()).ifPresent(file -> model.exportPdf(file, () -> { }));
    }

    /** A dose being typed in a cell is kept before a shortcut saves (leaving the cell keeps it). */
    private void keepTyping() {
        for (TableView<?> table : List.of(exercises, weeks)) {
            if (table.getEditingCell() != null) {
                table.requestFocus();
            }
        }
    }

    public void focusFirst() {
        CellKeys.focusFirstCell(exercises);
    }

    /**
     * A cell of text that wraps onto a second line in a narrow column ("Pelvic floor holds, standing" read
     * "Pelvic floor hold…" at 1024 pixels).
     */
    private static final class WrappingCell<R> extends TableCell<R, String> {
        WrappingCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }

    private static final class ExerciseCell extends ListCell<Exercise> {
        @Override
        protected void updateItem(Exercise item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Display.of(item.stage()) + " · " + item.name());
        }
    }
}
