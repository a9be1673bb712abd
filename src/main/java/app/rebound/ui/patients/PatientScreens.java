package app.rebound.ui.patients;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.stage.Stage;

import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.service.Edition;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Worker;

/**
 * The patients' screens: the list, a patient's workspace, the patient form, and archiving, restoring
 * and erasing a patient. Built by the shell; goes elsewhere only through the {@link Navigator}.
 */
public final class PatientScreens {

    /** A workspace on screen: her details and visits. */
    public record Workspace(PatientWorkspaceViewModel model, PatientWorkspaceView view) {
    }

    private final Stage stage;
    private final Dialogs dialogs;
    private final Worker worker;
    private final Navigator navigator;
    private final Supplier<Services> services;
    private final DateInput dates = DateInput.forDefaultLocale();
    private final PatientListViewModel list;
    private final PatientListView listView;
    /** A patient is being opened: a second Enter must not open her twice. */
    private boolean opening;

    /** {@code services} gives the open records, or null while they are not open. */
    public PatientScreens(Stage stage, Worker worker, Navigator navigator, Supplier<Services> services) {
        this.stage = stage;
        this.dialogs = new FxDialogs(stage);
        this.worker = worker;
        this.navigator = navigator;
        this.services = services;
        this.list = new PatientListViewModel(worker, dialogs);
        this.listView = new PatientListView(list, this::newPatient, row -> navigator.openWorkspace(row.id()));
    }

    public PatientListViewModel list() {
        return list;
    }

    public PatientListView listView() {
        return listView;
    }

    /** Record files dropped on the list go to {@code importer}. */
    public void acceptDroppedRecordFiles(Consumer<Path> importer) {
        listView.acceptDroppedRecordFiles(importer);
    }

    /** The patient selected in the list, if any. */
    public UUID selectedId() {
        PatientRow row = listView.selected();
        return row == null ? null : row.id();
    }

    /** Builds her workspace and hands it to {@code shown} once her visits are loaded. */
    public void workspace(UUID patientId, Consumer<Workspace> shown) {
        PatientWorkspaceViewModel model = new PatientWorkspaceViewModel(services.get().visits(), worker, patientId,
                dialogs);
        PatientWorkspaceView view = new PatientWorkspaceView(model, navigator::showList, () -> editOpen(model),
                summary -> navigator.openVisit(patientId, summary.id()), () -> navigator.openProgress(patientId));
        model.load(() -> shown.accept(new Workspace(model, view)));
    }

    public void newPatient() {
        Services open = services.get();
        if (open == null) {
            return;
        }
        PatientDialog.open(stage, form -> new PatientFormViewModel(open.patients(), worker, dates, null, Edition.NEW,
                form), saved -> {
            list.queryProperty().set("");
            list.refresh(saved.id());
        });
    }

    /** Opens the patient form for a row of the list, once her record is read. */
    public void editPatient(PatientRow row) {
        Services open = services.get();
        if (open == null || row == null || opening) {
            return;
        }
        opening = true;
        BackgroundTask.wrap(() -> open.patients().open(row.id()))
                .onSuccess(patient -> PatientDialog.open(stage,
                        form -> new PatientFormViewModel(open.patients(), worker, dates, patient.value(),
                                patient.version(), form),
                        saved -> list.refresh(saved.id())))
                .onFailure(failure -> dialogs.report("action.openPatient", failure))
                .onFinished(() -> opening = false)
                .executeWith(worker);
    }

    /** Opens the patient form for the patient of an open workspace; her workspace shows what was saved. */
    public void editOpen(PatientWorkspaceViewModel workspace) {
        Patient patient = workspace.patientProperty().get();
        Services open = services.get();
        if (patient == null || open == null || opening) {
            return;
        }
        opening = true;
        // read again with its version: her details may have changed on another workstation meanwhile
        BackgroundTask.wrap(() -> open.patients().open(patient.id()))
                .onSuccess(read -> PatientDialog.open(stage,
                        form -> new PatientFormViewModel(open.patients(), worker, dates, read.value(), read.version(),
                                form),
                        saved -> navigator.openWorkspace(saved.id())))
                .onFailure(failure -> dialogs.report("action.openPatient", failure))
                .onFinished(() -> opening = false)
                .executeWith(worker);
    }

    public void editSelected() {
        editPatient(listView.selected());
    }

    public void archiveSelected() {
        list.archive(listView.selected());
    }

    public void restoreSelected() {
        PatientRow row = listView.selected();
        if (row != null && row.archived()) {
            list.restore(row.id());
        }
    }

    /** Erases the selected archived patient for good, after two confirmations. */
    public void eraseSelected() {
        PatientRow row = listView.selected();
        Services open = services.get();
        if (row == null || open == null) {
            return;
        }
        if (!row.archived()) {
            dialogs.error(Messages.get("erase.notArchived"));
            return;
        }
        if (!dialogs.confirm(Messages.get("erase.first.title"), Messages.format("erase.first", row.name()),
                Messages.get("erase.first.button"))) {
            return;
        }
        if (!dialogs.confirm(Messages.get("erase.second.title"), Messages.format("erase.second", row.name()),
                Messages.get("erase.second.button"))) {
            return;
        }
        BackgroundTask.wrap(() -> open.patients().erase(row.id()))
                .onSuccess(done -> list.refresh(null))
                .onFailure(failure -> dialogs.report("action.erasePatient", failure))
                .executeWith(worker);
    }
}
