package app.rebound.ui.shell;

import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.stage.Stage;

import app.rebound.domain.Appearance;
import app.rebound.service.ServerLink;
import app.rebound.service.Services;
import app.rebound.ui.kit.Scheduler;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.lock.LockScreen;
import app.rebound.ui.settings.SettingsScreen;
import app.rebound.ui.visit.VisitFormViewModel;

/**
 * The records once they are open, and what runs while they are: the clinic's name in the header, her colours
 * and text size, the server line (server mode), the lock screen, the daily backup and the notices of changes
 * made on other workstations. A restore closes them; closing the window queues the last save and backup.
 */
final class OpenRecords {

    private final Stage stage;
    private final Worker worker;
    private final Scheduler scheduler;
    private final ScreenNavigator navigator;
    private final WindowFrame frame;
    private final ClinicHeader header;
    private final Appearances appearances;
    private final ScreenLock lock;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private Services services;
    /** In server mode, what says when the clinic's server cannot be reached; null on this computer's records. */
    private ServerBanner serverBanner;

    OpenRecords(Stage stage, Worker worker, Scheduler scheduler, ScreenNavigator navigator, WindowFrame frame,
            ClinicHeader header) {
        this.stage = stage;
        this.worker = worker;
        this.scheduler = scheduler;
        this.navigator = navigator;
        this.frame = frame;
        this.header = header;
        this.appearances = new Appearances(worker, this::services, frame::report);
        this.lock = new ScreenLock(stage, frame, worker);
    }

    /** The records are open: the list fills in and what runs beside them starts. */
    void start(Services opened) {
        services = opened;
        ready.set(true);
        navigator.patients().list().attach(opened.patients());
        header.load(opened, worker);
        appearances.load(opened);
        ServerLink link = new ServerLink(opened);
        if (link.onServer()) {
            watchServer(link);
        }
        lock.start(opened, failure -> frame.report("action.openSettings", failure));
        if (serverBanner == null) {
            // the clinic's server is backed up by its IT with the server's own tools, not from a workstation
            scheduler.dailyBackup(opened, failure -> frame.report("action.backup", failure));
        }
        scheduler.changesElsewhere(opened, navigator::changedElsewhere);
    }

    /**
     * Server mode: the line at the top of the window says at once when the server cannot be reached; when it answers
     * again the list is read again and what was typed in a visit meanwhile is saved.
     */
    private void watchServer(ServerLink link) {
        serverBanner = new ServerBanner(link, frame.layers(), () -> {
            VisitFormViewModel visit = navigator.visitForm();
            if (visit != null) {
                visit.saveWhatWasNotSaved();
            }
            if (services != null) {
                navigator.patients().list().refresh();
            }
        });
        frame.addBand(serverBanner.node());
        serverBanner.start(scheduler);
    }

    /** File, Settings: the clinic's name goes to the header, a new idle time to the lock screen. */
    void openSettings() {
        if (services != null) {
            SettingsScreen.open(stage, services, worker, Theme.current().scheme(),
                    scheme -> changeAppearance(a -> a.withScheme(scheme)), (saved, idleMinutes) -> {
                        header.show(saved);
                        lock.idleTimeChanged(idleMinutes);
                    });
        }
    }

    /** Changes the colours or the text size now, and keeps them for the clinician signed in. */
    void changeAppearance(UnaryOperator<Appearance> change) {
        appearances.change(change);
    }

    /** File, Lock the screen. */
    void lockNow() {
        lock.lockNow();
    }

    /** Closes the records before a restore replaces them: what is being typed is saved first. */
    void close() {
        navigator.flushVisit();
        Services open = services;
        services = null;
        ready.set(false);
        if (open != null) {
            worker.execute(open::close);
        }
    }

    /** The window is closing: the last save and the backup on close are queued on the worker. */
    void closing() {
        navigator.flushVisit();
        if (serverBanner != null) {
            serverBanner.stop();
        } else if (services != null) {
            scheduler.backupOnClose(services);
        }
    }

    /** The records, once open; null before and after. */
    Services services() {
        return services;
    }

    /** True while the records are open: the menus act only then. */
    ReadOnlyBooleanProperty ready() {
        return ready.getReadOnlyProperty();
    }

    /** Whether the records are on the clinic's server (known once they are open). */
    boolean onServer() {
        return serverBanner != null;
    }

    /** The server line's text, empty while it is hidden. */
    String serverBannerText() {
        return serverBanner == null ? "" : serverBanner.text();
    }

    /** The lock screen, null until the records are open. */
    LockScreen lockScreen() {
        return lock.screen();
    }
}
