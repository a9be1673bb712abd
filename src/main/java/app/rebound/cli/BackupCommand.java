package app.rebound.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import app.rebound.domain.AuditAction;
import app.rebound.service.BackupService;
import app.rebound.service.ServerBackupService;

/** {@code backup --out FILE.zip}: a copy of the whole database. */
@Command(name = "backup", sortOptions = false,
        header = "Back up all the records to a zip file",
        description = "Write a backup of all the records (the whole database) to a zip file. Restore it with "
                + "the restore command. With --database (administrators only): every table of the clinic's server, "
                + "read at one moment, into an encrypted backup that opens with the administrator's user name and "
                + "password of the day it was made; it restores onto an empty server database or into an empty "
                + "data folder.")
final class BackupCommand implements DataCommand {

    @Option(names = "--out", paramLabel = "FILE.zip", required = true, description = "the zip file to write")
    Path out;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    private Path file;

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public void check(Path dataFolder) {
        file = OutputFile.check(out);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        if (context.server().isPresent()) {
            ServerBackupService.Made made = new ServerBackupService(context.clock(), context.locale())
                    .backup(context.services(), context.credentials().password(), file);
            context.out().println("Backed up the records of " + Plural.patients((int) made.patients()) + " on "
                    + context.server().get() + " to " + file);
            return;
        }
        int patients = new BackupService(context.clock()).backup(context.services().database(), file);
        context.services().audit().record(AuditAction.BACKUP, null, "backup by command");
        context.out().println("Backed up the records of " + Plural.patients(patients) + " to " + file);
    }
}
