package app.rebound.ui.visit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import app.rebound.domain.Messages;
import app.rebound.domain.PersonName;
import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.VisitFields;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.EnumChoice;
import app.rebound.ui.kit.FormGrid;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.TextAreas;
import app.rebound.ui.kit.YesNo;
import app.rebound.ui.kit.Em;

/**
 * The visit form with its readiness summary. Built for the keyboard: Tab walks every field in
 * reading order, numbers are typed, Y/N answer yes/no questions, a letter picks from a list,
 * Ctrl+1…9 jump between sections, and the section being typed in scrolls into view.
 */
public final class VisitView extends BorderPane {

    private final VisitFormViewModel model;
    private final VBox sections = new VBox(18);
    private final ScrollPane scroll = new ScrollPane(sections);
    private final List<Node> sectionStarts = new ArrayList<>();
    private final List<VBox> sectionBoxes = new ArrayList<>();
    private final List<FormGrid> grids = new ArrayList<>();
    private final ReadinessPanel readinessPanel;
    private final Button complete = new Button();
    private TextField dateField;

    private final Runnable onProgramme;

    public VisitView(VisitFormViewModel model, Runnable onBack, Runnable onDeleteDraft, Runnable onProgramme) {
        this.onProgramme = onProgramme;
        this.model = model;
        getStyleClass().add("visit-view");
        setId("visitView");

        sections.setPadding(new Insets(8, 24, 40, 24));
        sections.getStyleClass().add("visit-sections");
        visitSection();
        historySection();
        symptomsSection();
        redFlagSection();
        pelvicFloorSection();
        abdominalSection();
        strengthSection();
        loadSection();
        outcomesSection();
        notesSection();

        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("visitScroll");
        setCenter(scroll);
        // the section list scrolls on a short screen rather than cut its keyboard hint
        ScrollPane navScroll = new ScrollPane(navigation());
        navScroll.setFitToWidth(true);
        navScroll.setFitToHeight(true);
        navScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        navScroll.getStyleClass().addAll("edge-to-edge", "section-nav");
        navScroll.setFocusTraversable(false);
        setLeft(navScroll);
        readinessPanel = new ReadinessPanel(model, ahead -> StageChoiceDialog.ask(getScene().getWindow(), ahead));
        ScrollPane readinessScroll = new ScrollPane(readinessPanel);
        readinessScroll.setFitToWidth(true);
        readinessScroll.getStyleClass().addAll("edge-to-edge", "readiness-scroll");
        // at 1024 pixels the panels beside the form give way to it (it scrolled sideways: Doming and the MOS
        // grades were cut)
        readinessScroll.prefWidthProperty().bind(narrowed(Em.px(350, widthProperty(), 0.3), 0.29, 290));
        readinessScroll.setFocusTraversable(false);
        setRight(readinessScroll);
        setTop(new VBox(header(onBack, onDeleteDraft), readOnlyBanner(), elsewhereBanner(), presenceBanner()));
        // a completed visit is read-only until she chooses Amend: every field disabled, still readable
        sections.disableProperty().bind(model.readOnlyProperty());
        showReadOnly(model.readOnlyProperty().get());
        model.readOnlyProperty().addListener((obs, was, now) -> showReadOnly(now));

        grids.forEach(g -> fieldLabels.putAll(g.labels()));
        fieldLabels.put("stage", Messages.get("readiness.choice"));
        showAmendments(amendmentsBox);
        addEventFilter(KeyEvent.KEY_PRESSED, this::jumpKeys);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, was, now) -> revealFocused(now));
            }
        });
    }

    private HBox header(Runnable onBack, Runnable onDeleteDraft) {
        Button back = new Button(Messages.get("visit.back"), new FontIcon(Material2AL.ARROW_BACK));
        back.setId("backToPatient");
        back.getStyleClass().add("flat");
        back.setOnAction(e -> {
            model.flush();
            onBack.run();
        });
        back.setFocusTraversable(false);
        Label who = new Label(PersonName.fullName(model.patient().givenName(), model.patient().familyName()));
        who.getStyleClass().add("visit-patient");
        Label state = new Label();
        state.setId("saveState");
        state.getStyleClass().add("save-state");
        state.textProperty().bind(model.saveStateProperty());
        Label status = new Label();
        status.getStyleClass().add("visit-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> Display.of(model.statusProperty().get()),
                model.statusProperty()));
        complete.setId("completeVisit");
        complete.setText(Messages.get("visit.complete"));
        complete.setGraphic(new FontIcon(Material2AL.CHECK));
        complete.getStyleClass().add("accent");
        complete.visibleProperty().bind(model.statusProperty().isEqualTo(VisitStatus.DRAFT));
        complete.managedProperty().bind(complete.visibleProperty());
        complete.setOnAction(e -> complete());
        complete.setFocusTraversable(false);
        Button delete = new Button(Messages.get("visit.deleteDraft"), new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setId("deleteDraft");
        delete.getStyleClass().addAll("flat", "danger");
        delete.visibleProperty().bind(model.statusProperty().isEqualTo(VisitStatus.DRAFT));
        delete.managedProperty().bind(delete.visibleProperty());
        delete.setOnAction(e -> onDeleteDraft.run());
        delete.setFocusTraversable(false);
        Button programme = new Button(Messages.get("programme.open"), new FontIcon(Material2MZ.PRINT));
        programme.setId("openProgramme");
        programme.setTooltip(new Tooltip("Ctrl+P"));
        programme.setOnAction(e -> {
            model.flush();
            onProgramme.run();
        });
        programme.setFocusTraversable(false);
        programme.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.readinessProperty().get() != null && model.readinessProperty().get().refer(),
                model.readinessProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, back, who, status, spacer, state, delete, programme, complete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("visit-header");
        bar.setPadding(new Insets(10, 18, 10, 12));
        return bar;
    }

    private VBox navigation() {
        VBox nav = new VBox(2);
        nav.getStyleClass().add("section-nav");
        nav.setPadding(new Insets(12, 8, 12, 12));
        nav.prefWidthProperty().bind(narrowed(Em.px(165, widthProperty(), 0.2), 0.13, 120));
        for (int i = 0; i < sectionBoxes.size(); i++) {
            int index = i;
            String title = ((Label) sectionBoxes.get(i).getChildren().get(0)).getText();
            Button go = new Button(title);
            go.getStyleClass().addAll("flat", "section-link");
            // a long title ("History and risk factors") takes two lines rather than end in "…"
            go.setWrapText(true);
            go.setMinHeight(Region.USE_PREF_SIZE);
            go.setMaxWidth(Double.MAX_VALUE);
            go.setAlignment(Pos.CENTER_LEFT);
            go.setFocusTraversable(false);
            if (i < 9) {
                go.setTooltip(new Tooltip("Ctrl+" + (i + 1)));
            }
            go.setOnAction(e -> jumpTo(index));
            nav.getChildren().add(go);
        }
        Label hint = new Label(Messages.get("visit.keyboardHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("form-help");
        hint.setPadding(new Insets(16, 4, 0, 4));
        hint.setMinHeight(Region.USE_PREF_SIZE);
        nav.getChildren().add(hint);
        return nav;
    }

    /**
     * {@code wanted}, but no more than {@code share} of the form's width, and no less than {@code floor}: a
     * side panel that gives way on a narrow screen.
     */
    private DoubleBinding narrowed(DoubleBinding wanted, double share, double floor) {
        return Bindings.createDoubleBinding(() -> getWidth() <= 0 ? wanted.get()
                : Math.max(floor, Math.min(wanted.get(), share * getWidth())), wanted, widthProperty());
    }

    private void jumpKeys(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode().isDigitKey()) {
            int digit = event.getCode().getCode() - (event.getCode().isKeypadKey() ? KeyCode.NUMPAD0.getCode()
                    : KeyCode.DIGIT0.getCode());
            int index = digit == 0 ? 9 : digit - 1;
            if (index < sectionStarts.size()) {
                jumpTo(index);
                event.consume();
            }
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.P) {
            event.consume();
            if (model.readinessProperty().get() == null || !model.readinessProperty().get().refer()) {
                model.flush();
                onProgramme.run();
            }
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.ENTER
                && model.statusProperty().get() == VisitStatus.DRAFT) {
            event.consume();
            complete();
        } else if (event.isShortcutDown() && event.isShiftDown() && event.getCode() == KeyCode.A) {
            event.consume();
            amend();
        }
    }

    // --- completing and amending ----------------------------------------------------------------

    private final Label presence = new Label();
    private final Button amend = new Button();
    private final Label readOnlyText = new Label();

    /** The banner of a completed visit: read-only, with Amend; while amending, the reason. */
    private HBox readOnlyBanner() {
        FontIcon lock = new FontIcon(Material2AL.LOCK);
        readOnlyText.setId("readOnlyText");
        readOnlyText.setWrapText(true);
        readOnlyText.textProperty().bind(Bindings.createStringBinding(() -> model.readOnlyProperty().get()
                ? Messages.get("visit.readOnly")
                : Messages.format("visit.amending", String.valueOf(model.amendReasonProperty().get())),
                model.readOnlyProperty(), model.amendReasonProperty()));
        HBox.setHgrow(readOnlyText, Priority.ALWAYS);
        amend.setId("amendVisit");
        amend.setText(Messages.get("visit.amend"));
        amend.setGraphic(new FontIcon(Material2AL.EDIT));
        amend.setTooltip(new Tooltip("Ctrl+Shift+A"));
        amend.getStyleClass().add("accent");
        amend.setMinWidth(Region.USE_PREF_SIZE);
        amend.visibleProperty().bind(model.readOnlyProperty());
        amend.managedProperty().bind(amend.visibleProperty());
        amend.setOnAction(e -> amend());
        HBox banner = new HBox(12, lock, readOnlyText, amend);
        banner.setId("readOnlyBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("read-only-banner");
        banner.visibleProperty().bind(model.statusProperty().isEqualTo(VisitStatus.COMPLETE));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /**
     * Another workstation saved this visit: says so above the form (her values stay as they are) with
     * Compare…, which shows both versions side by side to choose.
     */
    private HBox elsewhereBanner() {
        FontIcon icon = new FontIcon(Material2AL.GROUP);
        Label text = new Label();
        text.setId("changedElsewhere");
        text.setWrapText(true);
        text.textProperty().bind(model.elsewhereProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button compare = new Button(Messages.get("conflict.resolve"));
        compare.setId("compareVersions");
        compare.setMinWidth(Region.USE_PREF_SIZE);
        compare.setOnAction(e -> model.resolveConflict());
        HBox banner = new HBox(12, icon, text, compare);
        banner.setId("elsewhereBanner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("read-only-banner", "elsewhere-banner");
        banner.visibleProperty().bind(model.elsewhereProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Label presenceBanner() {
        presence.setId("editedBy");
        presence.getStyleClass().addAll("read-only-banner", "presence-banner");
        presence.setGraphic(new FontIcon(Material2AL.EDIT));
        presence.setMaxWidth(Double.MAX_VALUE);
        presence.setVisible(false);
        presence.setManaged(false);
        return presence;
    }

    /** "Being edited by NAME" (server mode), under the header while another workstation has the visit open. */
    void showPresence(ReadOnlyStringProperty editedBy) {
        presence.textProperty().bind(editedBy);
        presence.visibleProperty().bind(editedBy.isNotEmpty());
        presence.managedProperty().bind(presence.visibleProperty());
    }

    private void showReadOnly(boolean readOnly) {
        if (readOnly) {
            if (!getStyleClass().contains("read-only")) {
                getStyleClass().add("read-only");
            }
        } else {
            getStyleClass().remove("read-only");
        }
    }

    /** Completes the visit: refused while a field is invalid (focus on the first), asked once if parts are missing. */
    private void complete() {
        model.complete(new VisitFormViewModel.CompletionQuestions() {
            @Override
            public void refuse(List<String> paths) {
                String fields = String.join(", ", paths.stream().map(VisitFields::label).toList());
                FxDialogs.alert(getScene().getWindow(), Alert.AlertType.WARNING,
                        Messages.format("complete.invalid.text", fields), Messages.get("complete.invalid.header"),
                        "cannotCompleteAlert", ButtonType.OK).showAndWait();
                focusField(paths.get(0));
            }

            @Override
            public boolean completeWithout(List<VisitValidator.Unrecorded> missing) {
                String parts = String.join(", ", missing.stream().map(part -> Messages.get(part.sectionKey()))
                        .toList());
                ButtonType anyway = new ButtonType(Messages.get("complete.missing.confirm"),
                        ButtonBar.ButtonData.OK_DONE);
                ButtonType back = new ButtonType(Messages.get("complete.missing.back"),
                        ButtonBar.ButtonData.CANCEL_CLOSE);
                Alert alert = FxDialogs.alert(getScene().getWindow(), Alert.AlertType.CONFIRMATION,
                        Messages.format("complete.missing.text", parts), Messages.get("complete.missing.header"),
                        "completeMissingAlert", anyway, back);
                alert.getDialogPane().lookupButton(anyway).setId("completeAnyway");
                alert.getDialogPane().lookupButton(back).setId("completeGoBack");
                // Enter goes back to record them: completing without them is a choice made on purpose
                ((Button) alert.getDialogPane().lookupButton(anyway)).setDefaultButton(false);
                ((Button) alert.getDialogPane().lookupButton(back)).setDefaultButton(true);
                boolean go = alert.showAndWait().orElse(back) == anyway;
                if (!go) {
                    String key = missing.get(0).sectionKey();
                    Node box = sections.lookup("#section-" + key.substring(key.lastIndexOf('.') + 1));
                    int index = sectionBoxes.indexOf(box);
                    if (index >= 0) {
                        jumpTo(index);
                    }
                }
                return go;
            }
        }, () -> { });
    }

    /** Puts the caret in the field at {@code path} ("pelvicFloor.power"), scrolled into view. */
    private void focusField(String path) {
        Node node = switch (path) {
            case "date" -> dateField;
            case "kind" -> lookup("#visitKind");
            default -> lookup("#" + FormGrid.fieldId(path));
        };
        if (node == null) {
            node = lookup("#" + FormGrid.fieldId(path) + "-status");
        }
        if (node == null && path.startsWith("outcomes.psfs[")) {
            node = lookup("#psfs-activity-" + path.substring("outcomes.psfs[".length(), path.indexOf(']')));
        }
        if (node != null) {
            node.requestFocus();
        }
    }

    /** Amend (Ctrl+Shift+A): asks for a short reason, then the completed visit can be changed. */
    private void amend() {
        if (!model.readOnlyProperty().get()) {
            return;
        }
        AmendDialog.ask(getScene().getWindow()).ifPresent(reason -> {
            if (model.amend(reason).isEmpty()) {
                dateField.requestFocus();
            }
        });
    }

    /** Focuses the first field of a section and scrolls it to the top. */
    public void jumpTo(int index) {
        VBox box = sectionBoxes.get(index);
        double contentHeight = sections.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        double y = box.getBoundsInParent().getMinY();
        scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
        Node start = sectionStarts.get(index);
        // a disabled first field ("red flags were asked" while a flag is ticked) cannot take the focus
        (start.isDisabled() ? firstEnabledField(box).orElse(start) : start).requestFocus();
    }

    private static Optional<Node> firstEnabledField(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Control control && control.isFocusTraversable()
                    && !control.isDisabled() && control.isVisible()) {
                return Optional.of(control);
            }
            if (child instanceof Parent inner && !(child instanceof Control)) {
                Optional<Node> found = firstEnabledField(inner);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Keeps the field being typed in on screen as Tab moves through the form. */
    private void revealFocused(Node node) {
        if (node == null || !isInside(node, sections)) {
            return;
        }
        Bounds inContent = sections.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = sections.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double margin = 40;
        if (inContent.getMinY() - margin < top) {
            scroll.setVvalue(Math.max(0, (inContent.getMinY() - margin) / (contentHeight - viewport)));
        } else if (inContent.getMaxY() + margin > top + viewport) {
            scroll.setVvalue(Math.min(1, (inContent.getMaxY() + margin - viewport) / (contentHeight - viewport)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    // --- sections -------------------------------------------------------------------------------

    private FormGrid section(String titleKey, Node first) {
        Label title = new Label(Messages.format("visit.section.numbered", sectionBoxes.size() + 1,
                Messages.get(titleKey)));
        title.getStyleClass().add("visit-section-title");
        FormGrid grid = new FormGrid(model.errors());
        VBox box = new VBox(8, title, grid);
        box.getStyleClass().add("visit-section");
        box.setId("section-" + titleKey.substring(titleKey.lastIndexOf('.') + 1));
        sections.getChildren().add(box);
        sectionBoxes.add(box);
        grids.add(grid);
        sectionStarts.add(first);
        return grid;
    }

    private void visitSection() {
        dateField = new TextField();
        dateField.setId("visitDate");
        dateField.setPromptText(model.dateHint());
        dateField.maxWidthProperty().bind(Em.px(160));
        dateField.textProperty().bindBidirectional(model.dateProperty());
        dateField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.confirmDate();
            }
        });
        FormGrid grid = section("visit.section.visit", dateField);
        // odd but maybe right (before her first birth, the day of another visit): said, not refused
        Label dateWarning = new Label();
        dateWarning.setId("warning-date");
        dateWarning.getStyleClass().add("field-warning");
        dateWarning.setWrapText(true);
        dateWarning.setMinHeight(Region.USE_PREF_SIZE);
        dateWarning.textProperty().bind(Bindings.createStringBinding(
                () -> model.warnings().getOrDefault("date", ""), model.warnings()));
        dateWarning.visibleProperty().bind(dateWarning.textProperty().isNotEmpty());
        dateWarning.managedProperty().bind(dateWarning.visibleProperty());
        grid.add("visit.field.date", new VBox(3, dateField, dateWarning), dateField, "date");
        grid.add("visit.field.kind", choice(VisitKind.class, model.kindProperty(), "visitKind"), "kind");
        if (model.base().clinician() != null) {
            Label clinician = new Label(model.base().clinician());
            grid.add("visit.field.clinician", clinician, "clinician");
        }
        VBox amendments = new VBox(2);
        amendments.setId("amendments");
        amendments.visibleProperty().bind(Bindings.isNotEmpty(model.amendments()));
        amendments.managedProperty().bind(amendments.visibleProperty());
        model.amendments().addListener((ListChangeListener<Amendment>)
                change -> showAmendments(amendments));
        Label amendedTitle = new Label(Messages.get("visit.field.amendments"));
        amendedTitle.getStyleClass().add("form-label");
        VBox amended = new VBox(2, amendedTitle, amendments);
        amended.visibleProperty().bind(Bindings.isNotEmpty(model.amendments()));
        amended.managedProperty().bind(amended.visibleProperty());
        grid.span(amended);
        this.amendmentsBox = amendments;
    }

    private void historySection() {
        ComboBox<Boolean> first = yesNo(model.breastfeedingProperty(), "history-breastfeeding");
        FormGrid grid = section("visit.section.history", first);
        grid.add("visit.field.breastfeeding", first, "history.breastfeeding");
        grid.add("visit.field.sleepHours", withUnit(number(model.sleepHours()), "visit.unit.hoursNight"),
                find("history-sleepHours"), "history.sleepHours");
        grid.add("visit.field.bmi", withUnit(number(model.bmi()), "visit.unit.bmi"), find("history-bmi"), "history.bmi");
        grid.add("visit.field.hypermobility", yesNo(model.hypermobilityProperty(), "history-hypermobility"),
                "history.hypermobility");
        grid.add("visit.field.psychologicalConcern", yesNo(model.psychologicalConcernProperty(),
                "history-psychologicalConcern"), "history.psychologicalConcern");
        grid.add("visit.field.redsConcern", yesNo(model.redsConcernProperty(), "history-redsConcern"),
                "history.redsConcern");
        grid.add("visit.field.leakedBefore", yesNo(model.leakedBeforeProperty(), "history-leakedBefore"),
                "history.leakedBeforeOrDuringPregnancy");
        grid.add("visit.field.supportDevice", choice(SupportDevice.class, model.supportDeviceProperty(),
                "history-supportDevice"), "history.supportDevice");
    }

    private void symptomsSection() {
        ComboBox<Boolean> first = yesNo(model.symptomFlags().get(0), "symptom-0");
        FormGrid grid = section("visit.section.symptoms", first);
        Button none = new Button(Messages.get("visit.symptoms.none"));
        none.setId("noSymptoms");
        none.getStyleClass().add("small");
        none.setOnAction(e -> {
            model.noSymptoms();
            find("symptoms-painNrs").requestFocus();
        });
        none.setFocusTraversable(false);
        none.setTooltip(new Tooltip("Alt+N"));
        // the button keeps its words; the help beside it wraps instead (it was cut at 1024x700)
        none.setMinWidth(Region.USE_PREF_SIZE);
        Label help = new Label(Messages.get("visit.symptoms.help"));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        help.setMinWidth(0);
        HBox.setHgrow(help, Priority.ALWAYS);
        HBox top = new HBox(12, help, none);
        top.setAlignment(Pos.CENTER_LEFT);
        grid.span(top);
        for (int i = 0; i < 8; i++) {
            ComboBox<Boolean> box = i == 0 ? first : yesNo(model.symptomFlags().get(i), "symptom-" + i);
            grid.addText(Messages.get("symptom." + i), box, "symptoms.flag" + i);
        }
        grid.add("visit.field.painNrs", withUnit(number(model.painNrs()), "visit.unit.painNrs"),
                find("symptoms-painNrs"), "symptoms.painNrs");
        grid.add("visit.field.runOnset", withUnit(number(model.runOnset()), "visit.unit.runOnset"),
                find("symptoms-runSymptomOnsetMinutes"), "symptoms.runSymptomOnsetMinutes");
    }

    private void redFlagSection() {
        CheckBox asked = new CheckBox(Messages.get("visit.redFlags.asked"));
        asked.setId("redFlagsAsked");
        asked.selectedProperty().bindBidirectional(model.redFlagsAskedProperty());
        // a ticked red flag is cleared by unticking it, not by unticking "asked"
        asked.disableProperty().bind(model.anyRedFlag());
        FormGrid grid = section("visit.section.redFlags", asked);
        Label help = new Label(Messages.get("visit.redFlags.help"));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        grid.span(help);
        VBox flags = new VBox(6, asked);
        for (RedFlag flag : RedFlag.values()) {
            CheckBox box = new CheckBox(Display.of(flag));
            box.setId("redFlag-" + flag.name());
            box.getStyleClass().add("red-flag");
            box.selectedProperty().bindBidirectional(model.redFlag(flag));
            flags.getChildren().add(box);
        }
        grid.span(flags);
    }

    private void pelvicFloorSection() {
        ComboBox<ExamMethod> method = choice(ExamMethod.class, model.methodProperty(), "pelvicFloor-method");
        FormGrid grid = section("visit.section.pelvicFloor", method);
        grid.add("visit.field.method", method, "pelvicFloor.method");
        TextField power = number(model.power());
        Label meaning = new Label();
        meaning.setId("powerMeaning");
        meaning.getStyleClass().add("form-help");
        meaning.setWrapText(true);
        meaning.textProperty().bind(Bindings.createStringBinding(() -> {
            Integer value = model.power().intValue();
            return model.errors().containsKey("pelvicFloor.power") || value == null ? "" : Messages.get("mos." + value);
        }, model.power().textProperty(), model.errors()));
        VBox legend = new VBox(1);
        legend.getStyleClass().add("mos-legend");
        for (int grade = 0; grade <= 5; grade++) {
            Label line = new Label(Messages.get("mos." + grade));
            line.getStyleClass().add("form-help");
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            legend.getChildren().add(line);
        }
        HBox powerRow = new HBox(10, power, meaning);
        powerRow.setAlignment(Pos.CENTER_LEFT);
        grid.add("visit.field.power", new VBox(4, powerRow, legend), power, "pelvicFloor.power");
        grid.add("visit.field.endurance", withUnit(number(model.endurance()), "visit.unit.seconds"),
                find("pelvicFloor-enduranceSeconds"), "pelvicFloor.enduranceSeconds");
        grid.add("visit.field.repetitions", withUnit(number(model.repetitions()), "visit.unit.holds"),
                find("pelvicFloor-repetitions"), "pelvicFloor.repetitions");
        grid.add("visit.field.fast", withUnit(number(model.fast()), "visit.unit.fast"),
                find("pelvicFloor-fastContractions"), "pelvicFloor.fastContractions");
        grid.add("visit.field.elevation", yesNo(model.elevationProperty(), "pelvicFloor-elevation"),
                "pelvicFloor.elevation");
        grid.add("visit.field.coContraction", yesNo(model.coContractionProperty(), "pelvicFloor-coContraction"),
                "pelvicFloor.coContraction");
        grid.add("visit.field.knack", yesNo(model.knackProperty(), "pelvicFloor-coughPrecontraction"),
                "pelvicFloor.coughPrecontraction");
        grid.add("visit.field.relaxation", choice(Relaxation.class, model.relaxationProperty(),
                "pelvicFloor-relaxation"), "pelvicFloor.relaxation");
        grid.add("visit.field.tone", choice(Tone.class, model.toneProperty(), "pelvicFloor-tone"), "pelvicFloor.tone");
        grid.add("visit.field.standingHold", withUnit(number(model.standingHold()), "visit.unit.standingHold"),
                find("pelvicFloor-standingSubmaxHoldSeconds"), "pelvicFloor.standingSubmaxHoldSeconds");
        grid.add("visit.field.floorNotes", notes(model.floorNotesProperty(), "pelvicFloor-notes", 2),
                "pelvicFloor.notes");
    }

    private VBox amendmentsBox;
    private final Map<String, String> fieldLabels = new HashMap<>();

    /**
     * For each amendment "22/11/2026 10:41 · Ingrid Hansen · Reason: date typed wrongly", then a line for each
     * change: "Date: 20 Nov 2026 → 21 Nov 2026". Amendments kept before the changes were: "Power (MOS) (was 2)".
     */
    private void showAmendments(VBox box) {
        box.getChildren().clear();
        for (Amendment a : model.amendments()) {
            if (!a.changes().isEmpty()) {
                String who = a.clinician() == null ? Messages.get("visit.amendment.unknownClinician") : a.clinician();
                Label head = new Label(Messages.format("visit.amendment", Display.dateTime(
                        a.at().atZone(ZoneId.systemDefault())), who, a.reason() == null ? ""
                                : Messages.format("visit.amendment.reason", a.reason())));
                head.setWrapText(true);
                head.getStyleClass().addAll("form-help", "amendment-head");
                box.getChildren().add(head);
                for (Amendment.Change change : a.changes()) {
                    Label line = new Label(change.text());
                    line.setWrapText(true);
                    line.getStyleClass().addAll("form-help", "amendment-change");
                    line.setPadding(new Insets(0, 0, 0, 16));
                    box.getChildren().add(line);
                }
                continue;
            }
            String fields = String.join(", ", a.fields().stream().map(f -> a.previous().containsKey(f)
                    ? Messages.format("visit.amendment.was", fieldLabel(f), a.previous().get(f)) : fieldLabel(f))
                    .toList());
            Label line = new Label(Messages.format("visit.amendment", Display.dateTime(
                    a.at().atZone(ZoneId.systemDefault())),
                    a.clinician() == null ? Messages.get("visit.amendment.unknownClinician") : a.clinician(), fields));
            line.setWrapText(true);
            line.getStyleClass().add("form-help");
            box.getChildren().add(line);
        }
    }

    private String fieldLabel(String path) {
        String label = fieldLabels.get(path);
        if (label == null && !VisitFields.label(path).equals(path)) {
            label = VisitFields.label(path);
        }
        if (label == null && path.startsWith("loadImpact.")) {
            label = Display.of(LoadTest.valueOf(path.substring("loadImpact.".length()).split("\\.")[0]));
        } else if (label == null && path.startsWith("strength.")) {
            label = Display.of(StrengthTest.valueOf(path.substring("strength.".length()).split("\\.")[0]));
        } else if (label == null && path.startsWith("symptoms.")) {
            label = Messages.get("visit.section.symptoms");
        } else if (label == null && path.equals("redFlags")) {
            label = Messages.get("visit.section.redFlags");
        } else if (label == null && path.equals("stage")) {
            label = Messages.get("readiness.choice");
        } else if (label == null && path.equals("stageReason")) {
            label = Messages.get("visit.field.stageReason");
        } else if (label == null && path.startsWith("outcomes.")) {
            label = Messages.get("visit.section.outcomes");
        }
        return label == null ? path : label;
    }

    private void abdominalSection() {
        ComboBox<AbdominalMethod> method = choice(AbdominalMethod.class, model.abdominalMethodProperty(),
                "abdominalWall-method");
        FormGrid grid = section("visit.section.abdominalWall", method);
        grid.add("visit.field.abdominalMethod", method, "abdominalWall.method");
        grid.add("visit.field.irdUnit", choice(IrdUnit.class, model.irdUnitProperty(), "abdominalWall-unit"),
                "abdominalWall.unit");
        grid.add("visit.field.above", number(model.above()), "abdominalWall.aboveUmbilicus");
        grid.add("visit.field.at", number(model.at()), "abdominalWall.atUmbilicus");
        grid.add("visit.field.below", number(model.below()), "abdominalWall.belowUmbilicus");
        grid.add("visit.field.doming", yesNo(model.domingProperty(), "abdominalWall-doming"), "abdominalWall.doming");
        grid.add("visit.field.lineaAlba", choice(LineaAlba.class, model.lineaAlbaProperty(), "abdominalWall-lineaAlba"),
                "abdominalWall.lineaAlba");
    }

    private void strengthSection() {
        TextField first = number(model.strength(StrengthTest.values()[0], Side.LEFT));
        FormGrid grid = section("visit.section.strength", first);
        Label help = new Label(Messages.format("visit.strength.help", StrengthTest.TARGET_REPETITIONS));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        grid.span(help);
        for (StrengthTest test : StrengthTest.values()) {
            TextField left = test == StrengthTest.values()[0] ? first : number(model.strength(test, Side.LEFT));
            TextField right = number(model.strength(test, Side.RIGHT));
            left.setAccessibleText(Display.of(test) + " " + Messages.get("visit.left"));
            right.setAccessibleText(Display.of(test) + " " + Messages.get("visit.right"));
            Label target = new Label(Messages.format("visit.target", StrengthTest.TARGET_REPETITIONS));
            target.getStyleClass().add("target");
            HBox row = new HBox(10, caption("visit.left", left), caption("visit.right", right), target);
            row.setAlignment(Pos.BOTTOM_LEFT);
            VBox cell = new VBox(3, row,
                    FormGrid.errorLabel(model.errors(), "strength." + test.name() + ".left", left),
                    FormGrid.errorLabel(model.errors(), "strength." + test.name() + ".right", right));
            grid.addText(Display.of(test), cell, left, "strength." + test.name());
        }
    }

    private void loadSection() {
        FormGrid grid = section("visit.section.load", null);
        Label help = new Label(Messages.get("visit.load.help"));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        grid.span(help);
        Label keys = new Label(LoadResultField.hint());
        keys.setId("loadKeys");
        keys.getStyleClass().addAll("form-help", "load-keys");
        keys.setWrapText(true);
        grid.span(keys);
        Node first = null;
        for (LoadTest test : LoadTest.values()) {
            LoadInput[] inputs = model.load(test);
            Label target = new Label(Messages.format("visit.load.target." + test.unit(), test.target())
                    + (test.oneSided() ? " " + Messages.get("visit.load.eachSide") : ""));
            target.getStyleClass().add("target");
            Label name = new Label(Display.of(test));
            name.getStyleClass().add("load-test-name");
            HBox title = new HBox(10, name, target);
            title.setAlignment(Pos.BASELINE_LEFT);
            VBox cell = new VBox(6, title);
            cell.setPadding(new Insets(4, 0, 6, 0));
            for (int slot = 0; slot < inputs.length; slot++) {
                String path = VisitFormViewModel.loadPath(test, slot);
                String sideName = test.oneSided() ? Messages.get(slot == 0 ? "visit.left" : "visit.right") : "";
                LoadResultField status = new LoadResultField(inputs[slot],
                        test.oneSided() ? Display.of(test) + " " + sideName : Display.of(test));
                status.setId(FormGrid.fieldId(path) + "-result");
                if (first == null) {
                    first = status;
                }
                HBox row = new HBox(10);
                row.setAlignment(Pos.CENTER_LEFT);
                if (test.oneSided()) {
                    Label side = new Label(sideName);
                    side.minWidthProperty().bind(Em.px(44));
                    side.getStyleClass().add("side-label");
                    row.getChildren().add(side);
                }
                row.getChildren().add(status);
                cell.getChildren().addAll(row, FormGrid.errorLabel(model.errors(), path, status));
            }
            grid.span(cell);
        }
        sectionStarts.set(sectionStarts.size() - 1, first);
    }

    private void outcomesSection() {
        TextField firstActivity = new TextField();
        FormGrid grid = section("visit.section.outcomes", firstActivity);
        Label help = new Label(Messages.get("visit.psfs.help"));
        help.getStyleClass().add("form-help");
        help.setWrapText(true);
        grid.span(help);
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            TextField activity = i == 0 ? firstActivity : new TextField();
            activity.setId("psfs-activity-" + i);
            activity.setPromptText(Messages.get("visit.psfs.activityPrompt"));
            activity.textProperty().bindBidirectional(model.psfsActivity(i));
            int index = i;
            // Tab from an empty row with only empty rows after it goes on to the ICIQ score
            activity.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isShortcutDown() && emptyFrom(index)) {
                    e.consume();
                    find("outcomes-iciqUiSfScore").requestFocus();
                }
            });
            TextField score = number(model.psfsScore(i));
            HBox.setHgrow(activity, Priority.ALWAYS);
            HBox row = new HBox(10, activity, score);
            VBox cell = new VBox(3, row,
                    FormGrid.errorLabel(model.errors(), "outcomes.psfs[" + i + "].activity", activity),
                    FormGrid.errorLabel(model.errors(), "outcomes.psfs[" + i + "].score", score));
            grid.addText(Messages.format("visit.psfs.activity", i + 1), cell, activity, "outcomes.psfs" + i);
        }
        Label mean = new Label();
        mean.setId("psfsMean");
        mean.textProperty().bind(Bindings.createStringBinding(model::psfsMean, psfsTexts()));
        grid.add("visit.field.psfsMean", mean, "outcomes.psfsMean");
        TextField iciq = number(model.iciq());
        Label band = new Label();
        band.getStyleClass().add("form-help");
        band.textProperty().bind(Bindings.createStringBinding(() -> model.iciq().isValid()
                        ? iciqBand(model.iciq().intValue()) : "",
                model.iciq().textProperty()));
        HBox iciqRow = new HBox(10, iciq, band);
        iciqRow.setAlignment(Pos.CENTER_LEFT);
        grid.add("visit.field.iciq", iciqRow, iciq, "outcomes.iciqUiSfScore");
        grid.add("visit.field.pgiI", withUnit(number(model.pgiI()), "visit.unit.pgiI"), find("outcomes-pgiI"),
                "outcomes.pgiI");
    }

    /** Whether PSFS row {@code row} and every row after it are empty. */
    private boolean emptyFrom(int row) {
        for (int i = row; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            if (!model.psfsActivity(i).get().isBlank() || !model.psfsScore(i).textProperty().get().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private Observable[] psfsTexts() {
        List<Observable> all = new ArrayList<>();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            all.add(model.psfsActivity(i));
            all.add(model.psfsScore(i).textProperty());
        }
        return all.toArray(new Observable[0]);
    }

    private static String iciqBand(Integer score) {
        if (score == null) {
            return "";
        }
        if (score == 0) {
            return Messages.get("visit.iciq.none");
        }
        return Messages.get(score <= 5 ? "visit.iciq.slight" : score <= 12 ? "visit.iciq.moderate"
                : score <= 18 ? "visit.iciq.severe" : "visit.iciq.verySevere");
    }

    private void notesSection() {
        TextArea notes = notes(model.notesProperty(), "visitNotes", 5);
        FormGrid grid = section("visit.section.notes", notes);
        grid.add("visit.field.notes", notes, "notes");
    }

    // --- field builders -------------------------------------------------------------------------

    private final Map<String, TextField> numberFields = new HashMap<>();

    private TextField number(NumberInput input) {
        TextField field = new TextField();
        field.setId(FormGrid.fieldId(input.path()));
        field.setPromptText(input.rangeHint());
        field.setPrefColumnCount(5);
        field.maxWidthProperty().bind(Em.px(110));
        field.textProperty().bindBidirectional(input.textProperty());
        // leaving the field confirms what it holds (a rejected text confirms nothing)
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                input.confirm();
            }
        });
        field.getStyleClass().add("number-field");
        numberFields.put(field.getId(), field);
        return field;
    }

    private TextField find(String id) {
        return numberFields.get(id);
    }

    private static HBox withUnit(TextField field, String unitKey) {
        Label unit = new Label(Messages.get(unitKey));
        unit.getStyleClass().add("form-help");
        HBox row = new HBox(8, field, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox caption(String key, Node control) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("form-caption");
        label.setLabelFor(control);
        return new VBox(2, label, control);
    }

    private static ComboBox<Boolean> yesNo(ObjectProperty<Boolean> property, String id) {
        ComboBox<Boolean> box = YesNo.box();
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        movesOnWhenAnswered(box, YesNo::label);
        return box;
    }

    private static <E extends Enum<E>> ComboBox<E> choice(Class<E> type, ObjectProperty<E> property, String id) {
        ComboBox<E> box = EnumChoice.of(type);
        box.setId(id);
        box.maxWidthProperty().bind(Em.px(340));
        box.valueProperty().bindBidirectional(property);
        movesOnWhenAnswered(box, Display::of);
        return box;
    }

    /**
     * A letter that picks the one item starting with it (Y or N, "c" for Complete) answers the field, so the
     * focus moves on to the next field as Tab would; a letter that several items start with picks the next of
     * them and stays, so typing it again goes on through them.
     */
    private static <T> void movesOnWhenAnswered(ComboBox<T> box, Function<T, String> label) {
        box.addEventHandler(KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (!event.isConsumed() || typed == null || typed.isBlank() || box.getValue() == null) {
                return;
            }
            String key = typed.toLowerCase(Locale.ROOT);
            long starting = box.getItems().stream()
                    .filter(item -> item != null && label.apply(item).toLowerCase(Locale.ROOT).startsWith(key))
                    .count();
            if (starting == 1) {
                box.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
            }
        });
    }

    private static TextArea notes(StringProperty property, String id, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.textProperty().bindBidirectional(property);
        return TextAreas.tabMovesFocus(area);
    }

    /** Puts the caret in the date field, where a new visit starts. */
    public void focusFirst() {
        if (model.readOnlyProperty().get()) {
            // a completed visit: nothing to type in until she amends it
            amend.requestFocus();
        } else {
            dateField.requestFocus();
        }
    }

    public ReadinessPanel readinessPanel() {
        return readinessPanel;
    }
}
