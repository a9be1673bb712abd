package app.rebound.ui.clinic;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.service.Services;
import app.rebound.ui.kit.Worker;

/**
 * The Clinic menu's account and audit actions, added once a clinician has signed in: her own account
 * for everyone; the clinicians' accounts and the audit trail for administrators.
 */
public final class ClinicActions {

    private ClinicActions() {
    }

    /**
     * Adds the actions to {@code clinic} (the Clinic menu); {@code selectedPatient} is the patient open
     * or selected, which the audit trail offers as a filter.
     */
    public static void install(Menu clinic, Stage stage, Services services, Worker worker,
            Supplier<UUID> selectedPatient) {
        // who is signed in is held in memory: reading it does not wait on the database
        Optional<Clinician> signedIn = services.session().clinician();
        if (signedIn.isEmpty()) {
            return;
        }
        clinic.getItems().removeIf(item -> item.getId() != null && item.getId().startsWith("clinic-"));
        MenuItem myAccount = item("menu.clinic.myAccount", "clinic-myAccount",
                () -> MyAccountDialog.open(stage, services, worker));
        clinic.getItems().addAll(separator(), myAccount);
        if (signedIn.get().administrator()) {
            MenuItem accounts = item("menu.clinic.accounts", "clinic-accounts",
                    () -> AccountsDialog.open(stage, services, worker));
            MenuItem audit = item("menu.clinic.audit", "clinic-audit",
                    () -> AuditDialog.open(stage, services, worker, selectedPatient.get()));
            clinic.getItems().addAll(accounts, audit);
        }
    }

    private static SeparatorMenuItem separator() {
        SeparatorMenuItem separator = new SeparatorMenuItem();
        separator.setId("clinic-separator");
        return separator;
    }

    private static MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setId(id);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        return item;
    }
}
