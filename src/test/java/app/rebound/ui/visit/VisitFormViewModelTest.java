package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitValidator;
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
                services.visits().visitsOf(zoe.id()), started, services.visits().storedVersion(started.id()),
                dialogs);
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
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aValueOutOfRangeKeepsItsTextShowsWhyAndIsNotSaved() {
        form.power().textProperty().set("4");
        form.power().confirm(); // she left the field
        tasks.elapseDelays();
        form.power().textProperty().set("7");
        assertThat(form.errors()).containsKey("pelvicFloor.power");
        assertThat(form.power().textProperty().get()).isEqualTo("7");
        tasks.elapseDelays();
        assertThat(stored().pelvicFloor().power()).as("the value she confirmed stays saved").isEqualTo(4);
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
    void aCompletedVisitIsReadOnlyUntilAmendedForAReasonAndEachChangeIsRecordedInWords() {
        form.power().textProperty().set("3");
        form.symptomFlags().get(0).set(false);
        List<String> done = new ArrayList<>();
        Questions questions = new Questions();
        form.complete(questions.answering(true), () -> done.add("completed"));
        assertThat(done).containsExactly("completed");
        assertThat(stored().status()).isEqualTo(VisitStatus.COMPLETE);
        assertThat(stored().pelvicFloor().power()).isEqualTo(3);
        assertThat(form.readOnlyProperty().get()).isTrue();

        // not amended: nothing typed reaches the record
        form.power().textProperty().set("4");
        tasks.elapseDelays();
        form.flush();
        assertThat(stored().pelvicFloor().power()).isEqualTo(3);
        form.power().textProperty().set("3");

        assertThat(form.amend("  ")).contains(Messages.get("validation.amendReason.required"));
        // pasted invisible characters alone (U+0085, U+009F; the field keeps them) are stored as nothing: no reason
        assertThat(form.amend("\u0085\u009F")).contains(Messages.get("validation.amendReason.required"));
        assertThat(form.amend("x".repeat(Amendment.REASON_MAX_LENGTH + 1))).isPresent();
        assertThat(form.readOnlyProperty().get()).isTrue();
        assertThat(form.amend(" Re-tested after the visit ")).isEmpty();
        assertThat(form.readOnlyProperty().get()).isFalse();

        form.power().textProperty().set("4");
        form.symptomFlags().get(0).set(true);
        tasks.elapseDelays();
        form.power().textProperty().set("5");
        tasks.elapseDelays();
        assertThat(stored().pelvicFloor().power()).isEqualTo(5);
        assertThat(form.saveStateProperty().get()).startsWith("Amendment saved");
        assertThat(form.amendments()).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo("Re-tested after the visit");
            assertThat(a.changes()).extracting(Amendment.Change::text).containsExactlyInAnyOrder(
                    "Power (MOS): 3 → 5", "Urinary incontinence: No → Yes");
        });
    }

    /** What completing asked, answering the question about missing parts as told. */
    private static final class Questions {
        final List<List<String>> refused = new ArrayList<>();
        final List<List<VisitValidator.Unrecorded>> asked = new ArrayList<>();
        boolean answer;

        VisitFormViewModel.CompletionQuestions answering(boolean completeAnyway) {
            answer = completeAnyway;
            return new VisitFormViewModel.CompletionQuestions() {
                @Override
                public void refuse(List<String> paths) {
                    refused.add(paths);
                }

                @Override
                public boolean completeWithout(List<VisitValidator.Unrecorded> missing) {
                    asked.add(missing);
                    return answer;
                }
            };
        }
    }

    @Test
    void completingRefusesInvalidFieldsNamingThemAndAsksOnceAboutWhatIsNotRecorded() {
        form.fast().textProperty().set("4.5");
        form.power().textProperty().set("7");
        form.painNrs().textProperty().set("abc");
        form.strength(StrengthTest.SL_BRIDGE, Side.LEFT).textProperty().set("-3");
        Questions questions = new Questions();
        form.complete(questions.answering(true), () -> { });
        assertThat(questions.refused).singleElement().isEqualTo(List.of("symptoms.painNrs", "pelvicFloor.power",
                "pelvicFloor.fastContractions", "strength.SL_BRIDGE.left"));
        assertThat(questions.asked).isEmpty();
        assertThat(stored().status()).isEqualTo(VisitStatus.DRAFT);

        for (NumberInput input : List.of(form.fast(), form.power(), form.painNrs(),
                form.strength(StrengthTest.SL_BRIDGE, Side.LEFT))) {
            input.textProperty().set("");
        }
        form.complete(questions.answering(false), () -> { });
        assertThat(questions.asked).singleElement().isEqualTo(List.of(VisitValidator.Unrecorded.SYMPTOMS,
                VisitValidator.Unrecorded.RED_FLAGS, VisitValidator.Unrecorded.PELVIC_FLOOR));
        assertThat(stored().status()).as("she went back to record them").isEqualTo(VisitStatus.DRAFT);

        form.noRedFlags();
        form.noSymptoms();
        form.power().textProperty().set("3");
        form.complete(questions.answering(false), () -> { });
        assertThat(questions.asked).as("everything recorded: nothing asked").hasSize(1);
        assertThat(stored().status()).isEqualTo(VisitStatus.COMPLETE);
    }

    /**
     * Every number field, typed a key at a time with the draft saved at every pause: a text rejected at the
     * end (out of range, decimals, letters, negative) keeps none of the valid values it passed on the way;
     * the record keeps the value she last confirmed, or none.
     */
    @Test
    void aRejectedEntryNeverLeavesPartOfItselfBehindInAnyNumberField() {
        form.irdUnitProperty().set(IrdUnit.FINGER_WIDTHS);
        List<NumberInput> inputs = form.numberInputs();
        assertThat(inputs).hasSizeGreaterThan(20);
        for (NumberInput input : inputs) {
            String[] range = input.rangeHint().split("–");
            String min = range[0];
            List<String> bad = List.of(range[1] + "5", input.isWhole() ? "1.5" : "1.555", "1a", "-3");
            for (String text : bad) {
                for (String confirmed : new String[] {"", min}) {
                    for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
                        // a PSFS score is saved with its activity, and an activity with its score
                        if (input == form.psfsScore(i)) {
                            form.psfsActivity(i).set(confirmed.isEmpty() ? "" : "Running for the bus");
                        }
                    }
                    input.textProperty().set(confirmed);
                    input.confirm();
                    tasks.elapseDelays();
                    assertThat(form.errors()).as(input.path()).isEmpty();
                    Visit before = stored().withUpdated(Instant.EPOCH);
                    for (int end = 1; end <= text.length(); end++) {
                        input.textProperty().set(text.substring(0, end));
                        if (input.isValid()) {
                            tasks.elapseDelays(); // a pause on the way: the draft is saved
                        }
                    }
                    assertThat(form.errors()).as(input.path() + " " + text).containsKey(input.path());
                    assertThat(input.textProperty().get()).isEqualTo(text);
                    assertThat(form.uncounted()).as(input.path()).isNotEmpty();
                    form.flush();
                    assertThat(stored().withUpdated(Instant.EPOCH)).as(input.path() + " typed " + text
                            + " after " + (confirmed.isEmpty() ? "nothing" : confirmed)).isEqualTo(before);
                }
            }
            input.textProperty().set("");
            for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
                form.psfsActivity(i).set("");
            }
            tasks.elapseDelays();
        }
        assertThat(form.uncounted()).isEmpty();
    }

    @Test
    void aVisitBeforeHerFirstBirthOrOnTheDayOfAnotherIsKeptWithAWarning() {
        services.visits().save(Visit.draft(zoe.id(), TODAY.minusDays(7), VisitKind.FOLLOW_UP));
        form = new VisitFormViewModel(services.visits(), tasks, new DateInput(Locale.UK), zoe,
                services.visits().visitsOf(zoe.id()), form.base(), services.visits().storedVersion(form.base().id()),
                dialogs);
        form.dateProperty().set("15/11/2026");
        assertThat(form.errors()).doesNotContainKey("date");
        assertThat(form.warnings().get("date")).isEqualTo(Messages.get("validation.visit.sameDay"));
        tasks.elapseDelays();
        assertThat(stored().date()).isEqualTo(TODAY.minusDays(7));

        form.dateProperty().set("01/01/2026");
        assertThat(form.warnings().get("date")).isEqualTo(Messages.get("validation.visit.beforeFirstBirth"));
        tasks.elapseDelays();
        assertThat(stored().date()).isEqualTo(LocalDate.of(2026, 1, 1));
        form.confirmDate(); // she left the field

        form.dateProperty().set("01/01/1980");
        assertThat(form.errors().get("date")).isEqualTo(Messages.get("validation.visit.beforeBirth"));
        tasks.elapseDelays();
        assertThat(stored().date()).as("refused: the date saved before stays").isEqualTo(LocalDate.of(2026, 1, 1));

        form.dateProperty().set("20/11/2026");
        assertThat(form.warnings()).isEmpty();
        assertThat(form.errors()).isEmpty();
    }
}
