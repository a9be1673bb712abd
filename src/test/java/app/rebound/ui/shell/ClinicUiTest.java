package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.TestKeys;
import app.rebound.domain.AuditAction;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.domain.PasswordStrength;
import app.rebound.ui.clinic.AuditDialog;
import app.rebound.ui.kit.Worker;

/**
 * The Clinic menu of the real window, on a clinic set up as a first start does ("anna", an
 * administrator, signed in): accounts, the audit trail, her own account, the lock settings, and the
 * lock screen itself.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ClinicUiTest extends MainWindowFixture {

    private static final String BEN_PASSWORD = "ben runs up the hill";
    private static final String BEN_NEW_PASSWORD = "ben walks down again";

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Locale.setDefault(Locale.UK);
        worker = new Worker();
        window = new MainWindow(stage, dataFolder, () -> TestKeys.clinic(dataFolder, CLOCK, Locale.UK), worker);
        window.show(() -> { }, () -> { }, message -> { });
    }

    /** The records are open, anna is signed in and the Clinic menu has her actions. */
    private void signedIn() throws TimeoutException {
        waitUntilReady();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.lockScreen() != null
                && ((MenuBar) stage.getScene().lookup(".menu-bar")).getMenus().stream()
                        .flatMap(menu -> menu.getItems().stream()).anyMatch(i -> "clinic-myAccount".equals(i.getId())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks, as the clinician does, on what reads {@code text} (mnemonic underscores aside) on screen. */
    private static void clickText(FxRobot robot, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownText(robot, text).isPresent());
        robot.clickOn(shownText(robot, text).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Node> shownText(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().replace("_", "").equals(text) && n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).tryQuery();
    }

    private static void openFromClinicMenu(FxRobot robot, String menuKey) throws TimeoutException {
        clickText(robot, Messages.get("menu.clinic").replace("_", ""));
        clickText(robot, Messages.get(menuKey).replace("_", ""));
    }

    /** Replaces what a field holds with {@code text}, typed on the keyboard. */
    private static void type(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled l ? l.getText() : ((TextInputControl) node).getText();
    }

    private static void waitForText(FxRobot robot, String query, Predicate<String> wanted)
            throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText())
                .map(wanted::test).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Clinician> clinicians(FxRobot robot) {
        return robot.lookup("#cliniciansTable").queryAs(TableView.class);
    }

    private static List<String> usernames(FxRobot robot) {
        return clinicians(robot).getItems().stream().map(Clinician::username).toList();
    }

    @Test
    void anAdministratorAddsAClinicianResetsHerPasswordAndRemovesHerButNotHerself(FxRobot robot) throws Exception {
        signedIn();
        openFromClinicMenu(robot, "menu.clinic.accounts");
        WaitForDialog.open(robot, "#accountsDialog");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> usernames(robot).equals(List.of(TestKeys.USER)));

        robot.clickOn("#addClinician");
        WaitForDialog.open(robot, "#addClinicianDialog");
        robot.clickOn("#newUsername").write("ben");
        robot.clickOn("#newDisplayName").write("Ben Okafor");
        type(robot, "#newClinicianPassword", "short");
        type(robot, "#newClinicianPasswordAgain", "short");
        String refused = Messages.format("password.strength.REFUSED", PasswordStrength.MIN_LENGTH);
        waitForText(robot, "#addClinicianDialog #passwordStrength", refused::equals);
        type(robot, "#newClinicianPassword", "Password2026");
        String weak = Messages.get("password.strength.WEAK");
        waitForText(robot, "#addClinicianDialog #passwordStrength", t -> t.startsWith(weak) && t.length() > weak.length());
        type(robot, "#newClinicianPassword", "Ben Okafor 26");
        waitForText(robot, "#addClinicianDialog #passwordStrength", refused::equals);
        type(robot, "#newClinicianPassword", "short");
        robot.clickOn("#addClinicianDialog-ok");
        waitForText(robot, "#addClinicianDialog #error-password", t -> !t.isEmpty());
        assertThat(text(robot, "#addClinicianDialog #error-password"))
                .isEqualTo(Messages.format("validation.password", PasswordStrength.MIN_LENGTH));
        assertThat(text(robot, "#addClinicianMessage")).isEqualTo(Messages.get("clinic.fixFields"));
        assertThat(text(robot, "#newUsername")).as("nothing typed is lost").isEqualTo("ben");
        assertThat(usernames(robot)).containsExactly(TestKeys.USER);

        type(robot, "#newClinicianPassword", BEN_PASSWORD);
        type(robot, "#newClinicianPasswordAgain", BEN_PASSWORD);
        robot.clickOn("#addClinicianDialog-ok");
        WaitForDialog.closed(robot, "#addClinicianDialog");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> usernames(robot).contains("ben"));
        Clinician ben = clinicians(robot).getItems().stream().filter(c -> c.username().equals("ben")).findFirst()
                .orElseThrow();
        assertThat(ben.displayName()).isEqualTo("Ben Okafor");
        assertThat(ben.administrator()).isFalse();
        assertThat(clinicians(robot).getSelectionModel().getSelectedItem()).as("the new row is selected").isEqualTo(ben);
        assertThat(text(robot, "#accountsMessage")).isEqualTo(Messages.format("accounts.added", "ben"));

        robot.clickOn("Ben Okafor");
        robot.clickOn("#resetPassword");
        WaitForDialog.open(robot, "#resetPasswordDialog");
        type(robot, "#resetPasswordNew", BEN_NEW_PASSWORD);
        type(robot, "#resetPasswordAgain", "something else entirely");
        robot.clickOn("#resetPasswordDialog-ok");
        waitForText(robot, "#resetPasswordDialog #error-passwordAgain", t -> !t.isEmpty());
        assertThat(text(robot, "#resetPasswordDialog #error-passwordAgain"))
                .isEqualTo(Messages.get("access.password.mismatch"));
        type(robot, "#resetPasswordAgain", BEN_NEW_PASSWORD);
        robot.clickOn("#resetPasswordDialog-ok");
        WaitForDialog.closed(robot, "#resetPasswordDialog");
        waitForText(robot, "#accountsMessage", t -> t.equals(Messages.format("accounts.reset.done", "ben")));

        robot.clickOn("Ben Okafor");
        robot.clickOn("#removeClinician");
        WaitForDialog.open(robot, "#confirmAlert");
        clickText(robot, Messages.get("accounts.remove.button"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !usernames(robot).contains("ben"));
        waitForText(robot, "#accountsMessage", t -> t.equals(Messages.format("accounts.removed", "ben")));

        robot.clickOn(TestKeys.DISPLAY_NAME);
        robot.clickOn("#removeClinician");
        waitForText(robot, "#accountsMessage", t -> t.startsWith("You cannot remove your own account"));
        assertThat(usernames(robot)).containsExactly(TestKeys.USER);

        List<String> details = window.services().audit().newestFirst(null, 0, 50).stream()
                .filter(e -> e.action() == AuditAction.ACCOUNT).map(AuditEvent::detail).toList();
        assertThat(details).containsSubsequence("removed ben", "password of ben reset", "added ben");
    }

    @Test
    void theAuditTrailShowsItsRowsNewestFirstPageByPageAndIsIntact(FxRobot robot) throws Exception {
        signedIn();
        UUID someone = UUID.randomUUID();
        for (int i = 0; i < 250; i++) {
            window.services().audit().record(AuditAction.VIEW, someone, "visit " + i);
        }
        openFromClinicMenu(robot, "menu.clinic.audit");
        WaitForDialog.open(robot, "#auditDialog");
        @SuppressWarnings("unchecked")
        TableView<AuditEvent> rows = robot.lookup("#auditTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !rows.getItems().isEmpty());
        int total = window.services().audit().count();
        assertThat(total).isGreaterThan(250);
        assertThat(rows.getItems()).hasSize(AuditDialog.PAGE);
        assertThat(rows.getItems().get(0).detail()).as("newest first").isEqualTo("visit 249");
        assertThat(rows.getItems().get(0).patientId()).isEqualTo(someone);
        assertThat(text(robot, "#auditShown")).isEqualTo(Messages.format("audit.shown", 200, total));

        robot.clickOn("#auditShowMore");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rows.getItems().size() == total);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.getItems()).isSortedAccordingTo((a, b) -> Long.compare(b.seq(), a.seq()));
        assertThat(rows.getItems()).extracting(AuditEvent::seq).doesNotHaveDuplicates();
        assertThat(rows.getItems().get(rows.getItems().size() - 1).detail()).as("the oldest row: the set-up")
                .startsWith("clinic set up");
        assertThat(robot.lookup("#auditShowMore").query().isDisabled()).as("nothing more to read").isTrue();
        assertThat(text(robot, "#auditShown")).isEqualTo(Messages.format("audit.shown", total, total));

        robot.clickOn("#auditCheck");
        waitForText(robot, "#auditVerdict", t -> t.startsWith("Intact"));
        assertThat(text(robot, "#auditVerdict")).isEqualTo(Messages.format("audit.intact", total));
        assertThat(robot.lookup("#auditVerdict").query().getStyleClass()).contains("success");
    }

    @Test
    void myAccountSaysAWrongCurrentPasswordPlainlyAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        signedIn();
        openFromClinicMenu(robot, "menu.clinic.myAccount");
        WaitForDialog.open(robot, "#myAccountDialog");
        assertThat(text(robot, "#myDisplayName")).isEqualTo(TestKeys.DISPLAY_NAME);

        robot.clickOn("#currentPassword").write("not my password at all");
        robot.clickOn("#newPassword").write("a brand new sentence");
        robot.clickOn("#newPasswordAgain").write("a brand new sentence");
        robot.clickOn("#changePassword");
        waitForText(robot, "#myAccountDialog #error-currentPassword", t -> !t.isEmpty());
        assertThat(text(robot, "#myAccountDialog #error-currentPassword"))
                .isEqualTo(Messages.get("myAccount.wrongCurrent"));
        assertThat(text(robot, "#newPassword")).as("the new password is kept").isEqualTo("a brand new sentence");
        assertThat(text(robot, "#newPasswordAgain")).isEqualTo("a brand new sentence");
        assertThat(window.services().accounts().checkPassword(TestKeys.PASSWORD.toCharArray()))
                .as("the password is unchanged").isTrue();

        robot.clickOn("#currentPassword").write(TestKeys.PASSWORD);
        robot.clickOn("#changePassword");
        waitForText(robot, "#myAccountMessage", t -> t.equals(Messages.get("myAccount.passwordChanged")));
        assertThat(window.services().accounts().checkPassword("a brand new sentence".toCharArray())).isTrue();

        type(robot, "#myDisplayName", "Anna Lindqvist");
        robot.clickOn("#saveDisplayName");
        waitForText(robot, "#myAccountMessage", t -> t.equals(Messages.format("myAccount.nameSaved", "Anna Lindqvist")));
        assertThat(window.services().settings().load().clinicianName()).as("handouts print her new name")
                .isEqualTo("Anna Lindqvist");
    }

    @Test
    void settingsShowWhoIsPrintedAndKeepTheIdleMinutesInRange(FxRobot robot) throws Exception {
        signedIn();
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        assertThat(robot.lookup("#clinicianName").tryQuery()).as("the name is the account's now").isEmpty();
        assertThat(text(robot, "#printedAs")).isEqualTo(Messages.format("settings.printedAs.value", TestKeys.DISPLAY_NAME));
        assertThat(text(robot, "#idleMinutes")).isEqualTo("10");
        assertThat(text(robot, "#backupFolder")).isEmpty();

        type(robot, "#idleMinutes", "0");
        robot.clickOn("#saveSettings");
        waitForText(robot, "#settingsDialog #error-idleMinutes", t -> !t.isEmpty());
        assertThat(text(robot, "#settingsDialog #error-idleMinutes")).isEqualTo(Messages.get("settings.idleMinutes.invalid"));
        assertThat(window.services().settings().idleMinutes()).isEqualTo(10);

        type(robot, "#backupFolder", "relative/folder");
        robot.clickOn("#saveSettings");
        waitForText(robot, "#settingsDialog #error-backupFolder", t -> !t.isEmpty());
        type(robot, "#backupFolder", "");

        type(robot, "#idleMinutes", "5");
        robot.clickOn("#saveSettings");
        WaitForDialog.closed(robot, "#settingsDialog");
        settle();
        assertThat(window.services().settings().idleMinutes()).isEqualTo(5);
        assertThat(window.services().settings().load().clinicianName()).isEqualTo(TestKeys.DISPLAY_NAME);

        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForDialog.open(robot, "#settingsDialog");
        waitForText(robot, "#idleMinutes", "5"::equals);
    }

    @Test
    void theLockScreenHidesThePatientsAndOpensOnlyWithHerPasswordKeepingWhatWasTyped(FxRobot robot)
            throws Exception {
        signedIn();
        robot.clickOn("#patientSearch").write("Halvorsen");
        Node content = robot.lookup(".main-window").query();

        // File, Lock the screen, by its shortcut: the way she locks it before leaving the room
        robot.push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.lockScreen().isLocked()).isTrue();
        assertThat(content.isVisible()).as("the patient list is hidden").isFalse();
        assertThat(robot.lookup("#unlockPassword").query().isVisible()).isTrue();

        robot.clickOn("#unlockPassword").write("not the password");
        robot.clickOn("#unlock");
        waitForText(robot, "#unlockMessage", t -> !t.isEmpty());
        assertThat(text(robot, "#unlockMessage")).isEqualTo(Messages.get("lock.wrong"));
        assertThat(window.lockScreen().isLocked()).isTrue();
        assertThat(content.isVisible()).isFalse();

        robot.clickOn("#unlockPassword").write(TestKeys.PASSWORD);
        robot.clickOn("#unlock");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.lockScreen().isLocked());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(content.isVisible()).isTrue();
        assertThat(robot.lookup("#lockScreen").tryQuery()).isEmpty();
        assertThat(text(robot, "#patientSearch")).as("what was typed before locking is kept").isEqualTo("Halvorsen");
    }
}
