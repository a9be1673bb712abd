package app.rebound.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.Scene;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import app.rebound.domain.Appearance;
import app.rebound.domain.Messages;
import app.rebound.service.ServerLink;
import app.rebound.service.Services;
import app.rebound.service.SupportFile;
import app.rebound.ui.about.AboutDialog;
import app.rebound.ui.about.AboutViewModel;
import app.rebound.ui.clinic.ClinicActions;
import app.rebound.ui.exercises.ExercisesDialog;
import app.rebound.ui.exercises.ExercisesViewModel;
import app.rebound.ui.kit.Alerts;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Display;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.patients.PatientListViewModel;
import app.rebound.ui.patients.PatientScreens;
import app.rebound.ui.records.BackupActions;
import app.rebound.ui.records.RecordsActions;

/** The window's menus. Every action has a menu entry, and most a keyboard shortcut. */
final class MainMenus {

    private final ScreenNavigator navigator;
    private final OpenRecords open;
    private final RecordsActions records;
    private final WindowFrame frame;
    private final ObservableBooleanValue ready;
    private final Menu clinic = new Menu(Messages.get("menu.clinic"));

    private final Stage stage;
    private final Worker worker;
    private final Path dataFolder;
    private ChangeListener<Appearance> schemeShown;

    MainMenus(ScreenNavigator navigator, OpenRecords open, RecordsActions records, WindowFrame frame, Stage stage,
            Worker worker, Path dataFolder) {
        this.navigator = navigator;
        this.open = open;
        this.records = records;
        this.frame = frame;
        this.ready = open.ready();
        this.stage = stage;
        this.worker = worker;
        this.dataFolder = dataFolder;
    }

    /** A clinician has signed in: the Clinic menu gets her account and, for an administrator, the clinic's. */
    void signedIn(Services opened) {
        ClinicActions.install(clinic, stage, opened, worker, navigator::currentPatient);
    }

    MenuBar bar() {
        PatientScreens patients = navigator.patients();
        PatientListViewModel list = patients.list();
        MenuItem newPatient = item("menu.file.newPatient", "N", patients::newPatient);
        MenuItem settings = item("menu.file.settings", null, open::openSettings);
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        MenuItem lockNow = item("menu.file.lock", "L", open::lockNow);
        MenuItem quit = item("menu.file.quit", "Q", frame::quit);
        quit.disableProperty().unbind();
        quit.setDisable(false);
        MenuItem exercises = item("menu.file.exercises", null, this::openExercises);
        exercises.setAccelerator(shortcutShift(KeyCode.X));
        MenuItem importRecords = item("menu.file.import", "I", records::importRecords);
        MenuItem exportRecords = item("menu.file.export", null,
                () -> records.exportRecords(navigator.currentPatient()));
        exportRecords.setAccelerator(shortcutShift(KeyCode.E));
        Menu file = new Menu(Messages.get("menu.file"), null, newPatient, new SeparatorMenuItem(), importRecords,
                exportRecords, new SeparatorMenuItem(), exercises, settings, new SeparatorMenuItem(), lockNow, quit);

        MenuItem undo = item("menu.edit.undoArchive", "Z", list::undoArchive);
        undo.disableProperty().unbind();
        undo.disableProperty().bind(list.undoProperty().isNull());
        MenuItem find = item("menu.edit.find", "F", patients.listView()::focusSearch);
        find.disableProperty().unbind();
        Menu edit = new Menu(Messages.get("menu.edit"), null, undo, new SeparatorMenuItem(), find);

        MenuItem open = item("menu.patient.edit", null, navigator::editCurrentPatient);
        open.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem archive = item("menu.patient.archive", null, patients::archiveSelected);
        archive.setAccelerator(new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHORTCUT_DOWN));
        MenuItem restore = item("menu.patient.restore", null, patients::restoreSelected);
        MenuItem showArchived = item("menu.patient.showArchived", null,
                () -> list.showArchivedProperty().set(!list.showArchivedProperty().get()));
        showArchived.setAccelerator(shortcutShift(KeyCode.H));
        MenuItem newVisit = item("menu.patient.newVisit", null, navigator::newVisit);
        newVisit.setAccelerator(shortcutShift(KeyCode.N));
        MenuItem progress = item("menu.patient.progress", null, navigator::progressOfOpenPatient);
        progress.setAccelerator(shortcutShift(KeyCode.G));
        MenuItem erase = item("menu.patient.erase", null, patients::eraseSelected);
        Menu patient = new Menu(Messages.get("menu.patient"), null, open, newVisit, progress, archive, restore,
                new SeparatorMenuItem(), showArchived, erase);

        MenuBar bar = new MenuBar(file, edit, viewMenu(), patient, clinicMenu(), helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private Menu clinicMenu() {
        MenuItem backupNow = item("menu.clinic.backupNow", null, () -> {
            if (open.onServer()) {
                backupsOnServer();
            } else {
                BackupActions.backupNow(stage, open.services(), worker);
            }
        });
        backupNow.setId("backupNow");
        MenuItem restore = item("menu.clinic.restore", null, () -> {
            if (open.onServer()) {
                backupsOnServer();
            } else {
                BackupActions.restoreFromFile(stage, open.services(), worker, dataFolder, open::close);
            }
        });
        restore.setId("restoreBackup");
        clinic.getItems().setAll(backupNow, restore);
        return clinic;
    }

    /** On the clinic's server, backups and restores are its IT's: said plainly, nothing is done here. */
    private void backupsOnServer() {
        Services services = open.services();
        String server = services == null ? "" : new ServerLink(services).server().orElse("");
        Alerts.information(stage, Messages.get("server.backups.title"), Messages.format("server.backups", server));
    }

    /** Colours and text size: the clinician's own, kept for her next sign-in. */
    private Menu viewMenu() {
        Menu theme = new Menu(Messages.get("menu.view.theme"));
        theme.setId("menuTheme");
        ToggleGroup schemes = new ToggleGroup();
        for (Appearance.Scheme scheme : Appearance.Scheme.values()) {
            RadioMenuItem choice = new RadioMenuItem(Display.of(scheme));
            choice.setId("theme-" + scheme.name());
            choice.setToggleGroup(schemes);
            choice.setSelected(Theme.current().scheme() == scheme);
            choice.setOnAction(e -> open.changeAppearance(a -> a.withScheme(scheme)));
            choice.disableProperty().bind(Bindings.not(ready));
            theme.getItems().add(choice);
        }
        // weakly: the theme outlives a window (a sign-out opens a new one)
        schemeShown = (obs, old, now) -> schemes.getToggles()
                .forEach(t -> t.setSelected(((RadioMenuItem) t).getId().equals("theme-" + now.scheme().name())));
        Theme.appearanceProperty().addListener(new WeakChangeListener<>(schemeShown));
        MenuItem zoomIn = item("menu.view.zoomIn", null, () -> open.changeAppearance(Appearance::zoomIn));
        zoomIn.setId("zoomIn");
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem zoomOut = item("menu.view.zoomOut", null, () -> open.changeAppearance(Appearance::zoomOut));
        zoomOut.setId("zoomOut");
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem actual = item("menu.view.actualSize", null, () -> open.changeAppearance(Appearance::actualSize));
        actual.setId("actualSize");
        actual.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        Menu view = new Menu(Messages.get("menu.view"), null, theme, new SeparatorMenuItem(), zoomIn, zoomOut, actual);
        view.setId("menuView");
        return view;
    }

    /**
     * The other keys for the text size that a menu item (one accelerator each) cannot carry: Ctrl+Shift+=
     * and Ctrl++ (where "+" has a key of its own), and the number pad's plus, minus and 0.
     */
    void addZoomKeys(Scene scene) {
        Runnable in = () -> whenReady(Appearance::zoomIn);
        Runnable out = () -> whenReady(Appearance::zoomOut);
        scene.getAccelerators().put(shortcutShift(KeyCode.EQUALS), in);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), in);
        scene.getAccelerators().put(shortcutShift(KeyCode.PLUS), in);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), in);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), out);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN),
                () -> whenReady(Appearance::actualSize));
    }

    private void whenReady(UnaryOperator<Appearance> change) {
        if (ready.get()) {
            open.changeAppearance(change);
        }
    }

    private Menu helpMenu() {
        MenuItem shortcuts = item("menu.help.shortcuts", null, this::showShortcuts);
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        shortcuts.disableProperty().unbind();
        shortcuts.setDisable(false);
        MenuItem about = new MenuItem(Messages.get("menu.help.about"));
        about.setId("menuAbout");
        about.setOnAction(e -> AboutDialog.show(stage,
                new AboutViewModel(worker, new FxDialogs(stage))));
        MenuItem support = item("menu.help.support", null, this::saveSupportFile);
        support.setId("menuSupportFile");
        return new Menu(Messages.get("menu.help"), null, shortcuts, support, new SeparatorMenuItem(), about);
    }

    private MenuItem item(String key, String shortcutLetter, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setMnemonicParsing(true);
        if (shortcutLetter != null) {
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(shortcutLetter), KeyCombination.SHORTCUT_DOWN));
        }
        item.setOnAction(e -> action.run());
        item.disableProperty().bind(Bindings.not(ready));
        return item;
    }

    private static KeyCombination shortcutShift(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private void openExercises() {
        Services services = open.services();
        if (services != null) {
            new ExercisesDialog(stage, new ExercisesViewModel(services.exercises(), worker,
                    new FxDialogs(stage))).show();
        }
    }

    /** Help, Save a support file: the logs, versions and settings in a zip for the clinic's IT, nothing of a patient. */
    private void saveSupportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("support.title"));
        chooser.setInitialFileName(Messages.format("support.fileName", LocalDate.now().toString()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("support.fileType"), "*.zip"));
        File file = chooser.showSaveDialog(stage);
        Services services = open.services();
        if (file == null || services == null) {
            return;
        }
        SupportFile support = new SupportFile(dataFolder, services.settings(), Clock.systemDefaultZone());
        BackgroundTask.wrap(() -> support.write(file.toPath()))
                .onSuccess(names -> Alerts.information(stage, Messages.get("support.doneHeader"),
                        Messages.format("support.done", file.getName())))
                .onFailure(failure -> frame.report("action.supportFile", failure))
                .executeWith(worker);
    }

    private void showShortcuts() {
        // in the theme, with its accent on the default button (it was the only alert made without it)
        FxDialogs.alert(stage, Alert.AlertType.INFORMATION, Messages.get("shortcuts.text"),
                Messages.get("shortcuts.title"), "shortcutsAlert", ButtonType.OK).showAndWait();
    }
}
