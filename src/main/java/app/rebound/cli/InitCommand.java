package app.rebound.cli;

import java.nio.file.Path;

import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.ClinicAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code init --clinic NAME --user NAME}: a new, encrypted data folder, without questions. */
@Command(name = "init", sortOptions = false,
        header = "Set up a new clinic in the data folder",
        description = "Create a new encrypted data folder: the clinic, its first clinician (an administrator) "
                + "and her password (from --password-file or $REBOUND_PASSWORD). Prints the recovery key once, on "
                + "standard output: print it and keep it safe; it opens the records when every password is lost. "
                + "A folder with records made before encryption is refused unless --encrypt-existing.")
final class InitCommand implements DataCommand {

    @Option(names = "--clinic", required = true, paramLabel = "NAME", description = "the clinic's name")
    String clinic;

    @Option(names = "--display-name", paramLabel = "NAME",
            description = "the first clinician's name as printed on handouts (default: the user name)")
    String displayName;

    @Option(names = "--encrypt-existing", description = "encrypt the records made before encryption that the folder "
            + "holds (only a folder without a key file; the old file is replaced once its encrypted copy opens)")
    boolean encryptExisting;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public FolderUse folderUse() {
        return FolderUse.SET_UP;
    }

    @Override
    public void check(Path dataFolder) {
        if (ClinicAccess.state(dataFolder) == ClinicAccess.FolderState.READY) {
            throw CommandRefused.invalid(dataFolder + " is already set up; its clinicians sign in with their passwords");
        }
        if (ClinicAccess.state(dataFolder) == ClinicAccess.FolderState.KEY_FILE_MISSING) {
            // never a new clinic over records whose key file is missing: they would be put aside unseen
            throw CommandRefused.invalid(Commands.keyFileMissing(dataFolder));
        }
        if (ClinicAccess.state(dataFolder) == ClinicAccess.FolderState.UNENCRYPTED && !encryptExisting) {
            throw CommandRefused.invalid(dataFolder + " holds records made before encryption; to encrypt them and set "
                    + "the clinic up, add --encrypt-existing (a backup of the folder first is wise)");
        }
    }

    @Override
    public void run(CommandContext context) throws Exception {
        Credentials who = context.credentials();
        try {
            if (context.server().isPresent()) {
                var services = new ClinicAccess(context.clock(), context.locale()).setUpOnServer(context.server().get(),
                        clinic, who.user(), displayName, who.password());
                context.adopt(services);
                context.out().println("Set up " + context.server().get() + " for " + services.settings().load()
                        .clinicName() + "; administrator: " + services.session().clinician().orElseThrow().username());
                return;
            }
            var setUp = new ClinicAccess(context.clock(), context.locale()).setUp(context.folder(),
                    new ClinicAccess.NewClinic(clinic, who.user(), displayName == null ? who.user() : displayName,
                            who.password(), encryptExisting));
            context.adopt(setUp.services());
            context.out().println("Set up " + context.folder() + " for " + setUp.services().settings().load().clinicName()
                    + "; administrator: " + setUp.services().session().clinician().orElseThrow().username());
            context.out().println("Recovery key (shown once; print it and keep it locked away):");
            context.out().println(setUp.recoveryKey());
        } catch (ValidationException e) {
            StringBuilder message = new StringBuilder("cannot set up the clinic:");
            for (Violation problem : e.violations()) {
                message.append(System.lineSeparator()).append("  ").append(problem.field()).append(": ")
                        .append(Messages.format(problem.messageKey(), problem.arguments().toArray()));
            }
            throw CommandRefused.invalid(message.toString());
        }
    }
}
