package app.rebound.ui.patients;

import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.BirthTiming;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PersonName;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.service.VisitService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/** One patient's workspace: who she is and her visits; starts new visits. */
public final class PatientWorkspaceViewModel {

    private final VisitService service;
    private final TaskRunner tasks;
    private final UUID patientId;
    private final Dialogs dialogs;
    private final ReadOnlyObjectWrapper<Patient> patient = new ReadOnlyObjectWrapper<>(this, "patient");
    private final ObservableList<VisitSummary> visits = FXCollections.observableArrayList();
    private final BooleanProperty copyHistory = new SimpleBooleanProperty(this, "copyHistory", true);
    private LocalDate today;

    public PatientWorkspaceViewModel(VisitService service, TaskRunner tasks, UUID patientId,
            Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.patientId = patientId;
        this.dialogs = dialogs;
    }

    public void load(Runnable then) {
        BackgroundTask.wrap(() -> {
                    VisitService.Workspace workspace = service.workspace(patientId);
                    return new Object[] {workspace, service.today()};
                })
                .onSuccess(result -> {
                    VisitService.Workspace workspace = (VisitService.Workspace) result[0];
                    today = (LocalDate) result[1];
                    patient.set(workspace.patient());
                    visits.setAll(workspace.visits());
                    then.run();
                })
                .onFailure(failure -> report("action.openPatient", failure))
                .executeWith(tasks);
    }

    /**
     * Another workstation changed her details or her visits: both are read again (what is on screen is only
     * shown, never typed, so nothing of hers is replaced).
     */
    public void reload() {
        BackgroundTask.wrap(() -> service.workspaceAgain(patientId))
                .onSuccess(workspace -> {
                    patient.set(workspace.patient());
                    if (!visits.equals(workspace.visits())) {
                        visits.setAll(workspace.visits());
                    }
                })
                .onFailure(failure -> Failures.log(Messages.get("action.openPatient"), failure))
                .executeWith(tasks);
    }

    /** Starts a draft visit dated today and hands it (with all her visits) to {@code onStarted}. */
    public void newVisit(Consumer<Visit> onStarted) {
        boolean copy = copyHistory.get() && !visits.isEmpty();
        BackgroundTask.wrap(() -> service.start(patientId, copy))
                .onSuccess(onStarted)
                .onFailure(failure -> report("action.startVisit", failure))
                .executeWith(tasks);
    }

    private void report(String key, Throwable failure) {
        dialogs.report(key, failure);
    }

    public UUID patientId() {
        return patientId;
    }

    public ReadOnlyObjectProperty<Patient> patientProperty() {
        return patient.getReadOnlyProperty();
    }

    public ObservableList<VisitSummary> visits() {
        return visits;
    }

    public BooleanProperty copyHistoryProperty() {
        return copyHistory;
    }

    /** "Zoë Ødegård" */
    public String name() {
        Patient p = patient.get();
        return p == null ? "" : PersonName.fullName(p.givenName(), p.familyName());
    }

    /** "36 years · 20 weeks since birth · Goal: Parkrun in March" */
    public String details() {
        Patient p = patient.get();
        if (p == null || today == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (p.dateOfBirth() != null) {
            out.append(Messages.format("workspace.age", Period.between(p.dateOfBirth(), today).getYears()));
        }
        OptionalLong weeks = BirthTiming.weeksSinceBirth(p.births(), today);
        append(out, weeks.isPresent() ? Messages.format("workspace.weeks", weeks.getAsLong())
                : Messages.get("workspace.noBirth"));
        if (p.goal() != null) {
            append(out, Messages.format("workspace.goal", p.goal()));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append("  ·  ");
        }
        out.append(part);
    }
}
