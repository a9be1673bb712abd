package app.rebound.ui.progress;

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

/** The progress screen's view model on a real clinic file, without the JavaFX toolkit. */
class ProgressViewModelTest extends OnClinicFile {

    private Patient zoe;
    private ProgressViewModel progress;

    @BeforeEach
    void open() {
        zoe = zoe();
        for (int weeksAgo : new int[] {6, 3, 0}) {
            Visit started = services.visits().start(zoe.id(), false);
            services.visits().save(new Visit(started.id(), started.patientId(), started.updated(),
                    TODAY.minusWeeks(weeksAgo), started.status(), started.clinician(), started.kind(),
                    started.history(), started.symptoms(), started.redFlags(), started.pelvicFloor(),
                    started.abdominalWall(), started.strength(), started.loadImpact(), started.outcomes(),
                    started.stage(), started.stageReason(), started.notes(), started.extensions()));
        }
        progress = new ProgressViewModel(services.progress(), tasks, zoe.id(), dialogs);
    }

    @Test
    void loadingComparesTheFirstVisitWithTheLast() {
        List<String> loaded = new ArrayList<>();
        progress.load(() -> loaded.add("loaded"));
        assertThat(loaded).containsExactly("loaded");
        assertThat(progress.progressProperty().get().visits()).hasSize(3);
        assertThat(progress.firstProperty().get().visit().date()).isEqualTo(TODAY.minusWeeks(6));
        assertThat(progress.secondProperty().get().visit().date()).isEqualTo(TODAY);
        assertThat(progress.rows()).isNotEmpty();
        progress.secondProperty().set(null);
        assertThat(progress.rows()).isEmpty();
    }

    @Test
    void theSummaryIsSavedOnceAndATooLongOneIsRefusedKeepingTheSavedOne() {
        progress.load(() -> { });
        progress.summaryProperty().set("Running 5 km; 李小龙's advice followed");
        progress.saveSummary();
        progress.saveSummary();
        assertThat(tasks.submitted()).as("load, then one save: the same text is not saved twice").isEqualTo(2);
        assertThat(progress.stateProperty().get()).isEqualTo(Messages.get("progress.state.summarySaved"));
        assertThat(services.progress().load(zoe.id()).summary()).isEqualTo("Running 5 km; 李小龙's advice followed");

        progress.summaryProperty().set("x".repeat(100_000));
        progress.saveSummary();
        assertThat(progress.summaryProblemProperty().get()).isNotEmpty();
        assertThat(services.progress().load(zoe.id()).summary()).isEqualTo("Running 5 km; 李小龙's advice followed");
        assertThat(dialogs.shown()).isEmpty();
    }

    /**
     * Another workstation adds a visit and changes the summary while the screen is open: a refresh shows the
     * new visit, keeps the two compared, and the summary typed here stays; saving it is refused as changed
     * elsewhere (never written over theirs unseen). Untouched, the summary shown is theirs.
     */
    @Test
    void aRefreshShowsWhatAnotherWorkstationChangedAndKeepsWhatIsTypedHere() {
        progress.load(() -> { });
        progress.secondProperty().set(progress.progressProperty().get().visits().get(1));
        Visit added = services.visits().start(zoe.id(), false);
        var stored = services.progress().load(zoe.id());
        services.progress().saveSummary(zoe.id(), "Theirs", stored.summaryVersion());

        progress.refresh();

        assertThat(progress.progressProperty().get().visits()).hasSize(4)
                .anySatisfy(entry -> assertThat(entry.visit().id()).isEqualTo(added.id()));
        assertThat(progress.firstProperty().get().visit().date()).isEqualTo(TODAY.minusWeeks(6));
        assertThat(progress.secondProperty().get().visit().date()).as("the pair she chose").isEqualTo(TODAY.minusWeeks(3));
        assertThat(progress.summaryProperty().get()).isEqualTo("Theirs");

        progress.summaryProperty().set("Mine, being typed");
        stored = services.progress().load(zoe.id());
        services.progress().saveSummary(zoe.id(), "Theirs again", stored.summaryVersion());
        progress.refresh();
        assertThat(progress.summaryProperty().get()).isEqualTo("Mine, being typed");
        progress.saveSummary();
        assertThat(dialogs.shown()).singleElement().asString().contains("not saved");
        assertThat(services.progress().load(zoe.id()).summary()).isEqualTo("Theirs again");
    }

    @Test
    void theReportIsWrittenOrItsFailureSaidInWords() throws Exception {
        progress.load(() -> { });
        Path file = folder.resolve("Zoë report.pdf");
        progress.exportReport(file, () -> { });
        assertThat(Files.readAllBytes(file)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(progress.stateProperty().get()).isEqualTo(Messages.format("progress.state.exported", file.getFileName()));
        assertThat(progress.busyProperty().get()).isFalse();

        List<String> done = new ArrayList<>();
        progress.exportReport(folder.resolve("missing").resolve("report.pdf"), () -> done.add("done"));
        assertThat(done).isEmpty();
        assertThat(dialogs.shown()).hasSize(1);
        assertThat(dialogs.errors()).singleElement().asString().doesNotContain("Exception", "Zoë").isNotBlank();
        assertThat(progress.stateProperty().get()).isEmpty();
    }
}
