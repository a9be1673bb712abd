package app.rebound.ui.progress;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.rebound.domain.Messages;
import app.rebound.domain.PersonName;
import app.rebound.domain.ValidationException;
import app.rebound.domain.progress.ComparisonRow;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.service.ProgressService;
import app.rebound.service.ProgressService.Progress;
import app.rebound.service.ChangedElsewhereException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.ChangedElsewhere;
import app.rebound.ui.kit.TaskRunner;

/**
 * A patient's progress on screen: her charts, two visits compared (the first and the latest to
 * begin with), and the summary for the report, saved as it is left. All work with the database or
 * PDFBox runs on the worker.
 */
public final class ProgressViewModel {

    private final ProgressService service;
    private final TaskRunner tasks;
    private final UUID patientId;
    private final Dialogs dialogs;

    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>(this, "progress");
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProgressCharts.Entry> first = new SimpleObjectProperty<>(this, "first");
    private final ObjectProperty<ProgressCharts.Entry> second = new SimpleObjectProperty<>(this, "second");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty summaryProblem = new SimpleStringProperty(this, "summaryProblem", "");
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private String savedSummary = "";
    /** The version of the stored summary the next save starts from. */
    private long summaryVersion;

    public ProgressViewModel(ProgressService service, TaskRunner tasks, UUID patientId,
            Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.patientId = patientId;
        this.dialogs = dialogs;
        first.addListener((obs, old, now) -> compare());
        second.addListener((obs, old, now) -> compare());
    }

    /** Loads her visits in the background; {@code onLoaded} runs on the JavaFX thread. */
    public void load(Runnable onLoaded) {
        BackgroundTask.wrap(() -> service.load(patientId))
                .onSuccess(loaded -> {
                    show(loaded);
                    onLoaded.run();
                })
                .onFailure(failure -> dialogs.report("action.openProgress", failure))
                .executeWith(tasks);
    }

    /**
     * Another workstation changed her visits or the report summary: read again in place, keeping the two
     * visits compared while they are there, and a summary she is typing as she typed it (saving it is then
     * checked against theirs as any save is).
     */
    public void refresh() {
        BackgroundTask.wrap(() -> service.load(patientId))
                .onSuccess(loaded -> {
                    String typed = summary.get() == null ? "" : summary.get();
                    boolean typing = !typed.equals(savedSummary);
                    String keptSaved = savedSummary;
                    long keptVersion = summaryVersion;
                    UUID firstShown = idOf(first.get());
                    UUID secondShown = idOf(second.get());
                    show(loaded);
                    if (typing) {
                        // hers, from the version she started from: a save over theirs is refused and says so
                        summary.set(typed);
                        savedSummary = keptSaved;
                        summaryVersion = keptVersion;
                    }
                    entryOf(loaded, firstShown).ifPresent(first::set);
                    entryOf(loaded, secondShown).ifPresent(second::set);
                })
                .onFailure(failure -> Failures.log(Messages.get("action.openProgress"), failure))
                .executeWith(tasks);
    }

    private static UUID idOf(ProgressCharts.Entry entry) {
        return entry == null ? null : entry.visit().id();
    }

    private static Optional<ProgressCharts.Entry> entryOf(Progress loaded, UUID visitId) {
        return visitId == null ? Optional.empty()
                : loaded.visits().stream().filter(e -> e.visit().id().equals(visitId)).findFirst();
    }

    /** Shows progress already loaded (e.g. by a benchmark). */
    public void show(Progress loaded) {
        savedSummary = loaded.summary();
        summaryVersion = loaded.summaryVersion();
        summary.set(loaded.summary());
        progress.set(loaded);
        List<ProgressCharts.Entry> visits = loaded.visits();
        first.set(visits.isEmpty() ? null : visits.get(0));
        second.set(visits.isEmpty() ? null : visits.get(visits.size() - 1));
        compare();
    }

    private void compare() {
        Progress loaded = progress.get();
        if (loaded == null || first.get() == null || second.get() == null) {
            rows.clear();
            return;
        }
        rows.setAll(ProgressService.compare(loaded, first.get().visit().id(), second.get().visit().id()));
    }

    /** Saves the summary if it changed; a summary too long is refused and the one saved before is kept. */
    public void saveSummary() {
        String text = summary.get() == null ? "" : summary.get();
        if (text.equals(savedSummary)) {
            return;
        }
        long from = summaryVersion;
        BackgroundTask.wrap(() -> service.saveSummary(patientId, text, from))
                .onSuccess(saved -> {
                    savedSummary = text;
                    summaryVersion = saved.version();
                    summaryProblem.set("");
                    state.set(Messages.get("progress.state.summarySaved"));
                })
                .onError(ChangedElsewhereException.class, refused -> {
                    // hers is still on screen: saving again keeps it over the other workstation's
                    summaryVersion = refused.storedVersion();
                    dialogs.error(Messages.format("progress.changedElsewhere",
                            ChangedElsewhere.describe(refused)));
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        summaryProblem.set(invalid.violations().get(0).message());
                    } else {
                        dialogs.report("action.saveSummary", failure);
                    }
                })
                .executeWith(tasks);
    }

    /** The progress with the summary as typed, for the report. */
    private Progress forReport() {
        Progress loaded = Objects.requireNonNull(progress.get(), "not loaded");
        return new Progress(loaded.patient(), loaded.visits(), loaded.latest(), loaded.charts(),
                summary.get() == null ? "" : summary.get());
    }

    /** Writes the report to a file in the background, showing that it is busy. */
    public void exportReport(Path file, Runnable onDone) {
        if (progress.get() == null || !summaryProblem.get().isEmpty()) {
            return;
        }
        saveSummary();
        Progress report = forReport();
        busy.set(true);
        state.set(Messages.get("progress.state.writing"));
        BackgroundTask.wrap(() -> {
                    service.writeReport(report, file);
                    return null;
                })
                .onSuccess(done -> {
                    state.set(Messages.format("progress.state.exported", file.getFileName()));
                    onDone.run();
                })
                .onFailure(failure -> {
                    state.set("");
                    dialogs.report("action.exportReport", failure);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Renders the report in the background and hands the PDF on (to print it). */
    public void renderReport(Consumer<byte[]> onRendered) {
        if (progress.get() == null || !summaryProblem.get().isEmpty()) {
            return;
        }
        saveSummary();
        Progress report = forReport();
        busy.set(true);
        state.set(Messages.get("progress.state.rendering"));
        BackgroundTask.wrap(() -> service.report(report))
                .onSuccess(pdf -> {
                    state.set("");
                    onRendered.accept(pdf);
                })
                .onFailure(failure -> {
                    state.set("");
                    dialogs.report("action.renderReport", failure);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    public String suggestedFileName() {
        Progress loaded = progress.get();
        String name = PersonName.fullName(loaded.patient().givenName(), loaded.patient().familyName())
                .replaceAll("[\\\\/:*?\"<>|]", "_");
        return Messages.format("progress.fileName", name);
    }

    public UUID patientId() {
        return patientId;
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress;
    }

    public ObservableList<ComparisonRow> rows() {
        return rows;
    }

    public ObjectProperty<ProgressCharts.Entry> firstProperty() {
        return first;
    }

    public ObjectProperty<ProgressCharts.Entry> secondProperty() {
        return second;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty summaryProblemProperty() {
        return summaryProblem;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
