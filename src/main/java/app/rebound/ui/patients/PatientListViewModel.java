package app.rebound.ui.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.Messages;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PersonName;
import app.rebound.service.PatientService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/**
 * The patient list: search as you type (the newest search wins), archived patients on request,
 * and archiving with undo. Every query runs on the worker thread.
 */
public final class PatientListViewModel {

    /** What can be undone: the last archiving. */
    public record UndoArchive(UUID patientId, String message) {
    }

    private final TaskRunner tasks;
    private final Dialogs dialogs;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty showArchived = new SimpleBooleanProperty(this, "showArchived", false);
    private final ObservableList<PatientRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage",
            Messages.get("patients.opening"));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", true);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final ObjectProperty<UndoArchive> undo = new SimpleObjectProperty<>(this, "undo");

    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more", false);

    private PatientService service;
    private final AtomicLong generation = new AtomicLong();
    /** The search on screen and its last page, which {@link #loadMore()} continues. */
    private String shownQuery = "";
    private boolean shownArchived;
    private PatientPage lastPage;
    private long loadingMoreFor = -1;
    private Runnable afterNextPage = () -> { };

    public PatientListViewModel(TaskRunner tasks, Dialogs dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        query.addListener((obs, old, now) -> refresh());
        showArchived.addListener((obs, old, now) -> refresh());
    }

    /** The records are open: show the first page. */
    public void attach(PatientService patients) {
        this.service = patients;
        ready.set(true);
        refresh();
    }

    public boolean ready() {
        return ready.get();
    }

    /** True once the records are open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Runs once after the next page of results is on screen. */
    public void afterNextPage(Runnable action) {
        this.afterNextPage = action;
    }

    public void refresh() {
        refresh(null);
    }

    /** Searches again and, when the result holds {@code select}, hands it to the view to select. */
    public void refresh(UUID select) {
        if (service == null) {
            return;
        }
        long mine = generation.incrementAndGet();
        String typed = query.get();
        boolean archived = showArchived.get();
        PatientService patients = service;
        busy.set(true);
        BackgroundTask.wrap(() -> mine != generation.get() ? null // typing went on: skip this one
                        : new Found(patients.search(typed, archived), patients.today()))
                .onSuccess(result -> {
                    if (result == null || mine != generation.get()) {
                        return;
                    }
                    show(result.page(), result.today(), typed);
                    selectAfterRefresh.accept(select);
                    Runnable after = afterNextPage;
                    afterNextPage = () -> { };
                    after.run();
                })
                .onFailure(failure -> {
                    if (mine == generation.get()) {
                        report("action.search", failure);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation.get()) {
                        busy.set(false);
                    }
                })
                .executeWith(tasks);
    }

    private record Found(PatientPage page, LocalDate today) {
    }

    /**
     * Adds the next page of the search on screen to the end of the list (the list was scrolled to its
     * end, or Show more was pressed). Does nothing when there is no more, or a page is already on its way.
     */
    public void loadMore() {
        PatientPage page = lastPage;
        long mine = generation.get();
        if (service == null || page == null || !page.more() || loadingMoreFor == mine) {
            return;
        }
        loadingMoreFor = mine;
        PatientService patients = service;
        String typed = shownQuery;
        boolean archived = shownArchived;
        busy.set(true);
        BackgroundTask.wrap(() -> new Found(patients.more(typed, archived, page), patients.today()))
                .onSuccess(result -> {
                    if (mine == generation.get()) {
                        append(result.page(), result.today(), typed);
                    }
                })
                .onFailure(failure -> {
                    if (mine == generation.get()) {
                        report("action.search", failure);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation.get()) {
                        loadingMoreFor = -1;
                        busy.set(false);
                    }
                })
                .executeWith(tasks);
    }

    private void append(PatientPage page, LocalDate today, String typed) {
        rows.addAll(page.patients().stream().map(p -> PatientRow.of(p, today)).toList());
        lastPage = page;
        more.set(page.more());
        showStatus(page, typed);
    }

    /**
     * Another workstation changed patients: the rows on screen are read again and replaced where they differ,
     * in place, so the list keeps its length, where she scrolled to, and {@code selected} selected. A search
     * she is typing meanwhile wins.
     */
    public void refreshInPlace(UUID selected) {
        if (service == null || lastPage == null) {
            return;
        }
        long mine = generation.get();
        PatientService patients = service;
        String typed = shownQuery;
        boolean archived = shownArchived;
        int shown = Math.max(rows.size(), PatientService.PAGE_SIZE);
        BackgroundTask.wrap(() -> new Found(patients.search(typed, archived, shown), patients.today()))
                .onSuccess(result -> {
                    if (mine != generation.get() || loadingMoreFor == mine) {
                        return;
                    }
                    List<PatientRow> fresh = result.page().patients().stream()
                            .map(p -> PatientRow.of(p, result.today())).toList();
                    for (int i = 0; i < Math.min(rows.size(), fresh.size()); i++) {
                        if (!rows.get(i).equals(fresh.get(i))) {
                            rows.set(i, fresh.get(i));
                        }
                    }
                    if (rows.size() > fresh.size()) {
                        rows.remove(fresh.size(), rows.size());
                    } else if (fresh.size() > rows.size()) {
                        rows.addAll(fresh.subList(rows.size(), fresh.size()));
                    }
                    lastPage = result.page();
                    more.set(result.page().more());
                    showStatus(result.page(), typed);
                    keepSelected.accept(selected);
                })
                .onFailure(failure -> Failures.log(Messages.get("action.search"), failure))
                .executeWith(tasks);
    }

    private Consumer<UUID> keepSelected = id -> { };

    /** After {@link #refreshInPlace}: selects the row of this patient again, where it is, without scrolling. */
    void onRefreshKeepSelected(Consumer<UUID> selector) {
        this.keepSelected = selector;
    }

    private Consumer<UUID> selectAfterRefresh = id -> { };

    void onRefreshSelect(Consumer<UUID> selector) {
        this.selectAfterRefresh = selector;
    }

    private void show(PatientPage page, LocalDate today, String typed) {
        rows.setAll(page.patients().stream().map(p -> PatientRow.of(p, today)).toList());
        shownQuery = typed;
        shownArchived = showArchived.get();
        lastPage = page;
        more.set(page.more());
        showStatus(page, typed);
    }

    private void showStatus(PatientPage page, String typed) {
        int count = rows.size();
        boolean searching = !typed.isBlank();
        if (page.more()) {
            status.set(Messages.format("patients.status.more", count));
        } else if (searching) {
            status.set(Messages.format("patients.status.matching", count, typed.strip()));
        } else {
            status.set(Messages.format("patients.status.count", count));
        }
        if (count > 0) {
            emptyMessage.set("");
        } else if (searching) {
            emptyMessage.set(Messages.format(showArchived.get() ? "patients.none.matchingArchived"
                    : "patients.none.matching", typed.strip()));
        } else {
            emptyMessage.set(Messages.get(showArchived.get() ? "patients.none.atAll" : "patients.none.active"));
        }
    }

    /** Archives the patient; the list offers to undo it. */
    public void archive(PatientRow row) {
        if (service == null || row == null || row.archived()) {
            return;
        }
        PatientService patients = service;
        String name = PersonName.fullName(row.summary().givenName(), row.summary().familyName());
        busy.set(true);
        BackgroundTask.wrap(() -> patients.archive(row.id()))
                .onSuccess(done -> {
                    undo.set(new UndoArchive(row.id(), Messages.format("patients.archived", name)));
                    refresh();
                })
                .onFailure(failure -> {
                    busy.set(false);
                    report("action.archive", failure);
                })
                .executeWith(tasks);
    }

    /** Brings back the patient archived last. */
    public void undoArchive() {
        UndoArchive last = undo.get();
        if (last == null || service == null) {
            return;
        }
        undo.set(null);
        restore(last.patientId());
    }

    public void restore(UUID id) {
        PatientService patients = service;
        busy.set(true);
        BackgroundTask.wrap(() -> patients.restore(id))
                .onSuccess(done -> refresh(id))
                .onFailure(failure -> {
                    busy.set(false);
                    report("action.restore", failure);
                })
                .executeWith(tasks);
    }

    public void dismissUndo() {
        undo.set(null);
    }

    private void report(String actionKey, Throwable failure) {
        dialogs.report(actionKey, failure);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty showArchivedProperty() {
        return showArchived;
    }

    public ObservableList<PatientRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the list holds a page with further matches after it ({@link #loadMore()}). */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ObjectProperty<UndoArchive> undoProperty() {
        return undo;
    }

    /** Reports a failure that happened outside the list, e.g. opening the records. */
    public void failedToOpen(String message) {
        busy.set(false);
        emptyMessage.set(message);
    }
}
