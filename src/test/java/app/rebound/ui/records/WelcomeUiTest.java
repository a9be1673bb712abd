package app.rebound.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.service.Services;
import app.rebound.ui.shell.MainWindow;
import app.rebound.ui.shell.MainWindowFixture;
import app.rebound.ui.kit.Worker;
import app.rebound.TestKeys;

/** The first start on an empty data folder offers six sample patients, once. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WelcomeUiTest extends MainWindowFixture {

    private static final List<String> SAMPLES = List.of("O'Neil, Ana-María", "Ødegård, Zoë",
            "Παπαδοπούλου, Σοφία", "Иванова, Анна", "王, 芳", "김, 민지");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        startWindow(stage);
    }

    /** As the app starts: the welcome is offered when the records turn out to be empty. */
    @Override
    protected void startWindow(Stage stage) {
        Locale.setDefault(Locale.UK);
        worker = new Worker();
        if (!Files.exists(dataFolder.resolve("rebound.keys"))) {
            TestKeys.clinic(dataFolder, CLOCK, Locale.UK).close();
        }
        window = new MainWindow(stage, dataFolder, () -> TestKeys.signIn(dataFolder, CLOCK, Locale.UK), worker);
        window.offerSamplesAtFirstStart(true);
        window.show(() -> { }, () -> { }, message -> { });
    }

    /** Closes the records as quitting would, then starts again on the same data folder. */
    private void restart(FxRobot robot) throws TimeoutException {
        Worker old = worker;
        Services services = window.services();
        old.close(); // lets queued work (remembering the answer) finish
        services.close();
        robot.interact(() -> startWindow(stage));
        waitUntilReady();
    }

    /** Waits until the worker has done what was queued so far (e.g. whether to ask) and the screen shows it. */
    private void drainWorker() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture.runAsync(() -> { }, worker).get(15, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DialogPane welcome(FxRobot robot) throws TimeoutException {
        DialogPane welcome = ShownDialogs.open(robot, "#welcomeAlert");
        assertThat(welcome.getHeaderText()).isEqualTo("Welcome to Rebound");
        assertThat(welcome.getContentText()).contains("six made-up sample patients");
        return welcome;
    }

    private void assertNotAsked(FxRobot robot) throws Exception {
        drainWorker();
        assertThat(ShownDialogs.find(robot, "#welcomeAlert")).as("the welcome is asked once only").isEmpty();
    }

    @Test
    void anEmptyFolderOffersSamplePatientsWhichFillTheListAndIsNotAskedAgain(FxRobot robot) throws Exception {
        waitUntilReady();
        DialogPane welcome = welcome(robot);
        robot.clickOn(ShownDialogs.button(robot, welcome, "Explore with sample patients"));
        ShownDialogs.closed(robot, "#welcomeAlert");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shownNames(robot).size() == SAMPLES.size());
        settle();
        assertThat(shownNames(robot)).containsExactlyInAnyOrderElementsOf(SAMPLES);
        assertThat(window.services().settings().samplesOffered()).isTrue();

        restart(robot);
        assertNotAsked(robot);
        assertThat(shownNames(robot)).containsExactlyInAnyOrderElementsOf(SAMPLES);
    }

    @Test
    void startEmptyLeavesNoPatientsAndIsNotAskedAgain(FxRobot robot) throws Exception {
        waitUntilReady();
        DialogPane welcome = welcome(robot);
        robot.clickOn(ShownDialogs.button(robot, welcome, "Start empty"));
        ShownDialogs.closed(robot, "#welcomeAlert");
        drainWorker();
        settle();
        assertThat(shownNames(robot)).isEmpty();
        assertThat(window.services().patients().search("", true).patients()).isEmpty();

        restart(robot);
        assertNotAsked(robot);
        assertThat(shownNames(robot)).isEmpty();
        assertThat(window.services().settings().samplesOffered()).isTrue();
    }
}
