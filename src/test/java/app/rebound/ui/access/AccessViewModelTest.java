package app.rebound.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.service.ClinicAccess;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerChoice;
import app.rebound.service.Services;
import app.rebound.store.KeyFile;
import app.rebound.ui.kit.SameThreadTaskRunner;

/** Set-up, sign-in and recovery without the JavaFX toolkit, on real clinic files in a temp folder. */
class AccessViewModelTest {

    @TempDir
    Path folder;

    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private final SameThreadTaskRunner printer = new SameThreadTaskRunner();
    private final List<Services> signedIn = new ArrayList<>();
    private final List<RecordsUnavailableException> cannotOpen = new ArrayList<>();
    private final AccessViewModel.Host host = new AccessViewModel.Host() {
        @Override
        public void signedIn(Services services) {
            signedIn.add(services);
        }

        @Override
        public void cannotOpen(RecordsUnavailableException failure) {
            cannotOpen.add(failure);
        }
    };

    @BeforeEach
    void uk() {
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void close() {
        signedIn.forEach(Services::close);
    }

    private AccessViewModel open() {
        return new AccessViewModel(folder, new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS), tasks,
                printer, host);
    }

    /** Sets up Fjord Physio and returns the recovery key shown. */
    private String setUp(AccessViewModel access) {
        access.clinicNameProperty().set("Fjord Physio");
        access.displayNameProperty().set("Zoë Ødegård");
        access.usernameProperty().set("zoe");
        access.setUp("fjord physio spring 2026".toCharArray());
        return access.recoveryKeyProperty().get();
    }

    @Test
    void setUpRefusesAWeakPasswordThenShowsTheRecoveryKeyBeforeTheRecords() {
        AccessViewModel access = open();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SET_UP);
        access.setUp(null);
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.fixFields"));
        assertThat(access.problemProperty().get()).isTrue();

        access.clinicNameProperty().set("Fjord Physio");
        access.displayNameProperty().set("Zoë Ødegård");
        access.usernameProperty().set("zoe");
        access.setUp("short".toCharArray());
        assertThat(access.errors().get("password")).startsWith("A password needs at least 10 characters");
        assertThat(Files.exists(folder.resolve(KeyFile.FILE_NAME))).as("nothing written").isFalse();
        assertThat(access.busyProperty().get()).isFalse();

        access.setUp("fjord physio spring 2026".toCharArray());
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.RECOVERY_KEY);
        assertThat(access.recoveryKeyProperty().get()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}");
        assertThat(access.errors()).isEmpty();
        access.continueIn();
        assertThat(signedIn).as("the records wait until the key is kept").isEmpty();
        access.keyKeptProperty().set(true);
        access.continueIn();
        assertThat(signedIn).singleElement().satisfies(services -> {
            assertThat(services.accounts().current().displayName()).isEqualTo("Zoë Ødegård");
            assertThat(services.accounts().current().administrator()).isTrue();
        });
    }

    @Test
    void printingTheKeyWhereNothingCanPrintSaysSoAndKeepsTheKeyOnScreen() {
        AccessViewModel access = open();
        String key = setUp(access);
        access.printRecoveryKey();
        assertThat(printer.submitted()).as("on the printer's runner, not the worker").isEqualTo(1);
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.recovery.printFailed"));
        assertThat(access.recoveryKeyProperty().get()).isEqualTo(key);
        access.recoveryKeyCopied();
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.recovery.copied"));
        assertThat(access.problemProperty().get()).isFalse();
    }

    @Test
    void signInSaysWhatIsMissingOrWrongAndTheRightPasswordSignsIn() {
        TestKeys.clinic(folder).close();
        AccessViewModel access = open();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SIGN_IN);
        access.signIn();
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.username.missing"));
        assertThat(access.focusProperty().get()).isEqualTo(AccessViewModel.Field.USERNAME);
        access.usernameProperty().set(TestKeys.USER);
        access.signIn();
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.password.missing"));
        assertThat(access.focusProperty().get()).isEqualTo(AccessViewModel.Field.PASSWORD);
        assertThat(tasks.submitted()).isZero();

        access.passwordProperty().set("not the password");
        access.signIn();
        assertThat(access.messageProperty().get()).startsWith(Messages.get("access.wrong"));
        assertThat(access.passwordProperty().get()).as("the wrong password is cleared").isEmpty();
        assertThat(access.usernameProperty().get()).isEqualTo(TestKeys.USER);
        assertThat(access.focusProperty().get()).isEqualTo(AccessViewModel.Field.PASSWORD);
        assertThat(signedIn).isEmpty();

        access.passwordProperty().set(TestKeys.PASSWORD);
        access.signIn();
        assertThat(signedIn).singleElement()
                .satisfies(services -> assertThat(services.accounts().current().username()).isEqualTo(TestKeys.USER));
        assertThat(access.busyProperty().get()).isFalse();
    }

    @Test
    void theRecoveryKeySignsInWithANewPassword() {
        String key = setUp(open());
        AccessViewModel access = open();
        access.showRecovery();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.RECOVERY);
        access.recoveryKeyTypedProperty().set("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH");
        access.usernameProperty().set("zoe");
        access.recover("a new password for 2027".toCharArray());
        assertThat(access.problemProperty().get()).isTrue();
        assertThat(access.focusProperty().get()).isEqualTo(AccessViewModel.Field.RECOVERY_KEY);
        assertThat(signedIn).isEmpty();

        access.recoveryKeyTypedProperty().set(key);
        access.recover("a new password for 2027".toCharArray());
        assertThat(signedIn).hasSize(1);
        signedIn.remove(0).close();

        AccessViewModel again = open();
        again.usernameProperty().set("zoe");
        again.passwordProperty().set("a new password for 2027");
        again.signIn();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void recordsWithoutTheirKeyFileOfferARestoreNeverASetUp() throws Exception {
        TestKeys.clinic(folder).close();
        Files.delete(folder.resolve(KeyFile.FILE_NAME));
        AccessViewModel access = open();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.KEY_FILE_MISSING);
        access.restoreKeyFile();
        assertThat(cannotOpen).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo(RecordsUnavailableException.Reason.KEY_FILE_MISSING));
    }

    @Test
    void theFirstStartsOtherChoiceIsTheClinicsServerCheckedFieldByFieldAndKeptWithoutAPassword() throws Exception {
        AccessViewModel access = open();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SET_UP);
        assertThat(access.serverChangeable()).isTrue();

        access.showServerForm();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SERVER);
        assertThat(access.serverPortProperty().get()).isEqualTo("5432");
        access.serverHostProperty().set("db clinic");
        access.serverPortProperty().set("0");
        access.connectToServer();
        assertThat(access.errors()).containsOnlyKeys("serverHost", "serverPort", "serverDatabase");
        assertThat(access.errors().get("serverPort")).isEqualTo(Messages.get("validation.server.port"));
        assertThat(access.messageProperty().get()).isEqualTo(Messages.get("access.fixFields"));
        assertThat(ServerChoice.saved(folder)).as("nothing kept").isEmpty();

        access.serverHostProperty().set("db.clinic.example");
        assertThat(access.errors()).as("a field's message goes as she types in it").doesNotContainKey("serverHost");
        access.serverPortProperty().set("5433");
        access.serverDatabaseProperty().set("rebound");
        access.connectToServer();

        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SERVER_SIGN_IN);
        assertThat(access.serverNameProperty().get()).isEqualTo("postgresql://db.clinic.example:5433/rebound");
        assertThat(ServerChoice.saved(folder).orElseThrow()).hasToString("postgresql://db.clinic.example:5433/rebound");
        assertThat(Files.readString(folder.resolve("rebound.server"))).doesNotContainIgnoringCase("password");

        // later, "Use this computer's records": the choice is forgotten and today's set-up is back
        access.useThisComputer();
        assertThat(ServerChoice.saved(folder)).isEmpty();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SET_UP);
        assertThat(access.serverNameProperty().get()).isEmpty();
    }

    @Test
    void aServerGivenByTheOptionIsSignedIntoAndNotChangedHere() {
        ServerChoice given = ServerChoice.parse("postgresql://db.clinic.example/rebound");
        AccessViewModel access = new AccessViewModel(folder, given, false,
                new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS), tasks, printer, host);
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SERVER_SIGN_IN);
        assertThat(access.serverNameProperty().get()).isEqualTo("postgresql://db.clinic.example:5432/rebound");
        access.showServerForm();
        access.useThisComputer();
        assertThat(access.screenProperty().get()).isEqualTo(AccessViewModel.Screen.SERVER_SIGN_IN);
    }
}
