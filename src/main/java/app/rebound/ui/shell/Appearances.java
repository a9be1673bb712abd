package app.rebound.ui.shell;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import app.rebound.domain.Appearance;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;

/**
 * The signed-in clinician's colours and text size: read once the records are open, changed from the
 * View menu, the zoom keys and Settings, and kept for her (in the background, on the worker).
 */
final class Appearances {

    private final Worker worker;
    private final Supplier<Services> services;
    private final BiConsumer<String, Throwable> report;

    Appearances(Worker worker, Supplier<Services> services, BiConsumer<String, Throwable> report) {
        this.worker = worker;
        this.services = services;
        this.report = report;
    }

    /** Her own colours and text size, once the records are open. */
    void load(Services opened) {
        BackgroundTask.wrap(() -> opened.settings().appearance())
                .onSuccess(Theme::use)
                .onFailure(failure -> report.accept("action.saveAppearance", failure))
                .executeWith(worker);
    }

    /** Changes the colours or the text size now, and keeps them for the clinician signed in. */
    void change(UnaryOperator<Appearance> change) {
        Appearance next = change.apply(Theme.current());
        if (next.equals(Theme.current())) {
            return;
        }
        Theme.use(next);
        Services open = services.get();
        if (open != null) {
            BackgroundTask.wrap(() -> open.settings().saveAppearance(next))
                    .onFailure(failure -> report.accept("action.saveAppearance", failure))
                    .executeWith(worker);
        }
    }
}
