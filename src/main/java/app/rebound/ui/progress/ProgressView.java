package app.rebound.ui.progress;

import java.io.File;
import java.util.List;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Messages;
import app.rebound.domain.PersonName;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.service.ProgressService.Progress;
import app.rebound.ui.kit.BusySpinner;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.Em;

/**
 * A patient's progress: charts of every measure over her visits, two visits compared side by side,
 * and the summary for the progress report, which is saved as a PDF or printed from here.
 */
public final class ProgressView extends BorderPane {

    /** What the view asks of the window around it. */
    public interface Host {
        void back();

        void print(byte[] pdf);

        Window window();
    }

    private final ProgressViewModel model;
    private final GridPane charts = new GridPane();
    private final TabPane tabs = new TabPane();
    private final TableView<ComparisonRow> table = new TableView<>();
    private final Label title = new Label();
    private final Label empty = new Label(Messages.get("progress.noVisits"));

    public ProgressView(ProgressViewModel model, Host host) {
        this.model = model;
        setId("progressView");
        getStyleClass().add("progress-view");

        Button back = new Button(Messages.get("progress.back"), new FontIcon(Material2AL.ARROW_BACK));
        back.getStyleClass().add("flat");
        back.setId("backToWorkspace");
        back.setFocusTraversable(false);
        back.setOnAction(e -> {
            model.saveSummary();
            host.back();
        });
        title.getStyleClass().add("visit-patient");
        title.setId("progressTitle");

        Label state = new Label();
        state.setId("progressState");
        state.getStyleClass().add("save-state");
        state.textProperty().bind(model.stateProperty());
        BusySpinner busy = new BusySpinner(20);
        busy.setId("progressBusy");
        busy.showingProperty().bind(model.busyProperty());
        Button export = new Button(Messages.get("progress.export"), new FontIcon(Material2MZ.PICTURE_AS_PDF));
        export.setId("exportReport");
        export.setOnAction(e -> export(host.window()));
        Button print = new Button(Messages.get("progress.print"), new FontIcon(Material2MZ.PRINT));
        print.setId("printReport");
        print.setOnAction(e -> model.renderReport(host::print));
        for (Button b : List.of(export, print)) {
            b.disableProperty().bind(model.busyProperty().or(model.progressProperty().isNull())
                    .or(model.summaryProblemProperty().isNotEmpty()));
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(12, back, spacer, state, busy, export, print);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, actions, title);
        header.setPadding(new Insets(10, 18, 8, 18));
        header.getStyleClass().add("workspace-header");
        setTop(header);

        Tab chartTab = new Tab(Messages.get("progress.tab.charts"), chartsPane());
        chartTab.setId("chartsTab");
        // the comparison and the summary are built when first shown: opening shows the charts sooner
        Tab compareTab = new Tab(Messages.get("progress.tab.compare"));
        compareTab.setId("compareTab");
        Tab summaryTab = new Tab(Messages.get("progress.tab.summary"));
        summaryTab.setId("summaryTab");
        tabs.getTabs().addAll(chartTab, compareTab, summaryTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("progressTabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old == summaryTab) {
                model.saveSummary();
            }
            if (now == compareTab && compareTab.getContent() == null) {
                compareTab.setContent(comparePane());
            }
            if (now == summaryTab && summaryTab.getContent() == null) {
                summaryTab.setContent(summaryPane());
            }
            if (now == summaryTab) {
                Platform.runLater(() -> summaryTab.getContent().lookup("#reportSummary").requestFocus());
            }
        });
        setCenter(tabs);

        model.progressProperty().addListener((obs, old, now) -> show(now));
        if (model.progressProperty().get() != null) {
            show(model.progressProperty().get());
        }
    }

    private Region chartsPane() {
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(half, half);
        charts.setHgap(24);
        charts.setVgap(20);
        charts.setPadding(new Insets(12, 18, 18, 18));
        charts.setId("progressCharts");
        empty.getStyleClass().add("empty-message");
        empty.setWrapText(true);
        empty.setPadding(new Insets(18));
        VBox content = new VBox(empty, charts);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Region comparePane() {
        ComboBox<ProgressCharts.Entry> first = visitChoice("compareFirst");
        first.valueProperty().bindBidirectional(model.firstProperty());
        ComboBox<ProgressCharts.Entry> second = visitChoice("compareSecond");
        second.valueProperty().bindBidirectional(model.secondProperty());
        Label with = new Label(Messages.get("progress.compare.with"));
        Label compare = new Label(Messages.get("progress.compare.label"));
        compare.setLabelFor(first);
        HBox choices = new HBox(10, compare, first, with, second);
        choices.setAlignment(Pos.CENTER_LEFT);

        table.setId("comparisonTable");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ComparisonRow, String> section = column("progress.column.section", ComparisonRow::section);
        TableColumn<ComparisonRow, String> measure = column("progress.column.measure", ComparisonRow::measure);
        TableColumn<ComparisonRow, String> before = column("progress.column.before", ComparisonRow::before);
        TableColumn<ComparisonRow, String> after = column("progress.column.after", ComparisonRow::after);
        TableColumn<ComparisonRow, String> change = column("progress.column.change",
                r -> r.important() ? r.change() + "  ★" : r.change());
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                getStyleClass().removeAll("change-better", "change-worse");
                setText(isEmpty ? null : item);
                ComparisonRow row = isEmpty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.trend() == ComparisonRow.Trend.BETTER) {
                    getStyleClass().add("change-better");
                } else if (row != null && row.trend() == ComparisonRow.Trend.WORSE) {
                    getStyleClass().add("change-worse");
                }
            }
        });
        section.prefWidthProperty().bind(Em.px(150));
        measure.prefWidthProperty().bind(Em.px(220));
        before.prefWidthProperty().bind(Em.px(130));
        after.prefWidthProperty().bind(Em.px(130));
        table.getColumns().add(section);
        table.getColumns().add(measure);
        table.getColumns().add(before);
        table.getColumns().add(after);
        table.getColumns().add(change);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonRow item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("important"),
                        !isEmpty && item != null && item.important());
            }
        });
        Label noVisits = new Label(Messages.get("progress.compare.none"));
        noVisits.getStyleClass().add("empty-message");
        noVisits.setWrapText(true);
        table.setPlaceholder(noVisits);
        model.firstProperty().addListener((obs, old, now) -> headings(before, after));
        model.secondProperty().addListener((obs, old, now) -> headings(before, after));
        headings(before, after);
        table.setFixedCellSize(30);
        Label legend = new Label(Messages.get("progress.compare.legend"));
        legend.getStyleClass().add("form-help");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE); // all of it, the table gives way
        VBox box = new VBox(10, choices, table, legend);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12, 18, 18, 18));
        return box;
    }

    private void headings(TableColumn<ComparisonRow, String> before, TableColumn<ComparisonRow, String> after) {
        ProgressCharts.Entry a = model.firstProperty().get();
        ProgressCharts.Entry b = model.secondProperty().get();
        if (a == null || b == null) {
            return;
        }
        boolean swap = ReadinessRules.ORDER.compare(a.visit(), b.visit()) > 0;
        before.setText(Display.date((swap ? b : a).visit().date()));
        after.setText(Display.date((swap ? a : b).visit().date()));
    }

    private ComboBox<ProgressCharts.Entry> visitChoice(String id) {
        ComboBox<ProgressCharts.Entry> box = new ComboBox<>();
        box.setId(id);
        box.setCellFactory(list -> new VisitCell());
        box.setButtonCell(new VisitCell());
        box.prefWidthProperty().bind(Em.px(380));
        model.progressProperty().addListener((obs, old, now) -> box.getItems().setAll(now.visits()));
        if (model.progressProperty().get() != null) {
            box.getItems().setAll(model.progressProperty().get().visits());
        }
        return box;
    }

    private Region summaryPane() {
        Label help = new Label(Messages.get("progress.summary.help"));
        help.setWrapText(true);
        help.getStyleClass().add("form-help");
        TextArea text = new TextArea();
        text.setId("reportSummary");
        text.setWrapText(true);
        text.setPrefRowCount(12);
        text.textProperty().bindBidirectional(model.summaryProperty());
        text.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.saveSummary();
            }
        });
        Label problem = new Label();
        problem.setId("reportSummaryProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.summaryProblemProperty());
        problem.visibleProperty().bind(model.summaryProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label label = new Label(Messages.get("progress.summary.label"));
        label.setLabelFor(text);
        label.getStyleClass().add("visit-section-title");
        VBox box = new VBox(8, label, help, text, problem);
        VBox.setVgrow(text, Priority.ALWAYS);
        box.setPadding(new Insets(12, 18, 18, 18));
        return box;
    }

    private void show(Progress progress) {
        title.setText(Messages.format("progress.title",
                PersonName.fullName(progress.patient().givenName(), progress.patient().familyName())));
        charts.getChildren().clear();
        boolean none = progress.visits().isEmpty();
        empty.setVisible(none);
        empty.setManaged(none);
        int index = 0;
        for (ProgressChart chart : progress.charts()) {
            ChartView view = new ChartView(chart);
            charts.add(view, index % 2, index / 2);
            index++;
        }
    }

    private void export(Window window) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("progress.export.title"));
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(window);
        if (file != null) {
            model.exportReport(file.toPath(), () -> { });
        }
    }

    /** The chart views shown, in order (for tests). */
    public List<ChartView> chartViews() {
        return charts.getChildren().stream().filter(ChartView.class::isInstance).map(ChartView.class::cast).toList();
    }

    public ProgressViewModel model() {
        return model;
    }

    public TableView<ComparisonRow> comparisonTable() {
        return table;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void focusFirst() {
        tabs.requestFocus();
    }

    private static TableColumn<ComparisonRow, String> column(String key,
            Function<ComparisonRow, String> value) {
        TableColumn<ComparisonRow, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static final class VisitCell extends ListCell<ProgressCharts.Entry> {
        @Override
        protected void updateItem(ProgressCharts.Entry item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            if (isEmpty || item == null) {
                setText(null);
                return;
            }
            String kind = item.visit().kind() == null ? "" : " · " + Display.of(item.visit().kind());
            String stage = item.stage().isEmpty() ? "" : " · " + item.stage();
            setText(Display.date(item.visit().date()) + kind + stage);
        }
    }
}
