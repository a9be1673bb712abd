package app.rebound.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Patient;
import app.rebound.service.Edition;
import app.rebound.service.SecondWorkstation;
import app.rebound.service.Services;
import app.rebound.ui.kit.Conflict;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;

/**
 * Her details edited on two workstations at once (the patient form's view model, no toolkit): the second
 * save is refused and shows both versions field by field; Keep mine saves hers, Take theirs fills the form
 * with theirs, Decide later keeps hers in the form and writes nothing.
 */
class PatientFormConflictTest extends OnClinicFile {

    private final RecordingDialogs thereDialogs = new RecordingDialogs();
    private final List<Patient> saved = new ArrayList<>();
    private Services there;
    private Patient zoe;

    @BeforeEach
    void twoWorkstations() {
        zoe = zoe();
        there = SecondWorkstation.beside(services, CLOCK, SecondWorkstation.ZOE);
    }

    @AfterEach
    void closeSecond() {
        SecondWorkstation.close(there);
    }

    private PatientFormViewModel form(Services on, RecordingDialogs dialogs) {
        Edition<Patient> read = on.patients().open(zoe.id());
        return new PatientFormViewModel(on.patients(), tasks, new DateInput(Locale.UK), read.value(), read.version(),
                dialogs);
    }

    private String storedPhone() {
        return services.patients().load(zoe.id()).phone();
    }

    @Test
    void theSecondSaveShowsBothVersionsAndSheChooses() {
        PatientFormViewModel annas = form(services, new RecordingDialogs());
        PatientFormViewModel zoes = form(there, thereDialogs);
        annas.phoneProperty().set("0123 456");
        annas.save(saved::add);
        assertThat(storedPhone()).isEqualTo("0123 456");

        zoes.phoneProperty().set("0999 111");
        zoes.goalProperty().set("Parkrun");
        zoes.save(saved::add);
        assertThat(thereDialogs.conflicts()).singleElement().asString()
                .startsWith("conflict: Changed on another workstation by Anna Physio at ")
                .endsWith("| Phone: 0999 111 / 0123 456; Goal: Parkrun / not recorded;");
        assertThat(storedPhone()).as("decided later: nothing written").isEqualTo("0123 456");
        assertThat(zoes.phoneProperty().get()).isEqualTo("0999 111");
        assertThat(saved).hasSize(1);

        thereDialogs.answer(Conflict.Choice.TAKE_THEIRS);
        zoes.save(saved::add);
        assertThat(zoes.phoneProperty().get()).as("theirs in the form").isEqualTo("0123 456");
        assertThat(zoes.goalProperty().get()).isEmpty();
        assertThat(zoes.isDirty()).isFalse();

        zoes.goalProperty().set("Parkrun");
        zoes.save(saved::add);
        assertThat(services.patients().load(zoe.id()).goal()).isEqualTo("Parkrun");
        assertThat(storedPhone()).isEqualTo("0123 456");
        assertThat(thereDialogs.conflicts()).hasSize(2);

        // Anna, still on the version she saved, is refused in turn and keeps hers
        RecordingDialogs hereDialogs = new RecordingDialogs().answer(Conflict.Choice.KEEP_MINE);
        PatientFormViewModel annasAgain = new PatientFormViewModel(services.patients(), tasks,
                new DateInput(Locale.UK), saved.get(0), services.patients().open(zoe.id()).version() - 1, hereDialogs);
        annasAgain.notesProperty().set("Prefers mornings");
        annasAgain.save(saved::add);
        assertThat(hereDialogs.conflicts()).singleElement().asString().contains("by Zoë Physio");
        Patient stored = services.patients().load(zoe.id());
        assertThat(stored.notes()).isEqualTo("Prefers mornings");
        assertThat(stored.goal()).as("kept mine: hers as in her form").isNull();
        assertThat(thereDialogs.errors()).isEmpty();
        assertThat(hereDialogs.errors()).isEmpty();
    }
}
