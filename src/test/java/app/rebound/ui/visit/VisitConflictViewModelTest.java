package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.ValidationException;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Edition;
import app.rebound.service.SecondWorkstation;
import app.rebound.service.Services;
import app.rebound.service.VisitService;
import app.rebound.ui.kit.Conflict;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;
import app.rebound.ui.kit.SameThreadTaskRunner;

/**
 * Two people, one visit, on the visit form's view model (no toolkit): Anna here, Zoë on a second workstation
 * (a second set of services on the same clinic file). A save refused because the other saved first shows her
 * values beside theirs; Keep mine saves hers over theirs, Take theirs shows theirs, Decide later keeps hers in
 * the form without writing anything; never a lost save.
 */
class VisitConflictViewModelTest extends OnClinicFile {

    private final SameThreadTaskRunner thereTasks = new SameThreadTaskRunner();
    private final RecordingDialogs hereDialogs = new RecordingDialogs();
    private final RecordingDialogs thereDialogs = new RecordingDialogs();
    private Services there;
    private Patient zoe;
    private Visit visit;

    @BeforeEach
    void twoWorkstations() {
        zoe = zoe();
        visit = services.visits().start(zoe.id(), false);
        there = SecondWorkstation.beside(services, CLOCK, SecondWorkstation.ZOE);
    }

    @AfterEach
    void closeSecond() {
        SecondWorkstation.close(there);
    }

    private VisitFormViewModel form(Services on, SameThreadTaskRunner runner, RecordingDialogs dialogs) {
        Edition<Visit> read = on.visits().open(visit.id());
        return new VisitFormViewModel(on.visits(), runner, new DateInput(Locale.UK), zoe,
                on.visits().visitsOf(zoe.id()), read.value(), read.version(), dialogs);
    }

    private String storedNotes() {
        return services.visits().load(visit.id()).notes();
    }

    private static String at10() {
        return DateTimeFormatter.ofPattern("HH:mm").format(CLOCK.instant().atZone(ZoneId.systemDefault()));
    }

    @Test
    void theSecondSaveIsRefusedShowsBothVersionsAndKeepMineSavesHersOverTheirs() {
        VisitFormViewModel annas = form(services, tasks, hereDialogs);
        VisitFormViewModel zoes = form(there, thereTasks, thereDialogs);

        annas.notesProperty().set("Anna's notes");
        tasks.elapseDelays();
        zoes.notesProperty().set("Zoë's notes");
        thereDialogs.answer(Conflict.Choice.LATER);
        thereTasks.elapseDelays();

        assertThat(thereDialogs.conflicts()).containsExactly("conflict: Changed on another workstation by Anna Physio"
                + " at " + at10() + " | Notes: Zoë's notes / Anna's notes;");
        assertThat(storedNotes()).as("the first save stays").isEqualTo("Anna's notes");
        assertThat(zoes.notesProperty().get()).as("hers stay in the form").isEqualTo("Zoë's notes");
        assertThat(zoes.conflictPending()).isTrue();
        assertThat(zoes.elsewhereProperty().get()).isEqualTo("Not saved: Changed on another workstation by Anna "
                + "Physio at " + at10() + ". Your values are kept here.");
        assertThat(zoes.saveStateProperty().get()).isEqualTo("Not saved: changed elsewhere");

        // while she has not chosen, nothing of hers is written over Anna's, and she is not asked at every pause
        zoes.notesProperty().set("Zoë's notes, more");
        thereTasks.elapseDelays();
        assertThat(storedNotes()).isEqualTo("Anna's notes");
        assertThat(thereDialogs.conflicts()).hasSize(1);

        thereDialogs.answer(Conflict.Choice.KEEP_MINE);
        zoes.resolveConflict();
        assertThat(storedNotes()).isEqualTo("Zoë's notes, more");
        assertThat(zoes.conflictPending()).isFalse();
        assertThat(zoes.elsewhereProperty().get()).isEmpty();
        assertThat(zoes.saveStateProperty().get()).startsWith("Draft saved at");
        assertThat(thereDialogs.conflicts()).hasSize(2);

        // Anna's next save is refused in turn, naming Zoë; she takes theirs, and goes on from it
        hereDialogs.answer(Conflict.Choice.TAKE_THEIRS);
        annas.notesProperty().set("Anna again");
        tasks.elapseDelays();
        assertThat(hereDialogs.conflicts()).singleElement().asString()
                .startsWith("conflict: Changed on another workstation by Zoë Physio at ")
                .endsWith("| Notes: Anna again / Zoë's notes, more;");
        assertThat(annas.notesProperty().get()).as("theirs on screen").isEqualTo("Zoë's notes, more");
        assertThat(storedNotes()).isEqualTo("Zoë's notes, more");
        annas.notesProperty().set("Anna, after Zoë");
        tasks.elapseDelays();
        assertThat(storedNotes()).isEqualTo("Anna, after Zoë");
        assertThat(hereDialogs.conflicts()).hasSize(1);
        assertThat(hereDialogs.errors()).isEmpty();
        assertThat(thereDialogs.errors()).isEmpty();
    }

    /**
     * Zoë completes the visit on her workstation while Anna still types in the draft. Anna keeps hers: a
     * completed visit is part of the record, so hers stay on screen, read-only and not saved, until she
     * chooses Amend and gives the reason; then they are saved as that amendment, never as one without a reason.
     */
    @Test
    void keepMineOverAVisitCompletedElsewhereIsSavedOnlyAsAnAmendmentWithHerReason() {
        VisitFormViewModel annas = form(services, tasks, hereDialogs);
        Edition<Visit> zoeRead = there.visits().open(visit.id());
        there.visits().complete(VisitFixture.withNotes(zoeRead.value(), "Zoë's notes"), zoeRead.version());

        hereDialogs.answer(Conflict.Choice.KEEP_MINE);
        annas.notesProperty().set("Anna's notes");
        tasks.elapseDelays();

        assertThat(hereDialogs.conflicts()).hasSize(1);
        Visit stored = services.visits().load(visit.id());
        assertThat(stored.notes()).as("the completed visit is not changed without a reason").isEqualTo("Zoë's notes");
        assertThat(services.visits().amendments(visit.id())).isEmpty();
        assertThat(annas.notesProperty().get()).as("hers stay on screen").isEqualTo("Anna's notes");
        assertThat(annas.readOnlyProperty().get()).isTrue();
        assertThat(annas.keptOverCompleted()).isTrue();
        assertThat(annas.elsewhereProperty().get()).isEqualTo(Messages.get("conflict.completedElsewhere"));
        assertThat(annas.saveStateProperty().get()).isEqualTo("Not saved: changed elsewhere");
        tasks.elapseDelays();
        assertThat(services.visits().load(visit.id()).notes()).isEqualTo("Zoë's notes");

        assertThat(annas.amend("  ")).as("no reason, no amendment").isPresent();
        assertThat(services.visits().amendments(visit.id())).isEmpty();
        assertThat(annas.amend("Anna's findings from the same session")).isEmpty();
        tasks.elapseDelays();

        assertThat(services.visits().load(visit.id()).notes()).isEqualTo("Anna's notes");
        assertThat(services.visits().amendments(visit.id())).singleElement()
                .satisfies(amendment -> assertThat(amendment.reason()).isEqualTo("Anna's findings from the same session"));
        assertThat(annas.keptOverCompleted()).isFalse();
        assertThat(annas.elsewhereProperty().get()).isEmpty();
        assertThat(hereDialogs.errors()).isEmpty();
    }

    @Test
    void aCompletedVisitIsNeverChangedWithoutAReasonWhateverAsksIt() {
        Edition<Visit> read = services.visits().open(visit.id());
        VisitService.Saved completed = services.visits().complete(VisitFixture.withNotes(read.value(), "first"),
                read.version());

        assertThatThrownBy(() -> services.visits().save(VisitFixture.withNotes(completed.visit(), "changed"),
                completed.version(), null, null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("amendReason");
        assertThatThrownBy(() -> services.visits().complete(VisitFixture.withNotes(completed.visit(), "changed"),
                completed.version())).isInstanceOf(ValidationException.class);
        assertThat(services.visits().load(visit.id()).notes()).isEqualTo("first");
        assertThat(services.visits().amendments(visit.id())).isEmpty();
        // the same values again are no change at all, with or without a reason
        assertThat(services.visits().save(completed.visit(), completed.version(), null, null).version())
                .isEqualTo(completed.version());
    }

    @Test
    void aNoticeOfAChangeElsewhereIsShownAndNeverReplacesWhatSheIsTyping() {
        VisitFormViewModel annas = form(services, tasks, hereDialogs);
        Edition<Visit> zoeRead = there.visits().open(visit.id());
        annas.notesProperty().set("Anna typing");
        there.visits().save(VisitFixture.withNotes(zoeRead.value(), "Zoë's notes"), zoeRead.version(), null, null);

        annas.changedOnAnotherWorkstation();
        assertThat(annas.elsewhereProperty().get()).isEqualTo(Messages.get("visit.changedElsewhere"));
        assertThat(annas.notesProperty().get()).isEqualTo("Anna typing");
        assertThat(hereDialogs.shown()).as("nothing pops up by itself").isEmpty();

        // Compare…, then Esc: still hers, not saved
        annas.resolveConflict();
        assertThat(hereDialogs.conflicts()).containsExactly(
                "conflict: Changed on another workstation | Notes: Anna typing / Zoë's notes;");
        assertThat(annas.notesProperty().get()).isEqualTo("Anna typing");
        tasks.elapseDelays();
        assertThat(storedNotes()).isEqualTo("Zoë's notes");

        hereDialogs.answer(Conflict.Choice.KEEP_MINE);
        annas.resolveConflict();
        assertThat(storedNotes()).isEqualTo("Anna typing");
        assertThat(annas.elsewhereProperty().get()).isEmpty();
    }

    @Test
    void theNoticeOfItsOwnSaveSaysNothing() {
        VisitFormViewModel annas = form(services, tasks, hereDialogs);
        annas.notesProperty().set("Anna's notes");
        tasks.elapseDelays();
        annas.changedOnAnotherWorkstation();
        assertThat(annas.elsewhereProperty().get()).isEmpty();
    }

    @Test
    void aVisitOpenOnTheOtherWorkstationShowsAsBeingEditedThereUntilItIsLeft() {
        VisitPresence annas = new VisitPresence(services.workstations(), tasks, visit.id(), () -> true);
        VisitPresence zoes = new VisitPresence(there.workstations(), thereTasks, visit.id(), () -> true);
        annas.start();
        zoes.start();
        assertThat(zoes.editedByProperty().get()).isEqualTo("Being edited by Anna Physio");
        tasks.elapseDelays();
        assertThat(annas.editedByProperty().get()).isEqualTo("Being edited by Zoë Physio");

        annas.stop();
        thereTasks.elapseDelays();
        assertThat(zoes.editedByProperty().get()).isEmpty();
    }

    @Test
    void aCompletedVisitOnlyReadIsNotShownAsBeingEdited() {
        VisitPresence annas = new VisitPresence(services.workstations(), tasks, visit.id(), () -> false);
        annas.start();
        assertThat(there.workstations().editingElsewhere(visit.id())).isEmpty();
    }
}
