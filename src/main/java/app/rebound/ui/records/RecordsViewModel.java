package app.rebound.ui.records;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import app.rebound.domain.Messages;
import app.rebound.domain.PatientSummary;
import app.rebound.service.ImportSummary;
import app.rebound.service.InvalidRecordException;
import app.rebound.service.Services;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * File → Import records… and Export records…, and the first start's offer of sample patients. Reading,
 * checking and writing run on the task runner while {@link #workingProperty()} says what is under way;
 * a refused file lists every error, and nothing of it is written.
 */
public final class RecordsViewModel {

    /** How many patients the export dialog lists to tick; beyond them, "All patients" or the filter. */
    static final int EXPORT_LIST = 200;

    /** The records' own dialogs, which the window draws. */
    public interface Screen {
        /** What the import did. */
        void imported(ImportSummary summary);

        /** The file was refused: every error, each in words. */
        void refused(List<String> errors);

        /** How many patients were written to {@code file}. */
        void exported(int count, Path file);

        /** First start on an empty folder: true to explore with sample patients, false to start empty. */
        boolean wantsSamples();

        /** Which patients to export (empty list: everyone), or empty when she cancels. */
        Optional<List<UUID>> chooseForExport(List<PatientSummary> listed, UUID current);
    }

    private final TaskRunner tasks;
    private final Supplier<Services> services;
    private final Runnable onImported;
    private final Dialogs dialogs;
    private final Screen screen;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper(this, "working", "");

    public RecordsViewModel(TaskRunner tasks, Supplier<Services> services, Runnable onImported, Dialogs dialogs,
            Screen screen) {
        this.tasks = tasks;
        this.services = services;
        this.onImported = onImported;
        this.dialogs = dialogs;
        this.screen = screen;
    }

    /** Asks for a file, then imports it in the background. */
    public void importRecords() {
        dialogs.chooseFileToOpen(Messages.get("records.import.title"), Dialogs.FileKind.RECORDS)
                .ifPresent(this::importFile);
    }

    /** Imports a file in the background, then says what it did. */
    public void importFile(Path file) {
        Services open = services.get();
        if (open == null || busy.get()) {
            return;
        }
        start(Messages.get("records.import.progress"));
        BackgroundTask.wrap(() -> open.records().importFile(file))
                .onSuccess(summary -> {
                    working.set("");
                    onImported.run();
                    screen.imported(summary);
                })
                .onError(InvalidRecordException.class, invalid -> {
                    working.set("");
                    screen.refused(invalid.errors());
                })
                .onFailure(failure -> {
                    working.set("");
                    dialogs.report("action.importRecords", failure);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private void start(String what) {
        busy.set(true);
        working.set(what);
    }

    /** Imports the sample patients shipped with Rebound (the same import as a clinic's file). */
    public void importSamples() {
        Services open = services.get();
        if (open == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
                    open.settings().markSamplesOffered();
                    return open.records().importSamples();
                })
                .onSuccess(summary -> onImported.run())
                .onFailure(failure -> dialogs.report("action.importRecords", failure))
                .executeWith(tasks);
    }

    /** The first start on an empty data folder: explore with sample patients, or start empty. Asked once. */
    public void offerSamples() {
        Services open = services.get();
        if (open == null) {
            return;
        }
        BackgroundTask.wrap(() -> !open.settings().samplesOffered() && open.patients().search("", true).patients().isEmpty())
                .onSuccess(ask -> {
                    if (!ask) {
                        return;
                    }
                    if (screen.wantsSamples()) {
                        importSamples();
                    } else {
                        BackgroundTask.wrap(open.settings()::markSamplesOffered)
                                .onFailure(failure -> Failures.log(Messages.get("action.importRecords"), failure))
                                .executeWith(tasks);
                    }
                })
                .onFailure(failure -> Failures.log(Messages.get("action.importRecords"), failure))
                .executeWith(tasks);
    }

    /** Asks which patients, then where, then exports in the background. */
    public void exportRecords(UUID current) {
        Services open = services.get();
        if (open == null || busy.get()) {
            return;
        }
        BackgroundTask.wrap(() -> open.patients().search("", true, EXPORT_LIST).patients())
                .onSuccess(listed -> screen.chooseForExport(listed, current).ifPresent(ids -> dialogs
                        .chooseFileToSave(Messages.get("records.export.title"), Dialogs.FileKind.RECORDS,
                                Messages.format("records.export.fileName", LocalDate.now().toString()))
                        .ifPresent(file -> exportTo(open, ids, file))))
                .onFailure(failure -> dialogs.report("action.exportRecords", failure))
                .executeWith(tasks);
    }

    /** Exports in the background (empty ids: everyone). */
    public void exportTo(Services open, List<UUID> ids, Path file) {
        start(Messages.get("records.export.progress"));
        BackgroundTask.wrap(() -> open.records().export(ids, file))
                .onSuccess(count -> {
                    working.set("");
                    screen.exported(count, file);
                })
                .onFailure(failure -> {
                    working.set("");
                    dialogs.report("action.exportRecords", failure);
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** True while a file is read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is being done to a file, for the progress window; empty when nothing is. */
    public ReadOnlyStringProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
