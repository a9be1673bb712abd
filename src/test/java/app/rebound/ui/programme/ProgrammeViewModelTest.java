package app.rebound.ui.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.ui.kit.OnClinicFile;

/** The programme builder's view model on a real clinic file, without the JavaFX toolkit. */
class ProgrammeViewModelTest extends OnClinicFile {

    private Visit visit;
    private ProgrammeViewModel programme;

    @BeforeEach
    void open() {
        Patient zoe = zoe();
        visit = services.visits().save(services.visits().start(zoe.id(), false)).visit();
        programme = new ProgrammeViewModel(services.programmes(), tasks, services.programmes().open(visit.id()),
                dialogs);
    }

    @Test
    void theSuggestionIsShownUnsavedAndSavesAsShown() {
        assertThat(programme.items()).isNotEmpty();
        assertThat(programme.stateProperty().get()).isEqualTo(Messages.get("programme.state.suggested"));
        List<String> saved = new ArrayList<>();
        programme.save(() -> saved.add("saved"));
        assertThat(saved).containsExactly("saved");
        assertThat(programme.stateProperty().get()).isEqualTo(Messages.get("programme.state.saved"));
        assertThat(services.programmes().open(visit.id()).saved()).isTrue();
        assertThat(services.programmes().open(visit.id()).programme().exercises())
                .hasSize(programme.items().size());
    }

    @Test
    void aDoseThatIsNotANumberIsNamedAndNothingIsSavedOrWritten() throws Exception {
        ProgrammeViewModel.ItemRow first = programme.items().get(0);
        first.sets.set("three");
        programme.edited();
        assertThat(programme.check()).isFalse();
        assertThat(programme.problems()).containsExactly(Messages.format("programme.problem.number",
                Messages.format("programme.where.exercise", 1, first.exercise().name()),
                Messages.get("programme.column.sets")));
        assertThat(programme.isEdited()).isTrue();
        programme.save(() -> { });
        programme.exportPdf(folder.resolve("handout.pdf"), () -> { });
        assertThat(tasks.submitted()).isZero();
        assertThat(services.programmes().open(visit.id()).saved()).isFalse();
        first.sets.set("3");
        programme.edited();
        assertThat(programme.problems()).isEmpty();
    }

    @Test
    void theHandoutIsWrittenToTheChosenFileOrTheFailureIsSaidInWords() throws Exception {
        Path file = folder.resolve("Zoë Ødegård handout.pdf");
        programme.exportPdf(file, () -> { });
        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(programme.stateProperty().get())
                .isEqualTo(Messages.format("programme.state.exported", file.getFileName()));
        assertThat(programme.busyProperty().get()).isFalse();

        List<String> done = new ArrayList<>();
        programme.exportPdf(folder.resolve("no such folder").resolve("handout.pdf"), () -> done.add("done"));
        assertThat(done).isEmpty();
        assertThat(dialogs.shown()).hasSize(1);
        assertThat(dialogs.errors()).singleElement().asString().doesNotContain("Exception", "Zoë").isNotBlank();
        assertThat(programme.busyProperty().get()).isFalse();
    }
}
