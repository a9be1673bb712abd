package app.rebound.ui.access;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.stage.Stage;

import app.rebound.service.ClinicAccess;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.Services;
import app.rebound.ui.kit.Worker;

/** The first window for the access tests: set-up or sign-in for {@code folder}, shown in {@code stage}. */
final class AccessWindow {

    private AccessWindow() {
    }

    /** Call on the JavaFX thread; {@code signedIn} gets the records once a clinician is in. */
    static AccessView show(Stage stage, Path folder, ClinicAccess access, Worker worker, Consumer<Services> signedIn) {
        return show(stage, folder, access, worker, signedIn, failure -> { });
    }

    /** As above; {@code cannotOpen} gets what the window asks to restore a backup for. */
    static AccessView show(Stage stage, Path folder, ClinicAccess access, Worker worker, Consumer<Services> signedIn,
            Consumer<RecordsUnavailableException> cannotOpen) {
        AccessView view = new AccessView(folder, access, worker, new AccessView.Host() {
            @Override
            public void signedIn(Services services) {
                signedIn.accept(services);
            }

            @Override
            public void cannotOpen(RecordsUnavailableException failure) {
                cannotOpen.accept(failure);
            }
        });
        // as ReboundApp shows it
        view.showIn(stage);
        return view;
    }
}
