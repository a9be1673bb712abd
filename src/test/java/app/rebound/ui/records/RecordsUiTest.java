package app.rebound.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.rebound.domain.Patient;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;
import app.rebound.ui.shell.MainWindowFixture;
import app.rebound.ui.patients.PatientRow;
import app.rebound.TestKeys;

/**
 * File → Import records… and Export records… as a clinician meets them: what the dialogs say, the
 * patient list after an import, and which patients an export takes. The native file chooser cannot be
 * driven, so the file itself is handed to {@link RecordsActions#importFile} and
 * {@link RecordsActions#exportTo}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RecordsUiTest extends MainWindowFixture {

    /** Another clinic's records, to export a file from. */
    @TempDir
    Path otherClinic;

    @TempDir
    Path out;

    @Override
    protected List<Patient> seed() {
        return List.of(patient("Ingrid", "Berg", LocalDate.of(1989, 6, 2), LocalDate.of(2026, 5, 1)),
                patient("Łucja", "Kowalska", LocalDate.of(1988, 5, 2)));
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    /** A valid record file with three patients (six visits), exported from another clinic's database. */
    private Path otherClinicsFile() throws Exception {
        Path file = out.resolve("from-other-clinic.json");
        try (Services other = TestKeys.services(otherClinic, CLOCK, Locale.UK)) {
            VisitFixture.seed(other, "Zoë", "Ødegård", 3, 7);
            VisitFixture.seed(other, "芳", "王", 2, 11);
            VisitFixture.seed(other, "Ana-María", "O'Neil", 1, 5);
            assertThat(other.records().export(List.of(), file)).isEqualTo(3);
        }
        return file;
    }

    private void importFile(FxRobot robot, Path file) {
        robot.interact(() -> window.records().importFile(file));
    }

    private void waitForNames(FxRobot robot, String... names) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownNames(robot).size() == names.length
                    && shownNames(robot).containsAll(List.of(names)));
        } catch (TimeoutException e) {
            assertThat(shownNames(robot)).containsExactlyInAnyOrder(names);
        }
        settle();
    }

    @Test
    void aValidFileAddsItsPatientsAndSaysSoAndTheSameFileAgainChangesNothing(FxRobot robot) throws Exception {
        waitUntilReady();
        Path file = otherClinicsFile();

        importFile(robot, file);
        DialogPane done = ShownDialogs.open(robot, "#importDone");
        assertThat(done.getHeaderText()).isEqualTo("Records imported");
        assertThat(done.getContentText()).isEqualTo("3 patients added, 0 updated, 0 unchanged; "
                + "6 visits added, 0 updated, 0 unchanged; 0 clinic exercises added.");
        waitForNames(robot, "Berg, Ingrid", "Kowalska, Łucja", "Ødegård, Zoë", "王, 芳", "O'Neil, Ana-María");
        robot.clickOn(done.lookupButton(ButtonType.OK));
        ShownDialogs.closed(robot, "#importDone");

        importFile(robot, file);
        DialogPane again = ShownDialogs.open(robot, "#importDone");
        assertThat(again.getContentText()).startsWith("Nothing changed");
        settle();
        assertThat(shownNames(robot)).containsExactlyInAnyOrder("Berg, Ingrid", "Kowalska, Łucja", "Ødegård, Zoë",
                "王, 芳", "O'Neil, Ana-María");
        robot.clickOn(again.lookupButton(ButtonType.OK));
        ShownDialogs.closed(robot, "#importDone");
        assertThat(window.services().patients().search("", true).patients()).hasSize(5);
    }

    /** One patient, power 7 in her first visit and a kind word Rebound does not know in her second. */
    private static final String BAD_FILE = """
            {
              "format": "rebound-record",
              "version": 1,
              "exported": "2026-11-21T10:15:00Z",
              "patients": [
                {
                  "id": "6f1c2a8e-0d5b-4a57-9a4e-2c1d3b4e5f60",
                  "updated": "2026-11-21T10:00:00Z",
                  "givenName": "Zoë",
                  "familyName": "Ødegård",
                  "dateOfBirth": "1990-03-14",
                  "births": [ { "date": "2026-07-01", "mode": "VAGINAL", "perinealTrauma": "TEAR_2" } ],
                  "visits": [
                    { "id": "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c11", "updated": "2026-11-21T10:00:00Z",
                      "date": "2026-10-20", "kind": "INITIAL",
                      "pelvicFloor": { "method": "VAGINAL_DIGITAL", "power": 7 } },
                    { "id": "0b7e1d7c-5a0e-4c55-8d1a-7f7d2d7b9c12", "updated": "2026-11-21T10:00:00Z",
                      "date": "2026-11-10", "kind": "FOLLOWUP" }
                  ]
                }
              ]
            }
            """;

    @Test
    void aBadFileIsRefusedWithEveryErrorAndItsPathAndNothingIsImported(FxRobot robot) throws Exception {
        waitUntilReady();
        List<String> before = shownNames(robot);
        assertThat(before).containsExactlyInAnyOrder("Berg, Ingrid", "Kowalska, Łucja");
        Path file = out.resolve("bad.json");
        Files.writeString(file, BAD_FILE, StandardCharsets.UTF_8);

        importFile(robot, file);
        DialogPane refused = ShownDialogs.open(robot, "#importRefused");
        assertThat(refused.getHeaderText()).isEqualTo("2 problems in the file");
        assertThat(robot.from(refused).lookup(".label").match(n -> n instanceof Label l
                && l.getText() != null && l.getText().startsWith("Nothing was imported.")).tryQuery()).isPresent();
        TextArea errors = robot.from(refused).lookup("#importErrors").queryAs(TextArea.class);
        assertThat(errors.isEditable()).isFalse();
        assertThat(errors.getText().lines().toList()).containsExactly(
                "patients[0].visits[0].pelvicFloor.power: 7 is outside 0–5 (Modified Oxford Scale).",
                "patients[0].visits[1].kind: \"FOLLOWUP\" is not one of INITIAL, FOLLOW_UP, DISCHARGE.");

        robot.clickOn(refused.lookupButton(ButtonType.OK));
        ShownDialogs.closed(robot, "#importRefused");
        settle();
        assertThat(shownNames(robot)).isEqualTo(before);
        assertThat(window.services().patients().search("", true).patients()).extracting(PatientSummary::listName)
                .containsExactlyInAnyOrder("Berg, Ingrid", "Kowalska, Łucja");
        assertThat(ShownDialogs.find(robot, "#importDone")).isEmpty();
    }

    // --- export ---------------------------------------------------------------------------------

    private static final List<String> FAMILIES = List.of("Andersen", "Bakke", "Dahl", "Eriksen", "Fjeld",
            "Gundersen", "Haugen", "Iversen", "Jensen", "Karlsen", "Larsen", "Moen", "Nilsen", "Olsen", "Pedersen",
            "Ruud", "Solberg", "Strand", "Tangen", "Vik");

    @SuppressWarnings("unchecked")
    private static ListView<PatientSummary> exportList(FxRobot robot) {
        return robot.lookup("#exportPatients").queryAs(ListView.class);
    }

    /** The cell drawing row {@code index} now, scrolled into view. */
    private static ListCell<?> cell(FxRobot robot, ListView<PatientSummary> list, int index) {
        robot.interact(() -> list.scrollTo(index));
        PatientSummary item = list.getItems().get(index);
        Node found = robot.from(list).lookup(".list-cell").match(n -> n instanceof ListCell<?> c && c.isVisible()
                && c.getIndex() == index && c.getItem() == item).query();
        return (ListCell<?>) found;
    }

    private static CheckBox box(FxRobot robot, ListView<PatientSummary> list, String listName) {
        int index = list.getItems().stream().map(PatientSummary::listName).toList().indexOf(listName);
        assertThat(index).as(listName + " is in the list").isNotNegative();
        return (CheckBox) cell(robot, list, index).getGraphic();
    }

    /** Every patient the list shows, scrolled to one by one, and whether her checkbox is ticked. */
    private static Map<String, Boolean> ticks(FxRobot robot, ListView<PatientSummary> list) {
        Map<String, Boolean> ticks = new LinkedHashMap<>();
        for (int i = 0; i < list.getItems().size(); i++) {
            String name = list.getItems().get(i).listName();
            CheckBox box = (CheckBox) cell(robot, list, i).getGraphic();
            assertThat(box.getText()).as("the checkbox drawn for " + name).isEqualTo(name);
            ticks.put(name, box.isSelected());
        }
        return ticks;
    }

    private static List<String> ticked(FxRobot robot, ListView<PatientSummary> list) {
        return ticks(robot, list).entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    @Test
    void theExportDialogTicksTheSelectedPatientKeepsEachTickWithItsPatientAndTheFileHoldsTheChosenOnes(
            FxRobot robot) throws Exception {
        waitUntilReady();
        Patient zoe = window.services().patients().save(patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14),
                LocalDate.of(2026, 7, 1)));
        Patient fang = window.services().patients().save(patient("芳", "王", LocalDate.of(1992, 1, 9)));
        for (String family : FAMILIES) {
            window.services().patients().save(patient("Kari", family, LocalDate.of(1991, 2, 3)));
        }
        robot.interact(() -> window.patientList().refresh(null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownNames(robot).size() == 24);
        settle();

        // select Zoë in the patient list, then File → Export records… by its shortcut
        robot.interact(() -> table(robot).scrollTo(table(robot).getItems().stream().map(PatientRow::name).toList()
                .indexOf("Ødegård, Zoë")));
        Node zoeRow = robot.lookup("#patientTable .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.isVisible() && r.getItem() instanceof PatientRow row && row.id().equals(zoe.id())).query();
        robot.clickOn(zoeRow);
        assertThat(table(robot).getSelectionModel().getSelectedItem().id()).isEqualTo(zoe.id());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        DialogPane dialog = ShownDialogs.open(robot, "#exportDialog");
        assertThat(dialog.getHeaderText()).isEqualTo("Which patients go in the file?");

        RadioButton chosen = robot.from(dialog).lookup("#exportChosen").queryAs(RadioButton.class);
        assertThat(robot.from(dialog).lookup("#exportNotEncrypted").queryAs(Label.class).getText())
                .as("the clinician is told the file is plain text").contains("not encrypted").contains("Back up now");
        RadioButton all = robot.from(dialog).lookup("#exportAll").queryAs(RadioButton.class);
        assertThat(chosen.getText()).isEqualTo("Only the patients ticked below");
        assertThat(chosen.isSelected()).isTrue();
        assertThat(all.isSelected()).isFalse();
        ListView<PatientSummary> list = exportList(robot);
        assertThat(list.getItems()).hasSize(24);
        assertThat(ticked(robot, list)).containsExactly("Ødegård, Zoë");

        // tick 王芳 too, far down the list
        CheckBox fangBox = box(robot, list, "王, 芳");
        assertThat(fangBox.isSelected()).isFalse();
        robot.clickOn(fangBox);
        assertThat(fangBox.isSelected()).isTrue();
        // scrolled through one by one: the reused cells must not carry ticks to other patients
        assertThat(ticked(robot, list)).containsExactlyInAnyOrder("Ødegård, Zoë", "王, 芳");

        // find another patient by typing: her checkbox is drawn in a reused cell and is not ticked
        TextField filter = robot.from(dialog).lookup("#exportFilter").queryAs(TextField.class);
        robot.clickOn(filter).write("kow");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(PatientSummary::listName).containsExactly("Kowalska, Łucja");
        assertThat(ticks(robot, list)).containsExactly(Map.entry("Kowalska, Łucja", false));
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(filter).write("odeg");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ticks(robot, list)).containsExactly(Map.entry("Ødegård, Zoë", true));
        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(24);
        assertThat(ticked(robot, list)).containsExactlyInAnyOrder("Ødegård, Zoë", "王, 芳");

        // All patients: the list and the filter are off, and the Export button is on
        robot.clickOn(all);
        assertThat(all.isSelected()).isTrue();
        assertThat(list.isDisabled()).isTrue();
        assertThat(filter.isDisabled()).isTrue();
        assertThat(ShownDialogs.button(robot, dialog, "Export…").isDisabled()).isFalse();
        robot.clickOn(chosen);
        assertThat(list.isDisabled()).isFalse();
        assertThat(ticked(robot, list)).containsExactlyInAnyOrder("Ødegård, Zoë", "王, 芳");

        // Cancel: the dialog goes and nothing is written
        robot.clickOn(dialog.lookupButton(ButtonType.CANCEL));
        ShownDialogs.closed(robot, "#exportDialog");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
        assertThat(ShownDialogs.find(robot, "#exportDone")).isEmpty();

        // the two chosen patients, written where the file chooser would have said
        Path file = out.resolve("two.json");
        List<UUID> ids = List.of(zoe.id(), fang.id());
        robot.interact(() -> window.records().exportTo(window.services(), ids, file));
        DialogPane done = ShownDialogs.open(robot, "#exportDone");
        assertThat(done.getHeaderText()).isEqualTo("Records exported");
        assertThat(done.getContentText()).startsWith("2 patients written to two.json.");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> given = new ArrayList<>();
        root.get("patients").forEach(p -> given.add(p.get("givenName").asText()));
        assertThat(given).containsExactlyInAnyOrder("Zoë", "芳");
        robot.clickOn(done.lookupButton(ButtonType.OK));
        ShownDialogs.closed(robot, "#exportDone");
    }
}
