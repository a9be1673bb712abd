package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.OnClinicFile;

/**
 * The visit form's view model on a real clinic file, without the JavaFX toolkit: what it shows for
 * what is typed, and what reaches the records when the pause has passed.
 */
class VisitFormViewModelTest extends OnClinicFile {

    private Patient zoe;
    private VisitFormViewModel form;

    @BeforeEach
    void openAVisit() {
        zoe = zoe();
        Visit started = services.visits().save(services.visits().start(zoe.id(), false)).visit();
        form = new VisitFormViewModel(services.visits(), tasks, new DateInput(Locale.UK), zoe,
                services.visits().visitsOf(zoe.id()), started, reported::add);
    }

    private Visit stored() {
        return services.visits().load(form.base().id());
    }

    @Test
    void aValueIsSavedOnlyOnceTheTypingHasPaused() {
        form.power().textProperty().set("4");
        assertThat(stored().pelvicFloor().power()).as("still typing").isNull();
        tasks.elapseDelays();
        assertThat(stored().pelvicFloor().power()).isEqualTo(4);
        assertThat(form.saveStateProperty().get()).startsWith("Draft saved");
        assertThat(reported).isEmpty();
    }

    @Test
    void aValueOutOfRangeKeepsItsTextShowsWhyAndIsNotSaved() {
        form.power().textProperty().set("4");
        tasks.elapseDelays();
        form.power().textProperty().set("7");
        assertThat(form.errors()).containsKey("pelvicFloor.power");
        assertThat(form.power().textProperty().get()).isEqualTo("7");
        tasks.elapseDelays();
        assertThat(stored().pelvicFloor().power()).as("the last valid value stays saved").isEqualTo(4);
        form.power().textProperty().set("5");
        assertThat(form.errors()).doesNotContainKey("pelvicFloor.power");
    }

    @Test
    void leavingTheFormSavesWhatIsStillWaitingForThePause() {
        form.notesProperty().set("Keen to run by March, 李小龙's plan");
        form.flush();
        assertThat(stored().notes()).isEqualTo("Keen to run by March, 李小龙's plan");
        form.flush();
        assertThat(tasks.submitted()).as("nothing left to save: no second save").isEqualTo(2);
    }

    @Test
    void aDateRefusedAtTheEndOfTypingKeepsTheSavedDateNotOneItPassedOnTheWay() {
        LocalDate saved = stored().date();
        // typed a key at a time: 23/11/20 is a valid date (in 2020) on the way to 23/11/2026 (the future)
        for (String typed : new String[] {"2", "23", "23/", "23/1", "23/11", "23/11/", "23/11/2", "23/11/20",
            "23/11/202", "23/11/2026"}) {
            form.dateProperty().set(typed);
        }
        assertThat(form.errors().get("date")).isEqualTo(Messages.get("validation.visit.future"));
        tasks.elapseDelays();
        form.flush();
        assertThat(stored().date()).isEqualTo(saved);
        assertThat(form.build().date()).isEqualTo(saved);
    }

    @Test
    void theCrossFieldRulesShowWhereTheyAreBroken() {
        form.dateProperty().set("23/11/2026");
        assertThat(form.errors().get("date")).isEqualTo(Messages.get("validation.visit.future"));
        form.dateProperty().set("13/03/1990");
        assertThat(form.errors().get("date")).isEqualTo(Messages.get("validation.visit.beforeBirth"));
        form.dateProperty().set("");
        assertThat(form.errors().get("date")).isEqualTo(Messages.get("validation.visit.dateRequired"));
        form.dateProperty().set("22/11/2026");
        assertThat(form.errors()).doesNotContainKey("date");

        form.at().textProperty().set("2.5");
        assertThat(form.errors().get("abdominalWall.unit")).isEqualTo(Messages.get("validation.ird.unitRequired"));
        form.irdUnitProperty().set(IrdUnit.FINGER_WIDTHS);
        assertThat(form.errors()).doesNotContainKey("abdominalWall.unit");

        LoadInput hop = form.load(LoadTest.HOP)[0];
        hop.statusProperty().set(TestStatus.PASS);
        hop.symptom(TestSymptom.LEAKAGE).set(true);
        assertThat(form.errors().get("loadImpact.HOP.left"))
                .isEqualTo(Messages.get("validation.load.passWithSymptoms"));
        hop.symptom(TestSymptom.LEAKAGE).set(false);
        assertThat(form.errors()).doesNotContainKey("loadImpact.HOP.left");

        form.psfsScore(0).textProperty().set("5");
        assertThat(form.errors().get("outcomes.psfs[0].activity"))
                .isEqualTo(Messages.get("validation.psfs.activityRequired"));
        form.psfsScore(0).textProperty().set("");
        form.psfsActivity(1).set("Jumping with my son");
        assertThat(form.errors().get("outcomes.psfs[1].score"))
                .isEqualTo(Messages.format("validation.psfs.scoreRequired", Measures.PSFS_SCORE.describe()));
        form.psfsScore(1).textProperty().set("5");
        assertThat(form.errors()).isEmpty();

        String tooLong = "x".repeat(Measures.NOTES_MAX_LENGTH + 1);
        form.notesProperty().set(tooLong);
        assertThat(form.errors().get("notes")).isEqualTo(Messages.format("validation.tooLongNow",
                Measures.NOTES_MAX_LENGTH, Measures.NOTES_MAX_LENGTH + 1));
        tasks.elapseDelays();
        assertThat(stored().notes()).as("too long to save: not saved, still on screen").isNull();
        assertThat(form.notesProperty().get()).isEqualTo(tooLong);
    }

    @Test
    void aStageThatNeedsAReasonIsRefusedWithoutOneAndTheReasonStaysRequired() {
        // red flags not asked: walk-run is ahead of the suggestion and needs a reason
        List<VisitFormViewModel.StageAhead> asked = new ArrayList<>();
        assertThat(form.choose(Stage.WALK_RUN, ahead -> {
            asked.add(ahead);
            return Optional.of(" ");
        })).isFalse();
        assertThat(asked).singleElement().satisfies(ahead -> assertThat(ahead.needsReason()).isTrue());
        assertThat(form.chosenStageProperty().get()).isNull();

        assertThat(form.choose(Stage.WALK_RUN, ahead -> Optional.of("Ran 10 km pain-free last week"))).isTrue();
        assertThat(form.chosenStageProperty().get()).isEqualTo(Stage.WALK_RUN);
        assertThat(form.stageReasonProperty().get()).isEqualTo("Ran 10 km pain-free last week");
        assertThat(form.errors()).doesNotContainKey("stageReason");
        form.stageReasonProperty().set("");
        assertThat(form.errors().get("stageReason")).startsWith(Messages.format("validation.stageReason.required",
                Messages.name(Stage.WALK_RUN), "").substring(0, 20));
    }

    @Test
    void aCompletedVisitRecordsLaterChangesAsAnAmendment() {
        form.power().textProperty().set("3");
        List<String> done = new ArrayList<>();
        form.complete(() -> done.add("completed"));
        assertThat(done).containsExactly("completed");
        assertThat(stored().status()).isEqualTo(VisitStatus.COMPLETE);
        assertThat(stored().pelvicFloor().power()).isEqualTo(3);
        form.power().textProperty().set("4");
        tasks.elapseDelays();
        assertThat(stored().pelvicFloor().power()).isEqualTo(4);
        assertThat(form.saveStateProperty().get()).startsWith("Amendment saved");
        assertThat(form.amendments()).hasSize(1);
    }
}
