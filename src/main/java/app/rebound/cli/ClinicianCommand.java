package app.rebound.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import app.rebound.domain.Clinician;
import app.rebound.domain.Messages;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.AccountService;
import app.rebound.store.KeyFile;

/**
 * {@code clinician list | add | remove | reset-password}: the clinicians who sign in, for administrators,
 * as Clinic → Clinicians and passwords… does in the window. Every change is written to the audit trail.
 */
@Command(name = "clinician", header = "List, add or remove clinicians, or reset a password (administrators)",
        description = "Administrators only; the administrator signs in as for every command (--user and "
                + "--password-file, or $REBOUND_USER and $REBOUND_PASSWORD). A new password is read from the first "
                + "line of --new-password-file, never from the command line.",
        subcommands = {ClinicianCommand.ListClinicians.class, ClinicianCommand.Add.class, ClinicianCommand.Remove.class,
            ClinicianCommand.ResetPassword.class})
final class ClinicianCommand {

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    /** {@code clinician list}: every current clinician, one a line. */
    @Command(name = "list", header = "List the clinicians who can sign in",
            description = "One line each: user name, role (administrator or clinician), name printed on handouts.")
    static final class ListClinicians extends AccountCommand {

        @Mixin(name = CommandOptions.NAME)
        CommandOptions options;

        @Override
        public FolderUse folderUse() {
            return FolderUse.READ;
        }

        @Override
        void run(AccountService accounts, PrintStream out) {
            List<Clinician> clinicians = accounts.clinicians();
            int width = clinicians.stream().mapToInt(c -> c.username().length()).max().orElse(0);
            for (Clinician clinician : clinicians) {
                out.println(String.format("%-" + width + "s  %-13s  %s", clinician.username(),
                        clinician.administrator() ? "administrator" : "clinician", clinician.displayName()));
            }
        }
    }

    /** {@code clinician add --new-user NAME [--display-name N] [--admin] --new-password-file FILE}. */
    @Command(name = "add", sortOptions = false, header = "Add a clinician with a first password",
            description = "The new clinician signs in with the password on the first line of --new-password-file "
                    + "(at least 10 characters, not her user name, not a well-known password).")
    static final class Add extends PasswordCommand {

        @Option(names = "--new-user", required = true, paramLabel = "NAME",
                description = "her user name (letters, digits, . _ @ -)")
        String newUser;

        @Option(names = "--display-name", paramLabel = "NAME",
                description = "her name as printed on handouts (default: the user name)")
        String displayName;

        @Option(names = "--admin", description = "she is an administrator too")
        boolean administrator;

        @Option(names = "--new-password-file", required = true, paramLabel = "FILE",
                description = "a file whose first line is her first password")
        Path newPasswordFile;

        @Mixin(name = CommandOptions.NAME)
        CommandOptions options;

        @Override
        Path newPasswordFile() {
            return newPasswordFile;
        }

        @Override
        void run(AccountService accounts, PrintStream out) throws Exception {
            Clinician added = withNewPassword("cannot add the clinician:", password -> accounts.add(newUser,
                    displayName == null ? newUser : displayName, password, administrator));
            out.println("Added " + added.username() + (added.administrator() ? " (administrator)" : "")
                    + "; she signs in with the password in " + newPasswordFile);
        }
    }

    /** {@code clinician remove NAME}: she can no longer sign in, and the database key is changed. */
    @Command(name = "remove", header = "Remove a clinician and change the database key",
            description = "She can no longer sign in. The database is re-encrypted under a new key given to everyone "
                    + "who remains (seconds for a large clinic), so a copy of the key file she may have kept opens "
                    + "nothing. Backups made before still open with the passwords of their day. If the recovery "
                    + "key is from before this Rebound, a new one is printed: print it and keep it locked away.")
    static final class Remove extends AccountCommand {

        @Parameters(paramLabel = "NAME", description = "her user name")
        String name;

        @Mixin(name = CommandOptions.NAME)
        CommandOptions options;

        @Override
        void run(AccountService accounts, PrintStream out) throws Exception {
            Clinician gone = find(accounts, name);
            AccountService.Removal removal = accounts.remove(gone.id());
            if (accounts.onServer()) {
                out.println("Removed " + gone.username() + "; her login on the server is gone");
                return;
            }
            out.println("Removed " + gone.username() + "; the database key was changed: copies of the key "
                    + "file from before no longer open the records");
            if (removal.newRecoveryKey().isPresent()) {
                out.println("New recovery key (the old one no longer works; shown once; print it and keep "
                        + "it locked away):");
                out.println(removal.newRecoveryKey().get());
            }
        }
    }

    /** {@code clinician reset-password NAME --new-password-file FILE}. */
    @Command(name = "reset-password", sortOptions = false, header = "Set a new password for a clinician",
            description = "For a clinician who forgot hers: she signs in with the password on the first line of "
                    + "--new-password-file and can then change it.")
    static final class ResetPassword extends PasswordCommand {

        @Parameters(paramLabel = "NAME", description = "her user name")
        String name;

        @Option(names = "--new-password-file", required = true, paramLabel = "FILE",
                description = "a file whose first line is her new password")
        Path newPasswordFile;

        @Mixin(name = CommandOptions.NAME)
        CommandOptions options;

        @Override
        Path newPasswordFile() {
            return newPasswordFile;
        }

        @Override
        void run(AccountService accounts, PrintStream out) throws Exception {
            Clinician who = find(accounts, name);
            withNewPassword("cannot set the password:", password -> {
                accounts.resetPassword(who.id(), password);
                return who;
            });
            out.println("Set a new password for " + who.username());
        }
    }

    /**
     * What the subcommands share: the administrator signs in as for every command (the accounts service
     * refuses anyone else), and each works on the clinic's accounts, printing what it did.
     */
    abstract static class AccountCommand implements DataCommand {

        @Override
        public boolean worksOnServer() {
            return true;
        }

        @Override
        public FolderUse folderUse() {
            return FolderUse.CREATE;
        }

        @Override
        public final void run(CommandContext context) throws Exception {
            run(context.services().accounts(), context.out());
        }

        abstract void run(AccountService accounts, PrintStream out) throws Exception;
    }

    /** A subcommand that sets the password on the first line of its {@code --new-password-file}. */
    abstract static class PasswordCommand extends AccountCommand {

        abstract Path newPasswordFile();

        @Override
        public void check(Path dataFolder) {
            // read before anything is opened: a missing file is refused without a sign-in
            wipe(Credentials.readFirstLine(newPasswordFile()));
        }

        /** Reads the new password and sets it; a password refused says what is wrong under the heading. */
        <T> T withNewPassword(String heading, PasswordChange<T> change) throws Exception {
            try {
                return change.apply(Credentials.readFirstLine(newPasswordFile()));
            } catch (ValidationException e) {
                throw refused(heading, e);
            }
        }
    }

    /** A change that sets a new password. */
    @FunctionalInterface
    interface PasswordChange<T> {
        T apply(char[] password) throws Exception;
    }

    /** The current clinician of that user name (administrators only: listing them is). */
    private static Clinician find(AccountService accounts, String name) {
        String user = KeyFile.normalUser(name);
        return accounts.clinicians().stream().filter(c -> c.username().equals(user)).findFirst()
                .orElseThrow(() -> CommandRefused.invalid("no clinician " + user + " here; see clinician list"));
    }

    private static CommandRefused refused(String heading, ValidationException e) {
        StringBuilder message = new StringBuilder(heading);
        for (Violation problem : e.violations()) {
            message.append(System.lineSeparator()).append("  ").append(problem.field()).append(": ")
                    .append(Messages.format(problem.messageKey(), problem.arguments().toArray()));
        }
        return CommandRefused.invalid(message.toString());
    }

    /** Wipes a password read only to check that its file is there. */
    private static void wipe(char[] secret) {
        Arrays.fill(secret, '\0');
    }
}
