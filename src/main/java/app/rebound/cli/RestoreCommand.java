package app.rebound.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import app.rebound.service.BackupService;
import app.rebound.service.WrongPasswordException;

/** {@code restore FILE.zip [--force]}: the records of a backup, into the data folder. */
@Command(name = "restore", sortOptions = false,
        header = "Restore the records from a backup",
        description = "Restore a backup made by the backup command into the data folder. A folder that already "
                + "holds records is refused unless --force; the database it held is then kept beside the "
                + "restored one (rebound.mv.db.replaced-DATE-TIME).")
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
    public void check(Path dataFolder) throws Exception {
        try {
            BackupService.check(backup);
        } catch (BackupService.InvalidBackupException e) {
            throw CommandRefused.invalid(e.getMessage());
        }
        if (!force && DataPresence.holdsRecords(dataFolder)) {
            throw refusedFolder(dataFolder);
        }
    }

    @Override
    public void run(CommandContext context) throws Exception {
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

    private static CommandRefused refusedFolder(Path folder) {
        return CommandRefused.invalid(folder + " already holds Rebound records; add --force to replace them");
    }
}
