package app.rebound.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import app.rebound.service.BackupService;
import app.rebound.service.ServerBackupService;
import app.rebound.service.WrongPasswordException;

/** {@code restore FILE.zip [--force]}: the records of a backup, into the data folder. */
@Command(name = "restore", sortOptions = false,
        header = "Restore the records from a backup",
        description = "Restore a backup made by the backup command into the data folder. A folder that already "
                + "holds records is refused unless --force; the database it held is then kept beside the "
                + "restored one (rebound.mv.db.replaced-DATE-TIME). With --database: onto the clinic's server, into "
                + "a database that holds no records (a new one, made with createdb), run as the database's owner, "
                + "an administrator in the backup's records whose password opens it; clinicians without a login "
                + "on that server get one without a password, set with clinician reset-password.")
final class RestoreCommand implements DataCommand {

    @Parameters(paramLabel = "FILE.zip", description = "the backup to restore")
    Path backup;

    @Option(names = "--force", description = "replace the records already in the data folder")
    boolean force;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    @Override
    public FolderUse folderUse() {
        return FolderUse.REPLACE;
    }

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public void checkOnServer(Path dataFolder) throws IOException {
        if (force) {
            throw CommandRefused.invalid("--force is refused with --database: a backup is restored only into a "
                    + "server database that holds no records");
        }
        checkBackup();
    }

    private void checkBackup() throws IOException {
        try {
            BackupService.check(backup);
        } catch (BackupService.InvalidBackupException e) {
            throw CommandRefused.invalid(e.getMessage());
        }
    }

    @Override
    public void check(Path dataFolder) throws Exception {
        checkBackup();
        if (!force && DataPresence.holdsRecords(dataFolder)) {
            throw refusedFolder(dataFolder);
        }
    }

    @Override
    public void run(CommandContext context) throws Exception {
        if (context.server().isPresent()) {
            restoreOnServer(context);
            return;
        }
        BackupService.Restored restored;
        try {
            Credentials who = context.credentials();
            restored = new BackupService(context.clock()).restore(backup, context.folder(), force,
                    keys -> keys.unwrap(who.user(), who.password()));
        } catch (BackupService.InvalidBackupException e) {
            throw CommandRefused.invalid(e.getMessage());
        } catch (WrongPasswordException e) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, e.getMessage());
        } catch (BackupService.FolderHoldsRecordsException e) {
            throw refusedFolder(context.folder());
        }
        context.out().println("Restored the records of " + Plural.patients(restored.patients()) + " into "
                + context.folder() + (restored.replaced() == null ? ""
                        : "; the records that were there are kept as " + restored.replaced().getFileName()));
    }

    private void restoreOnServer(CommandContext context) throws Exception {
        ServerBackupService.Restored restored;
        try {
            Credentials who = context.credentials();
            restored = new ServerBackupService(context.clock(), context.locale()).restore(backup,
                    context.server().get(), who.user(), who.password());
        } catch (BackupService.InvalidBackupException | ServerBackupService.ServerNotEmptyException e) {
            throw CommandRefused.invalid(e.getMessage());
        } catch (WrongPasswordException e) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, e.getMessage());
        }
        context.out().println("Restored the records of " + Plural.patients((int) restored.patients()) + " onto "
                + context.server().get());
        if (!restored.loginsWithoutPassword().isEmpty()) {
            context.out().println("Logins made without a password (set each one with clinician reset-password NAME "
                    + "--database " + context.server().get() + "): " + String.join(", ",
                            restored.loginsWithoutPassword()));
        }
    }

    private static CommandRefused refusedFolder(Path folder) {
        return CommandRefused.invalid(folder + " already holds Rebound records; add --force to replace them");
    }
}
