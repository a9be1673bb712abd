package app.rebound.ui.visit;

import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import app.rebound.domain.Messages;
import app.rebound.service.OtherWorkstations;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * "Being edited by NAME" (server mode): while the visit form is open for changes, this workstation marks
 * the visit as being edited, renewing the mark every {@link OtherWorkstations#RENEW_EVERY}, and shows who
 * else has it open. A mark lapses by itself when it is no longer renewed (the program closed or crashed).
 */
public final class VisitPresence {

    private final OtherWorkstations others;
    private final TaskRunner tasks;
    private final UUID visitId;
    private final BooleanSupplier editable;
    private final TaskRunner.Delay renew;
    private final ReadOnlyStringWrapper editedBy = new ReadOnlyStringWrapper(this, "editedBy", "");
    private boolean open;

    /** {@code editable}: whether the form can be changed now (a completed visit not amended is only read). */
    public VisitPresence(OtherWorkstations others, TaskRunner tasks, UUID visitId, BooleanSupplier editable) {
        this.others = others;
        this.tasks = tasks;
        this.visitId = visitId;
        this.editable = editable;
        this.renew = tasks.delay(OtherWorkstations.RENEW_EVERY, this::beat);
    }

    /** The form is open: marks it (when it can be changed), shows who else has it, and keeps doing so. */
    public void start() {
        open = true;
        beat();
    }

    private void beat() {
        if (!open) {
            return;
        }
        boolean editing = editable.getAsBoolean();
        BackgroundTask.wrap(() -> {
                    if (editing) {
                        others.editing(visitId);
                    } else {
                        others.stoppedEditing(visitId);
                    }
                    return others.editingElsewhere(visitId);
                })
                .onSuccess(this::show)
                .onFailure(failure -> Failures.log(Messages.get("action.openVisit"), failure))
                .onFinished(() -> {
                    if (open) {
                        renew.restart();
                    }
                })
                .executeWith(tasks);
    }

    private void show(List<String> names) {
        editedBy.set(names.isEmpty() ? "" : Messages.format("visit.editedBy", String.join(", ", names)));
    }

    /** The form was left: the mark goes. */
    public void stop() {
        if (!open) {
            return;
        }
        open = false;
        renew.stop();
        editedBy.set("");
        BackgroundTask.wrap(() -> {
                    others.stoppedEditing(visitId);
                    return null;
                })
                .onFailure(failure -> Failures.log(Messages.get("action.openVisit"), failure))
                .executeWith(tasks);
    }

    /** "Being edited by Anna Physio" while another workstation has the visit open for changes; empty if none. */
    public ReadOnlyStringProperty editedByProperty() {
        return editedBy.getReadOnlyProperty();
    }
}
