package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PerinealTrauma;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.visit.Visit;
import app.rebound.server.TcpRelay;
import app.rebound.server.TestPostgres;
import app.rebound.service.ClinicAccess;
import app.rebound.service.ProgrammeService;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerChoice;
import app.rebound.service.Services;
import app.rebound.ui.access.AccessView;
import app.rebound.ui.access.AccessViewModel;
import app.rebound.ui.kit.Pictures;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.patients.PatientRow;

/**
 * The window on a clinic's PostgreSQL server (a real one, TestPostgres): the first start's choice of the
 * server, the sign-in there and the patient list; each refusal in words that say what to do; and the server
 * lost while she types a visit.
 */
@Tag("ui")
@Tag("postgresql")
@ExtendWith({TestPostgres.class, ApplicationExtension.class})
class ServerWindowUiTest {

    @TempDir
    Path folder;

    private Stage stage;
    private Worker worker;
    private AccessView view;
    private final AtomicReference<MainWindow> window = new AtomicReference<>();
    private final ClinicAccess access = new ClinicAccess(Clock.systemUTC(), Locale.UK);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        worker = new Worker();
    }

    @BeforeEach
    void uk() {
        Locale.setDefault(Locale.UK);
    }

    @AfterEach
    void closeRecords() throws TimeoutException {
        FxToolkit.cleanupStages();
        MainWindow open = window.get();
        worker.close();
        if (open != null && open.services() != null) {
            open.closing();
            open.services().close();
        }
    }

    /** A clinic set up on a new database of the test server, with two patients; their ids. */
    private List<UUID> clinic(TestPostgres.Owned database) {
        try (Services services = access.setUpOnServer(database.address(), "Fjord Physio", database.owner(),
                "Ingrid Hansen", database.password())) {
            Patient zoe = patient("Zoë", "Ødegård");
            Patient lucja = patient("Łucja", "Kowalska");
            services.patients().save(zoe);
            services.patients().save(lucja);
            return List.of(zoe.id(), lucja.id());
        }
    }

    private static Patient patient(String given, String family) {
        return new Patient(UUID.randomUUID(), Instant.EPOCH, given, family, LocalDate.of(1990, 3, 14), null, null,
                false, List.of(new Birth(LocalDate.of(2026, 7, 1), BirthMode.VAGINAL, PerinealTrauma.TEAR_2)), null,
                null, null, null);
    }

    /** The first window as ReboundApp shows it; once she is in, the main window on her records. */
    private void show(FxRobot robot, ServerChoice server, boolean changeable) {
        robot.interact(() -> {
            view = new AccessView(folder, server, changeable, access, worker, new AccessView.Host() {
                @Override
                public void signedIn(Services services) {
                    MainWindow main = new MainWindow(stage, folder, () -> services, worker);
                    window.set(main);
                    main.show(() -> { }, () -> { }, message -> { });
                }

                @Override
                public void cannotOpen(RecordsUnavailableException failure) {
                }
            });
            view.showIn(stage);
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void type(FxRobot robot, String query, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    /** Signs the database's owner in on the first window shown, and waits for the patient list. */
    private void signInAsOwner(FxRobot robot, TestPostgres.Owned database) throws TimeoutException {
        robot.interact(() -> {
            view.model().usernameProperty().set(database.owner());
            view.model().passwordProperty().set(new String(database.password()));
            view.model().signIn();
        });
        waitForList();
    }

    private void waitForList() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get() != null
                && window.get().patientList().ready() && !window.get().patientList().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<String> shownNames(FxRobot robot) {
        TableView<PatientRow> table = robot.lookup("#patientTable").queryAs(TableView.class);
        return table.getItems().stream().map(PatientRow::name).toList();
    }

    @Test
    void theFirstStartConnectsToTheClinicsServerSignsInThereAndShowsItsPatients(FxRobot robot) throws Exception {
        TestPostgres.Owned database = TestPostgres.newDatabase();
        clinic(database);
        show(robot, null, true);
        assertThat(text(robot, "#accessTitle")).isEqualTo(Messages.get("access.setUp.title"));

        robot.clickOn("#connectToServer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#accessTitle")).isEqualTo(Messages.get("access.server.title"));
        type(robot, "#serverHost", "127.0.0.1");
        type(robot, "#serverPort", "port");
        type(robot, "#serverDatabase", database.address().database());
        robot.clickOn("#serverContinue");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text(robot, "#error-serverPort").isEmpty());
        assertThat(text(robot, "#error-serverPort")).isEqualTo(Messages.get("validation.server.port"));

        type(robot, "#serverPort", String.valueOf(TestPostgres.port()));
        robot.clickOn("#serverContinue");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signInServer").tryQuery().isPresent());
        assertThat(text(robot, "#signInServer")).isEqualTo(Messages.format("access.server.signingInto",
                "postgresql://127.0.0.1:" + TestPostgres.port() + "/" + database.address().database()));
        assertThat(ServerChoice.saved(folder).orElseThrow()).hasToString(database.address().toString());
        assertThat(Files.readString(folder.resolve("rebound.server"))).doesNotContain(new String(database.password()))
                .doesNotContain(database.owner());

        robot.clickOn("#signInUser").write(database.owner());
        robot.clickOn("#signInPassword").write(new String(database.password()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signIn");
        waitForList();

        assertThat(shownNames(robot)).containsExactly("Kowalska, Łucja", "Ødegård, Zoë");
        assertThat(window.get().services().session().clinician().orElseThrow().username())
                .isEqualTo(database.owner());
        assertThat(window.get().serverBannerText()).as("the server answers: no warning").isEmpty();
    }

    /** Signs in through the form's model on {@code server}, then returns the message under the form. */
    private String signIn(FxRobot robot, String host, int port, String databaseName, String user, String password)
            throws TimeoutException {
        AccessViewModel model = view.model();
        robot.interact(() -> {
            if (model.screenProperty().get() != AccessViewModel.Screen.SERVER) {
                model.showServerForm();
            }
            model.serverHostProperty().set(host);
            model.serverPortProperty().set(String.valueOf(port));
            model.serverDatabaseProperty().set(databaseName);
            model.connectToServer();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> model.screenProperty().get() == AccessViewModel.Screen.SERVER_SIGN_IN);
        robot.interact(() -> {
            model.usernameProperty().set(user);
            model.passwordProperty().set(password);
            model.signIn();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.problemProperty().get()).isTrue();
        assertThat(window.get()).as("not signed in").isNull();
        return view.message();
    }

    @Test
    void eachRefusalSaysWhatIsWrongAndWhatToDo(FxRobot robot) throws Exception {
        TestPostgres.Owned database = TestPostgres.newDatabase();
        clinic(database);
        String name = database.address().database();
        int port = TestPostgres.port();
        show(robot, null, true);

        assertThat(signIn(robot, "127.0.0.1", port, name, database.owner(), "not her password"))
                .as("wrong password").isEqualTo(Messages.get("access.wrong"));

        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        assertThat(signIn(robot, "127.0.0.1", closed, name, database.owner(), new String(database.password())))
                .as("server down").isEqualTo("The server postgresql://127.0.0.1:" + closed + "/" + name
                        + " could not be reached; check the address and that the server is running");

        assertThat(signIn(robot, "no-such-server.invalid", port, name, database.owner(),
                new String(database.password()))).as("unknown server")
                .startsWith("The server postgresql://no-such-server.invalid:" + port + "/" + name
                        + " could not be reached");

        assertThat(signIn(robot, "127.0.0.1", port, "no_such_clinic", database.owner(),
                new String(database.password()))).as("no such database")
                .isEqualTo("The server has no database named no_such_clinic; check the address (postgresql://127.0.0.1:"
                        + port + "/no_such_clinic)");

        // a server that is not this computer and offers no TLS (0.0.0.0 reaches this computer, yet is not loopback)
        try (NoTls plain = new NoTls()) {
            assertThat(signIn(robot, "0.0.0.0", plain.port(), name, database.owner(),
                    new String(database.password()))).as("TLS refused")
                    .startsWith("The server 0.0.0.0 offers no TLS, and it is not this computer: Rebound does not send "
                            + "patient records over the network in plain text");
        }

        TestPostgres.Owned empty = TestPostgres.newDatabase();
        assertThat(signIn(robot, "127.0.0.1", port, empty.address().database(), empty.owner(),
                new String(empty.password()))).as("not set up")
                .contains("holds no Rebound records yet").contains("rebound init --database");

        // a newer Rebound brought the schema past this one's
        TestPostgres.asSuperuserOn(name, "INSERT INTO flyway_schema_history (installed_rank, version, description, "
                + "type, script, checksum, installed_by, execution_time, success) VALUES (1000, '99', 'future', "
                + "'SQL', 'V99__future.sql', 0, 'fixture', 0, TRUE)");
        assertThat(signIn(robot, "127.0.0.1", port, name, database.owner(), new String(database.password())))
                .as("app older than the schema")
                .contains("at schema version 99, newer than this Rebound knows")
                .contains("install the Rebound the other workstations use");
    }

    @Test
    void theServerLostWhileSheTypesIsSaidAtOnceAndWhatSheTypedIsSavedWhenItIsBack(FxRobot robot) throws Exception {
        TestPostgres.Owned database = TestPostgres.newDatabase();
        UUID zoe = clinic(database).get(0);
        Visit draft;
        try (Services services = access.signInOnServer(database.address(), database.owner(), database.password())) {
            draft = services.visits().start(zoe, false);
        }
        try (TcpRelay relay = new TcpRelay(TestPostgres.port())) {
            ServerChoice server = ServerChoice.parse("postgresql://127.0.0.1:" + relay.port() + "/"
                    + database.address().database());
            show(robot, server, false);
            assertThat(robot.lookup("#useAnotherServer").tryQuery()).as("given by the option: not changed here")
                    .isEmpty();
            signInAsOwner(robot, database);
            robot.interact(() -> window.get().navigator().openVisit(zoe, draft.id()));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get().visitForm() != null
                    && window.get().visitForm().base().id().equals(draft.id()));

            relay.cut();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.get().serverBannerText().isEmpty());
            assertThat(window.get().serverBannerText()).startsWith("The clinic’s server (postgresql://127.0.0.1:"
                    + relay.port() + "/" + database.address().database() + ") cannot be reached since");
            assertThat(robot.lookup(".server-unreachable").tryQuery()).as("what was read before is dimmed").isPresent();

            robot.interact(() -> window.get().visitForm().notesProperty().set("Typed while the server was away"));
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.get().visitForm().saveStateProperty().get()
                    .equals(Messages.get("visit.notSaved.offline")));
            assertThat(robot.lookup(".dialog-pane").tryQuery()).as("no error dialog, the banner says it").isEmpty();
            assertThat(window.get().visitForm().notesProperty().get()).isEqualTo("Typed while the server was away");

            relay.join();
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.get().visitForm().saveStateProperty().get()
                    .startsWith("Draft saved at"));
            assertThat(window.get().serverBannerText()).startsWith("The clinic’s server answers again");
            assertThat(robot.lookup(".server-unreachable").tryQuery()).isEmpty();
        }
        try (Services services = access.signInOnServer(database.address(), database.owner(), database.password())) {
            assertThat(services.visits().visitsOf(zoe)).singleElement()
                    .satisfies(visit -> assertThat(visit.notes()).isEqualTo("Typed while the server was away"));
        }
    }

    /**
     * Another workstation changes what her programme and progress screens show: the programme screen she has
     * not changed shows theirs, one she is changing says so and keeps hers; the progress screen shows the
     * visit added there, keeping the summary she types.
     */
    @Test
    void theProgrammeAndProgressScreensFollowAnotherWorkstationsChanges(FxRobot robot) throws Exception {
        TestPostgres.Owned database = TestPostgres.newDatabase();
        UUID zoe = clinic(database).get(0);
        Visit visit;
        try (Services services = access.signInOnServer(database.address(), database.owner(), database.password())) {
            visit = services.visits().start(zoe, false);
            ProgrammeService.Context read = services.programmes().open(visit.id());
            services.programmes().save(visit.id(), read.programme(), read.version());
        }
        show(robot, ServerChoice.parse("postgresql://127.0.0.1:" + TestPostgres.port() + "/"
                + database.address().database()), false);
        signInAsOwner(robot, database);
        robot.interact(() -> window.get().navigator().openProgramme(zoe, visit.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get().programmeForm() != null);
        String shownBefore = window.get().programmeForm().reviewProperty().get();

        try (Services there = access.signInOnServer(database.address(), database.owner(), database.password())) {
            ProgrammeService.Context read = there.programmes().open(visit.id());
            Programme theirs = new Programme(read.programme().stage(), read.programme().suggestedStage(),
                    read.programme().exercises(), read.programme().walkRun(), 11);
            there.programmes().save(visit.id(), theirs, read.version());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> "11".equals(window.get().programmeForm().reviewProperty().get()));
            assertThat(shownBefore).isNotEqualTo("11");

            // she changes it here; another change there is said, never put over hers
            robot.interact(() -> {
                window.get().programmeForm().reviewProperty().set("9");
                window.get().programmeForm().edited();
            });
            read = there.programmes().open(visit.id());
            there.programmes().save(visit.id(), new Programme(read.programme().stage(),
                    read.programme().suggestedStage(), read.programme().exercises(), read.programme().walkRun(), 12),
                    read.version());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get().programmeForm().stateProperty().get()
                    .equals(Messages.get("programme.state.changedElsewhere")));
            assertThat(window.get().programmeForm().reviewProperty().get()).isEqualTo("9");
            Pictures.keep(stage.getScene(), "server-programme-changed-elsewhere");

            // progress: a visit added there appears; what she types in the summary stays
            robot.interact(() -> window.get().navigator().openProgress(zoe));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get().progressView() != null
                    && window.get().progressView().model().progressProperty().get() != null);
            robot.interact(() -> window.get().progressView().model().summaryProperty().set("Mine, typing"));
            Visit added = there.visits().start(zoe, false);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.get().progressView().model()
                    .progressProperty().get().visits().stream().anyMatch(e -> e.visit().id().equals(added.id())));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.get().progressView().model().summaryProperty().get()).isEqualTo("Mine, typing");
            Pictures.keep(stage.getScene(), "server-progress-refreshed");
        }
    }

    /** A "server" that answers PostgreSQL's request for TLS with no, as a server without ssl=on does. */
    private static final class NoTls implements AutoCloseable {
        private final ServerSocket socket;

        NoTls() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept(); InputStream in = client.getInputStream();
                            OutputStream out = client.getOutputStream()) {
                        in.readNBytes(8);
                        out.write('N');
                        out.flush();
                        in.read();
                    } catch (IOException e) {
                        // next
                    }
                }
            }, "test-no-tls");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
