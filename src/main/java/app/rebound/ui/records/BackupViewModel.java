package app.rebound.ui.records;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import app.rebound.domain.Messages;
import app.rebound.service.AutomaticBackups;
import app.rebound.service.Services;
import app.rebound.service.WrongPasswordException;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.Failures;
import app.rebound.ui.kit.TaskRunner;

/**
 * Backing up on request, and restoring a backup: the newest automatic one when the records do not
 * open, or one the clinician chooses. Nothing is replaced before a password that opens the backup.
 */
public final class BackupViewModel {

    /** A user name and a password typed to open a backup. */
    public record Credentials(String user, char[] password) {
    }

    /** What only the window can do: ask for the credentials that open a backup, say a result, close. */
    public interface Screen {
        /**
         * Asks for the user name and password that open a backup, under {@code headerKey} with {@code text}
         * saying what is about to happen; empty when she cancels.
         */
        Optional<Credentials> askCredentials(String id, String headerKey, String text, String suggestedUser,
                String goAheadKey);

        /** Says a result and waits until she has read it. */
        void say(String message);

        /** Closes Rebound, to be started and signed in to again. */
        void quit();
    }

    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final Screen screen;
    private final Clock clock;

    public BackupViewModel(TaskRunner tasks, Dialogs dialogs, Screen screen, Clock clock) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.screen = screen;
        this.clock = clock;
    }

    /** Clinic → Back up now…: a file chosen by the clinician, written on the runner. */
    public void backupNow(Services services) {
        if (services == null) {
            return;
        }
        dialogs.chooseFileToSave(Messages.get("backup.saveTitle"), Dialogs.FileKind.BACKUP,
                "rebound-backup-" + LocalDate.now(clock) + ".zip").ifPresent(target ->
                BackgroundTask.wrap(() -> new AutomaticBackups(services, clock).runTo(target))
                        .onSuccess(patients -> screen.say(Messages.format("backup.done", target.getFileName(),
                                Messages.format("backup.patients", patients))))
                        .onFailure(failure -> dialogs.report("action.backup", failure))
                        .executeWith(tasks));
    }

    /**
     * The records cannot be opened (damaged, cut short, missing): offers the newest automatic backup,
     * asks for a user name and password that open it, restores it (the damaged file kept beside it) and
     * asks to start again. Never starts empty over the damaged file.
     */
    public void offerLatestBackup(Path dataFolder) {
        BackgroundTask.wrap(() -> AutomaticBackups.latestIn(dataFolder))
                .onSuccess(latest -> offer(dataFolder, latest))
                .onFailure(failure -> dialogs.report("action.restoreBackup", failure))
                .executeWith(tasks);
    }

    private void offer(Path dataFolder, Optional<Path> latest) {
        if (latest.isEmpty()) {
            dialogs.error(Messages.format("backup.offer.none", dataFolder.resolve(AutomaticBackups.DEFAULT_FOLDER)));
            return;
        }
        Path backup = latest.get();
        String when = backup.getFileName().toString().replaceAll("rebound-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2}).*",
                "$1-$2-$3 $4:$5");
        Optional<Credentials> given = screen.askCredentials("restoreOffer", "backup.offer.title",
                Messages.format("backup.offer", when), "", "backup.offer.button");
        if (given.isEmpty()) {
            return;
        }
        String name = given.get().user();
        char[] secret = given.get().password();
        BackgroundTask.wrap(() -> AutomaticBackups.restoreOver(dataFolder, backup, name, secret, clock))
                .onSuccess(restored -> {
                    screen.say(Messages.format("backup.restored", backup.getFileName()));
                    screen.quit();
                })
                .onError(WrongPasswordException.class, wrong -> dialogs.error(Messages.get("access.wrong")))
                .onFailure(failure -> dialogs.report("action.restoreBackup", failure))
                .executeWith(tasks);
    }

    /**
     * Clinic → Restore from a backup…: a backup file chosen by the clinician replaces the records, after
     * a confirmation and a password that opens the backup (the signed-in clinician's name is suggested).
     * The records are closed first; the ones replaced are kept beside the restored ones; then Rebound
     * closes, to be started and signed in to again.
     *
     * @param closeRecords closes the open records (saving what is being typed) before the restore
     */
    public void restoreFromFile(Services services, Path dataFolder, Runnable closeRecords) {
        if (services == null) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToOpen(Messages.get("backup.restore.chooseTitle"),
                Dialogs.FileKind.BACKUP);
        if (chosen.isEmpty()) {
            return;
        }
        Path backup = chosen.get();
        Optional<Credentials> given = screen.askCredentials("restoreBackup", "backup.restore.title",
                Messages.format("backup.restore.text", backup.getFileName()),
                services.accounts().current().username(), "backup.restore.button");
        if (given.isEmpty()) {
            return;
        }
        String name = given.get().user();
        char[] secret = given.get().password();
        // the password must open the backup before anything is closed
        BackgroundTask.wrap(() -> AutomaticBackups.opens(backup, name, secret.clone()))
                .onSuccess(opens -> {
                    if (!opens) {
                        Arrays.fill(secret, '\0');
                        dialogs.error(Messages.get("backup.restore.wrongPassword"));
                        return;
                    }
                    closeRecords.run();
                    BackgroundTask.wrap(() -> AutomaticBackups.restoreOver(dataFolder, backup, name, secret, clock))
                            .onSuccess(restored -> {
                                screen.say(Messages.format("backup.restored", backup.getFileName()));
                                screen.quit();
                            })
                            .onFailure(failure -> {
                                Failures.report("action.restoreBackup", failure, message -> dialogs.error(
                                        message + " " + Messages.get("backup.restore.startAgain")));
                                screen.quit();
                            })
                            .executeWith(tasks);
                })
                .onFailure(failure -> dialogs.report("action.restoreBackup", failure))
                .executeWith(tasks);
    }
}
