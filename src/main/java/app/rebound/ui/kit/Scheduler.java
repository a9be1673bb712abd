package app.rebound.ui.kit;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;

import app.rebound.domain.Messages;
import app.rebound.service.AutomaticBackups;
import app.rebound.service.OtherWorkstations;
import app.rebound.service.Services;

/**
 * The one place for work beside the worker: what must not wait in its queue, or hold it up, runs on
 * a daemon thread of its own here; the backup on closing is queued on the worker, after the last save.
 */
public final class Scheduler {

    private final Worker worker;
    private final Clock clock;

    public Scheduler(Worker worker, Clock clock) {
        this.worker = worker;
        this.clock = clock;
    }

    /** A print: its dialog blocks, so it runs on a thread of its own, never the JavaFX thread or the worker. */
    public void print(Callable<?> job, Consumer<Throwable> onFailure) {
        runAlone("rebound-print", Thread.NORM_PRIORITY, job, onFailure);
    }

    /**
     * The day's backup, at a low priority on a thread of its own: a large clinic's backup must not hold
     * up the worker (opening a patient, saving a visit) while it is written; H2's backup reads a
     * consistent copy. What a backup killed half-way left (it may hold erased patients) goes first.
     */
    public void dailyBackup(Services services, Consumer<Throwable> onFailure) {
        runAlone("rebound-daily-backup", Thread.MIN_PRIORITY, () -> {
            AutomaticBackups backups = new AutomaticBackups(services, clock);
            backups.removeLeftovers();
            return backups.dueToday() ? backups.run("daily") : null;
        }, onFailure);
    }

    /**
     * Hands the changes other workstations make (server mode) to {@code receiver} on the JavaFX thread. They
     * arrive on the notices' own thread; a burst (an import elsewhere, an autosave per pause) is handed on
     * once per frame, each change once, and more than {@value #MANY_CHANGES} at once as one "everything".
     */
    public void changesElsewhere(Services services, Consumer<OtherWorkstations.RecordChange> receiver) {
        Set<OtherWorkstations.RecordChange> pending = new LinkedHashSet<>();
        services.workstations().listen(change -> {
            boolean first;
            synchronized (pending) {
                first = pending.isEmpty();
                pending.add(change);
            }
            if (first) {
                Platform.runLater(() -> {
                    List<OtherWorkstations.RecordChange> changes;
                    synchronized (pending) {
                        changes = List.copyOf(pending);
                        pending.clear();
                    }
                    if (changes.size() > MANY_CHANGES) {
                        changes = List.of(OtherWorkstations.RecordChange.everything());
                    }
                    changes.forEach(receiver);
                });
            }
        });
    }

    /** More changes than this at once are handed on as one: anything may have changed. */
    static final int MANY_CHANGES = 20;

    /** The backup on closing, queued on the worker so that it follows the last save. */
    public void backupOnClose(Services services) {
        worker.execute(() -> {
            try {
                new AutomaticBackups(services, clock).run("on close");
            } catch (IOException | RuntimeException e) {
                Failures.log(Messages.get("action.backup"), e);
            }
        });
    }

    /**
     * Runs {@code check} every {@code periodMillis} on a daemon thread of its own ({@code name}), first at
     * once: never on the worker, which a lost connection to the clinic's server holds up. Closing what is
     * returned stops it.
     */
    public AutoCloseable repeat(String name, long periodMillis, Runnable check) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                check.run();
            } catch (RuntimeException e) {
                Failures.log(name, e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        return thread::shutdownNow;
    }

    private static void runAlone(String name, int priority, Callable<?> job, Consumer<Throwable> onFailure) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        });
        BackgroundTask.wrap(job)
                .onFailure(onFailure)
                .onFinished(thread::shutdown)
                .executeWith(new FxTaskRunner(thread));
    }
}
