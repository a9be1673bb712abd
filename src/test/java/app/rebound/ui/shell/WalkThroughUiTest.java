package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.programme.ProgrammeView;

/**
 * The walk through the screens of the installer's start-up training run: her workspace, her latest
 * visit, its programme, each drawn before the next, then done; a patient without visits fails.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WalkThroughUiTest extends MainWindowFixture {

    private final Patient zoe = patient("Zoë", "Ødegård", LocalDate.of(1990, 3, 14), TODAY.minusWeeks(22));
    private final Patient ada = patient("Ada", "Byron", LocalDate.of(1988, 5, 2), TODAY.minusWeeks(12));

    @Override
    protected List<Patient> seed() {
        return List.of(zoe, ada);
    }

    @Start
    void start(Stage stage) {
        startWindow(stage);
    }

    private Visit visit(LocalDate date, VisitKind kind) {
        PelvicFloorExam floor = new PelvicFloorExam(ExamMethod.VAGINAL_DIGITAL, 3, 6, 5, 8, true, true, true,
                Relaxation.COMPLETE, Tone.NORMAL, null, null);
        return new Visit(UUID.randomUUID(), zoe.id(), Instant.EPOCH, date, VisitStatus.DRAFT, null, kind, null, null,
                Set.of(), floor, null, null, null, null, null, null, null);
    }

    @Test
    void opensHerWorkspaceHerLatestVisitAndItsProgrammeThenIsDone(FxRobot robot) throws Exception {
        waitUntilReady();
        // saved latest first: "latest" is by date, not by the order they were written
        window.services().visits().save(visit(TODAY.minusWeeks(1), VisitKind.FOLLOW_UP));
        window.services().visits().save(visit(TODAY.minusWeeks(6), VisitKind.INITIAL));
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> window.walkThrough(zoe.id(), () -> outcome.set("done"),
                failure -> outcome.set("failed: " + failure)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> outcome.get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(outcome.get()).isEqualTo("done");
        assertThat(robot.lookup(n -> n instanceof ProgrammeView).tryQuery()).isPresent()
                .hasValueSatisfying(view -> assertThat(view.getScene()).isNotNull());
        assertThat(window.programmeForm().suggestedFileName()).contains(TODAY.minusWeeks(1).toString());
    }

    @Test
    void aPatientWithoutVisitsFailsAndLeavesTheList(FxRobot robot) throws Exception {
        waitUntilReady();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        robot.interact(() -> window.walkThrough(ada.id(), () -> done.set(true), failed::set));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> failed.get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(failed.get()).isInstanceOf(IllegalStateException.class).hasMessage("she has no visit");
        assertThat(done.get()).isFalse();
        assertThat(shownNames(robot)).contains("Byron, Ada");
    }
}
