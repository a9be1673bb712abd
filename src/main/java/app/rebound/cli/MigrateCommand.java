package app.rebound.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import app.rebound.service.ClinicAccess;

/** {@code migrate --database URL}: an administrator brings the clinic's records on the server up to date. */
@Command(name = "migrate", sortOptions = false,
        header = "Bring the clinic's records on the server up to this Rebound's version (administrators)",
        description = "Workstations never change the server's schema by themselves: after installing a newer Rebound, "
                + "an administrator runs this once (as the database's owner, who owns the tables), and then every "
                + "workstation uses that version. The records of a data folder are brought up to date as they open.")
final class MigrateCommand implements DataCommand {

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public boolean serverOnly() {
        return true;
    }

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public void run(CommandContext context) {
        Credentials who = context.credentials();
        ClinicAccess.Migrated migrated = new ClinicAccess(context.clock(), context.locale())
                .migrateOnServer(context.server().orElseThrow(), who.user(), who.password());
        context.out().println(migrated.from().equals(migrated.to())
                ? "The records on " + context.server().get() + " are at version " + migrated.to() + " already"
                : "Brought the records on " + context.server().get() + " from version " + migrated.from() + " to "
                        + migrated.to());
    }
}
