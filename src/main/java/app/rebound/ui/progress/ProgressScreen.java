package app.rebound.ui.progress;

import java.util.UUID;
import java.util.function.Consumer;

import javafx.stage.Window;

import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Worker;

/** A patient's progress: built by the shell; goes elsewhere only through the {@link Navigator}. */
public final class ProgressScreen {

    private final Window owner;
    private final Dialogs dialogs;
    private final Worker worker;
    private final Scheduler scheduler;
    private final Navigator navigator;

    public ProgressScreen(Window owner, Worker worker, Scheduler scheduler, Navigator navigator) {
        this.owner = owner;
        this.dialogs = new FxDialogs(owner);
        this.worker = worker;
        this.scheduler = scheduler;
        this.navigator = navigator;
    }

    /** Reads her visits in the background and hands the charts, the comparison and the report to {@code shown}. */
    public void open(Services services, UUID patientId, Consumer<ProgressView> shown) {
        ProgressViewModel model = new ProgressViewModel(services.progress(), worker, patientId, dialogs);
        model.load(() -> shown.accept(new ProgressView(model, new ProgressView.Host() {
            @Override
            public void back() {
                navigator.openWorkspace(patientId);
            }

            @Override
            public void print(byte[] pdf) {
                scheduler.print(() -> services.programmes().print(pdf, Messages.get("report.title"), patientId),
                        failure -> dialogs.report("action.print", failure));
            }

            @Override
            public Window window() {
                return owner;
            }
        })));
    }
}
