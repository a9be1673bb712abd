package app.rebound.ui.clinic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.AuditEvent;
import app.rebound.domain.Messages;
import app.rebound.service.AuditService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/**
 * Clinic → Audit trail… (administrators): the trail newest first, {@value #PAGE} rows at a time,
 * optionally of the patient selected in the list; a check of the whole chain with its verdict; and an
 * export as CSV. The trail is read, checked and written on the task runner.
 */
public final class AuditViewModel {

    /** Rows read at a time: enough to scroll, few enough to read in a blink. */
    public static final int PAGE = 200;

    /** The check's verdict: under way, intact, or broken, with its sentence. */
    public record Verdict(State state, String text) {
        public enum State { CHECKING, INTACT, BROKEN }
    }

    private record Page(List<AuditEvent> events, boolean more, int total) {
    }

    private final AuditService audit;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final UUID selectedPatient;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final BooleanProperty patientOnly = new SimpleBooleanProperty(this, "patientOnly", false);
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more", false);
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(this, "shown", "");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int running;

    /** {@code selectedPatient} (may be null) is offered as a filter. */
    public AuditViewModel(AuditService audit, TaskRunner tasks, Dialogs dialogs, UUID selectedPatient) {
        this.audit = audit;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.selectedPatient = selectedPatient;
        patientOnly.addListener((obs, was, now) -> reload());
    }

    /** The patient offered as a filter, or null. */
    public UUID selectedPatient() {
        return selectedPatient;
    }

    /** Reads the trail again from its newest row. */
    public void reload() {
        events.clear();
        readPage(0);
    }

    /** Reads the next page after the rows shown. */
    public void showMore() {
        readPage(events.size());
    }

    /** Reads the page from {@code offset}; one row beyond the page tells whether there are more. */
    private void readPage(int offset) {
        UUID patient = patientOnly.get() ? selectedPatient : null;
        more.set(false);
        begin();
        BackgroundTask.wrap(() -> {
                    List<AuditEvent> read = audit.newestFirst(patient, offset, PAGE + 1);
                    int total = patient == null ? audit.count() : -1;
                    return new Page(read.size() > PAGE ? read.subList(0, PAGE) : read, read.size() > PAGE, total);
                })
                .onSuccess(page -> {
                    // rows written since the first page shift the offsets: never show a row twice
                    long oldest = events.isEmpty() ? Long.MAX_VALUE : events.get(events.size() - 1).seq();
                    events.addAll(page.events().stream().filter(e -> e.seq() < oldest).toList());
                    more.set(page.more());
                    int count = events.size();
                    shown.set(page.total() >= 0 ? Messages.format("audit.shown", count, page.total())
                            : Messages.format(page.more() ? "audit.shownNewest" : "audit.shownAll", count));
                })
                .onFailure(failure -> status.set(explain("action.audit", failure)))
                .onFinished(this::end)
                .executeWith(tasks);
    }

    /** Checks the whole chain; the verdict says whether it is intact, or where it breaks. */
    public void check() {
        verdict.set(new Verdict(Verdict.State.CHECKING, Messages.get("audit.checking")));
        status.set("");
        begin();
        BackgroundTask.wrap(audit::check)
                .onSuccess(found -> verdict.set(found.intact()
                        ? new Verdict(Verdict.State.INTACT, Messages.format("audit.intact", found.rows()))
                        : new Verdict(Verdict.State.BROKEN, Messages.format("audit.broken", found.firstBrokenRow(),
                                found.problem()))))
                .onFailure(failure -> {
                    verdict.set(null);
                    status.set(explain("action.checkAudit", failure));
                })
                .onFinished(this::end)
                .executeWith(tasks);
    }

    /** Asks where, then writes the whole trail there as CSV. */
    public void export() {
        dialogs.chooseFileToSave(Messages.get("audit.export.title"), Dialogs.FileKind.CSV,
                Messages.get("audit.export.fileName")).ifPresent(this::export);
    }

    /** Writes the whole trail to {@code file}. */
    public void export(Path file) {
        status.set("");
        begin();
        BackgroundTask.wrap(() -> audit.exportCsv(file))
                .onSuccess(rows -> {
                    status.set(Messages.format("audit.exported", rows, file.toString()));
                    reload();
                })
                .onFailure(failure -> status.set(explain("action.exportAudit", failure)))
                .onFinished(this::end)
                .executeWith(tasks);
    }

    private static String explain(String actionKey, Throwable failure) {
        return ClinicFailures.explain(actionKey, failure, FXCollections.observableHashMap(), Map.of());
    }

    // work that starts more work (an export that reloads) keeps it busy until the last piece has finished
    private void begin() {
        running++;
        busy.set(true);
    }

    private void end() {
        running = Math.max(0, running - 1);
        busy.set(running > 0);
    }

    public ObservableList<AuditEvent> events() { return events; }
    public BooleanProperty patientOnlyProperty() { return patientOnly; }
    public ReadOnlyBooleanProperty moreProperty() { return more.getReadOnlyProperty(); }
    public ReadOnlyStringProperty shownProperty() { return shown.getReadOnlyProperty(); }
    /** The last check's verdict; null before a check or when it could not run. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
