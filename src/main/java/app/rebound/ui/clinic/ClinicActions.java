package app.rebound.ui.clinic;

import javafx.stage.Stage;

import app.rebound.service.Services;
import app.rebound.ui.MainWindow;
import app.rebound.ui.Worker;

/** The Clinic menu's account and audit actions, added once a clinician has signed in. */
public final class ClinicActions {

    private ClinicActions() {
    }

    public static void install(MainWindow window, Stage stage, Services services, Worker worker) {
        // accounts, my account and the audit trail are added here (being written)
    }
}
