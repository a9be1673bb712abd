package app.rebound.ui.programme;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.stage.Stage;
import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.ProgrammeService;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.HandoutPreview;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Worker;

/** A visit's home programme: built by the shell; goes elsewhere only through the {@link Navigator}. */
public final class ProgrammeScreen {

    /** A programme on screen. */
    public record Shown(ProgrammeViewModel model, ProgrammeView view) {
    }

    private final Stage stage;
    private final Dialogs dialogs;
    private final Worker worker;
    private final Scheduler scheduler;
    private final Navigator navigator;
    private Dialogs files;

    public ProgrammeScreen(Stage stage, Worker worker, Scheduler scheduler, Navigator navigator) {
        this.stage = stage;
        this.dialogs = new FxDialogs(stage);
        this.worker = worker;
        this.scheduler = scheduler;
        this.navigator = navigator;
        this.files = dialogs;
    }

    /** Asks {@code dialogs} where to save a handout instead of the system's file chooser (tests have none). */
    public void chooseFilesWith(Dialogs dialogs) {
        this.files = dialogs;
    }

    /** Reads the visit's programme in the background and hands it to {@code shown}; a REFER visit is refused with the reason. */
    public void open(Services services, UUID patientId, UUID visitId, Consumer<Shown> shown) {
        BackgroundTask.wrap(() -> services.programmes().open(visitId))
                .onSuccess(context -> {
                    ProgrammeViewModel model = new ProgrammeViewModel(services.programmes(), worker, context, dialogs);
                    ProgrammeView view = new ProgrammeView(model, new ProgrammeView.Host() {
                        @Override
                        public void back() {
                            navigator.openVisit(patientId, visitId);
                        }

                        @Override
                        public void preview(byte[] pdf) {
                            showPreview(services, pdf);
                        }

                        @Override
                        public void print(byte[] pdf) {
                            scheduler.print(() -> services.programmes().print(pdf, Messages.get("handout.title"),
                                    patientId), failure -> dialogs.report("action.print", failure));
                        }

                        @Override
                        public Optional<Path> choosePdf(String name) {
                            return files.chooseFileToSave(Messages.get("programme.savePdf.title"),
                                    Dialogs.FileKind.PDF, name);
                        }

                        @Override
                        public Window window() {
                            return stage;
                        }
                    });
                    shown.accept(new Shown(model, view));
                })
                .onFailure(failure -> {
                    if (failure instanceof ProgrammeService.NoProgrammeException refused) {
                        dialogs.error(refused.getMessage());
                    } else {
                        dialogs.report("action.openProgramme", failure);
                    }
                })
                .executeWith(worker);
    }

    private void showPreview(Services services, byte[] pdf) {
        // the screen's output scale (2 at 200 %): the pages are rendered at its resolution, not enlarged;
        // page 1 first, the others as they are scrolled to, on the preview's own thread
        double scale = stage.getOutputScaleX();
        HandoutPreview.show(stage, () -> services.programmes().previewPages(pdf, scale), scale,
                failure -> dialogs.report("action.renderHandout", failure));
    }
}
