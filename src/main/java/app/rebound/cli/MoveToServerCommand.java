package app.rebound.cli;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import app.rebound.service.ClinicAccess;
import app.rebound.service.MoveToServer;
import app.rebound.service.Services;
import app.rebound.store.FolderLock;

/**
 * {@code move-to-server --database URL}: the records of this computer's data folder onto the clinic's server,
 * run on the workstation that has them by an administrator of both.
 */
@Command(name = "move-to-server", sortOptions = false,
        header = "Move the records of this computer's data folder onto the clinic's server (administrators)",
        description = "Copies everything the data folder's database holds (patients, visits, drafts, amendments, "
                + "programmes with their reasons, the clinic's exercises and photos, settings, progress summaries) "
                + "onto the clinic's server in one transaction. The server's database must be set up with init and "
                + "hold no records yet; run it as that database's owner. The data folder's audit trail is checked "
                + "first and archived in the data folder (" + MoveToServer.ARCHIVE_PREFIX + "DATE-TIME.zip, a backup "
                + "of the folder at the move); the data folder's database stays as it was. Clinicians without a "
                + "login on the server get one without a password: set each with clinician reset-password.")
final class MoveToServerCommand implements DataCommand {

    static final String SERVER_PASSWORD_VARIABLE = "REBOUND_SERVER_PASSWORD";

    @Option(names = "--server-user", paramLabel = "NAME",
            description = "the login on the server (default: the user who signs in to the data folder)")
    String serverUser;

    @Option(names = "--server-password-file", paramLabel = "FILE",
            description = "a file whose first line is the server login's password (default: $"
                    + SERVER_PASSWORD_VARIABLE + ", else the data folder's password)")
    Path serverPasswordFile;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public boolean serverOnly() {
        return true;
    }

    @Override
    public void run(CommandContext context) throws Exception {
        Path folder = context.folder();
        if (!DataPresence.isSetUp(folder)) {
            throw CommandRefused.invalid("no Rebound records to move in " + folder + " (give --data-dir FOLDER)");
        }
        Optional<FolderLock> lock = FolderLock.tryLock(folder);
        if (lock.isEmpty()) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, Commands.IN_USE.formatted(folder));
        }
        try (FolderLock held = lock.get()) {
            Credentials who = context.credentials();
            String loginName = serverUser != null ? serverUser : who.user();
            char[] loginPassword = serverPassword(context, who.password());
            ClinicAccess access = new ClinicAccess(context.clock(), context.locale());
            try (Services records = CommandContext.signedIn(() -> access.signIn(folder, who.user(), who.password()));
                    Services server = CommandContext.signedIn(() -> access.signInOnServer(context.server().get(), loginName,
                            loginPassword))) {
                MoveToServer.Moved moved;
                try {
                    moved = new MoveToServer(context.clock()).move(records, server);
                } catch (MoveToServer.ServerNotEmptyException e) {
                    throw CommandRefused.invalid(e.getMessage());
                } catch (MoveToServer.TrailBrokenException e) {
                    throw new CommandRefused(ExitCode.AUDIT_BROKEN, e.getMessage());
                }
                context.out().println("Moved the records of " + Plural.patients((int) moved.patients()) + " from "
                        + folder + " onto " + context.server().get() + "; the data folder's audit trail is archived "
                        + "as " + moved.archive() + "; the data folder itself is as it was");
                if (!moved.loginsWithoutPassword().isEmpty()) {
                    context.out().println("Logins made without a password (set each one with clinician "
                            + "reset-password NAME --database " + context.server().get() + "): "
                            + String.join(", ", moved.loginsWithoutPassword()));
                }
            }
        }
    }

    private char[] serverPassword(CommandContext context, char[] folderPassword) {
        if (serverPasswordFile != null) {
            return Credentials.readFirstLine(serverPasswordFile);
        }
        String variable = context.variables().get(SERVER_PASSWORD_VARIABLE);
        return variable != null && !variable.isEmpty() ? variable.toCharArray() : folderPassword.clone();
    }
}
