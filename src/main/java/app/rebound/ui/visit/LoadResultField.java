package app.rebound.ui.visit;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.AccessibleRole;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.Em;

/**
 * One load test result (or one side of it) as a single field: its result and symptoms are typed as single
 * keys (P pass, then L leaking, …: {@link LoadInput#type}) and shown as chips, each with its key. A pass
 * or "not tested" is whole, so the focus moves on to the next test by itself; Tab moves on too. Delete
 * clears it; Space or a click opens the same choices as a menu.
 */
final class LoadResultField extends HBox {

    private final LoadInput input;
    private final String name;
    private final ContextMenu menu = new ContextMenu();

    LoadResultField(LoadInput input, String name) {
        super(6);
        this.input = input;
        this.name = name;
        getStyleClass().add("load-result");
        setAlignment(Pos.CENTER_LEFT);
        setFocusTraversable(true);
        minWidthProperty().bind(Em.px(160));
        minHeightProperty().bind(Em.px(30));
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription(Messages.get("visit.load.role"));
        Tooltip keys = new Tooltip(hint());
        keys.setWrapText(true);
        keys.maxWidthProperty().bind(Em.px(420));
        Tooltip.install(this, keys);
        buildMenu();

        addEventHandler(KeyEvent.KEY_TYPED, this::typed);
        addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY || e.isPopupTrigger()) {
                showMenu();
            }
            e.consume();
        });
        input.statusProperty().addListener(this::show);
        input.allSymptoms().forEach(symptom -> symptom.addListener(this::show));
        show(null);
    }

    /** The keys in words: "Type a result: P Pass · S Symptoms · …; then any symptom seen: L Leakage · …". */
    static String hint() {
        StringBuilder results = new StringBuilder();
        for (TestStatus status : LoadInput.RESULTS) {
            append(results, LoadInput.key(status), Display.of(status));
        }
        StringBuilder symptoms = new StringBuilder();
        for (TestSymptom symptom : TestSymptom.values()) {
            append(symptoms, LoadInput.key(symptom), Display.of(symptom));
        }
        return Messages.format("visit.load.keys", results, symptoms);
    }

    private static void append(StringBuilder list, String key, String what) {
        if (!list.isEmpty()) {
            list.append(" · ");
        }
        list.append(Messages.format("visit.load.keyFor", key, what));
    }

    private void typed(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        LoadInput.Typed typed = input.type(event.getCharacter());
        if (typed != LoadInput.Typed.NOT_A_KEY) {
            event.consume();
        }
        if (typed == LoadInput.Typed.ANSWERED) {
            moveOn();
        }
    }

    private void pressed(KeyEvent event) {
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
            input.clear();
            event.consume();
        } else if (event.getCode() == KeyCode.SPACE) {
            showMenu();
            event.consume();
        }
    }

    /** To the next field, as Tab would. */
    private void moveOn() {
        fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
    }

    private void show(Observable changed) {
        getChildren().clear();
        TestStatus status = input.statusProperty().get();
        if (status == null) {
            Label empty = new Label(Display.of(null));
            empty.getStyleClass().add("load-result-empty");
            getChildren().add(empty);
        } else {
            getChildren().add(chip(LoadInput.key(status), Display.of(status),
                    "load-result-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        for (TestSymptom symptom : input.symptomsSeen()) {
            getChildren().add(chip(LoadInput.key(symptom), Display.of(symptom), "load-symptom"));
        }
        setAccessibleText(name + ": " + input.describe());
    }

    private static Label chip(String key, String text, String style) {
        Label letter = new Label(key);
        letter.getStyleClass().add("chip-key");
        Label chip = new Label(text, letter);
        chip.getStyleClass().addAll("chip", style);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    private void buildMenu() {
        for (TestStatus status : LoadInput.RESULTS) {
            MenuItem item = new MenuItem(Messages.format("visit.load.keyFor", LoadInput.key(status),
                    Display.of(status)));
            item.setOnAction(e -> input.type(LoadInput.key(status)));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        Map<TestSymptom, CheckMenuItem> ticks = new EnumMap<>(TestSymptom.class);
        for (TestSymptom symptom : TestSymptom.values()) {
            CheckMenuItem item = new CheckMenuItem(Messages.format("visit.load.keyFor", LoadInput.key(symptom),
                    Display.of(symptom)));
            item.setOnAction(e -> input.type(LoadInput.key(symptom)));
            ticks.put(symptom, item);
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem clear = new MenuItem(Messages.get("visit.load.clear"));
        clear.setOnAction(e -> input.clear());
        menu.getItems().add(clear);
        menu.setOnShowing(e -> ticks.forEach((symptom, item) -> item.setSelected(input.symptom(symptom).get())));
    }

    private void showMenu() {
        menu.show(this, Side.BOTTOM, 0, 0);
    }
}
