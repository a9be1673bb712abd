package app.rebound.ui.visit;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.stage.Window;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.service.Edition;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.FxDialogs;
import app.rebound.ui.kit.Navigator;
import app.rebound.ui.kit.Worker;

/** The visit form: built by the shell; goes elsewhere only through the {@link Navigator}. */
public final class VisitScreen {

    /** A visit form on screen. */
    public record Shown(VisitFormViewModel model, VisitView view) {
    }

    private record Opened(Patient patient, List<Visit> visits, Edition<Visit> visit) {
    }

    private final Dialogs dialogs;
    private final Worker worker;
    private final Navigator navigator;
    private final DateInput dates = DateInput.forDefaultLocale();

    public VisitScreen(Window owner, Worker worker, Navigator navigator) {
        this.dialogs = new FxDialogs(owner);
        this.worker = worker;
        this.navigator = navigator;
    }

    /**
     * Reads the visit, the patient and all her visits (for the readiness summary) in the background,
     * then hands the form to {@code shown}. {@code discarded} runs when the clinician deletes the draft,
     * before it is deleted (what is typed must not be saved again); {@code finished} runs either way.
     */
    public void open(Services services, UUID patientId, UUID visitId, Consumer<Shown> shown, Runnable discarded,
            Runnable finished) {
        BackgroundTask.wrap(() -> new Opened(services.patients().load(patientId),
                        services.visits().visitsOf(patientId), services.visits().open(visitId)))
                .onSuccess(opened -> {
                    VisitFormViewModel model = new VisitFormViewModel(services.visits(), worker, dates,
                            opened.patient(), opened.visits(), opened.visit().value(), opened.visit().version(),
                            dialogs);
                    VisitPresence presence = new VisitPresence(services.workstations(), worker, visitId,
                            () -> !model.readOnlyProperty().get());
                    VisitView view = new VisitView(model, () -> navigator.openWorkspace(patientId),
                            () -> deleteDraft(services, patientId, model, discarded),
                            () -> navigator.openProgramme(patientId, visitId));
                    view.showPresence(presence.editedByProperty());
                    if (services.workstations().shared()) {
                        presence.start();
                        // the form is left when another screen takes its place in the window
                        view.parentProperty().addListener((property, was, now) -> {
                            if (now == null) {
                                presence.stop();
                            }
                        });
                    }
                    shown.accept(new Shown(model, view));
                })
                .onFailure(failure -> dialogs.report("action.openVisit", failure))
                .onFinished(finished)
                .executeWith(worker);
    }

    private void deleteDraft(Services services, UUID patientId, VisitFormViewModel model, Runnable discarded) {
        if (!dialogs.confirmDiscard("discard.draftVisit")) {
            return;
        }
        UUID visitId = model.base().id();
        discarded.run();
        BackgroundTask.wrap(() -> services.visits().deleteDraft(visitId))
                .onSuccess(done -> navigator.openWorkspace(patientId))
                .onFailure(failure -> dialogs.report("action.deleteDraft", failure))
                .executeWith(worker);
    }
}
