package app.rebound.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

import app.rebound.domain.Patient;
import app.rebound.domain.progress.ChartPoint;
import app.rebound.domain.progress.ChartSeries;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.kit.Pictures;
import app.rebound.ui.shell.MainWindowFixture;

/** PSFS across visits: a follow-up starts with her activities, and the chart has a line for each. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PsfsActivitiesUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private void save(LocalDate date, VisitKind kind, PsfsItem... items) {
        window.services().visits().save(new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date,
                VisitStatus.COMPLETE, null, kind, null, null, Set.of(), null, null, null, null,
                new Outcomes(List.of(items), null, null), null, null, null));
    }

    private void openWorkspace(FxRobot robot) throws TimeoutException {
        robot.interact(() -> window.navigator().openWorkspace(zoe.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#openProgress").tryQuery()
                .map(n -> n.getScene() != null && !n.isDisabled()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aFollowUpStartsWithHerActivitiesToScoreAgain(FxRobot robot) throws TimeoutException {
        waitUntilReady();
        save(TODAY.minusWeeks(4), VisitKind.INITIAL, new PsfsItem("Running for the bus", 3),
                new PsfsItem("Jumping with my son", 5));
        openWorkspace(robot);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#psfs-activity-0").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#psfs-activity-0").queryAs(TextInputControl.class).getText())
                .isEqualTo("Running for the bus");
        assertThat(robot.lookup("#psfs-activity-1").queryAs(TextInputControl.class).getText())
                .isEqualTo("Jumping with my son");
        assertThat(robot.lookup("#outcomes-psfs-0-score").queryAs(TextInputControl.class).getText()).isEmpty();
        assertThat(robot.lookup("#error-outcomes-psfs-0-score").query().isVisible())
                .as("not an error until she scores it or not").isFalse();
    }

    @Test
    void thePsfsChartHasALineForEachActivityBesideTheMean(FxRobot robot) throws Exception {
        waitUntilReady();
        save(TODAY.minusWeeks(8), VisitKind.INITIAL, new PsfsItem("Running for the bus", 2),
                new PsfsItem("Jumping with my son", 6));
        save(TODAY.minusWeeks(4), VisitKind.FOLLOW_UP, new PsfsItem("Running for the bus", 5),
                new PsfsItem("Jumping with my son", 7));
        openWorkspace(robot);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.progressView() != null
                && window.progressView().getScene() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ChartView psfs = robot.lookup("#chart-psfs").queryAs(ChartView.class);
        Pictures.keep(psfs, "psfs-chart.png");
        assertThat(psfs.chart().series()).extracting(ChartSeries::name)
                .containsExactly("PSFS mean", "Running for the bus", "Jumping with my son");
        assertThat(psfs.chart().series().get(1).points()).extracting(ChartPoint::value).containsExactly(2.0, 5.0);
        assertThat(psfs.drawn().dots()).filteredOn(d -> d.series().name().equals("Jumping with my son")).hasSize(2);
    }
}
