package app.rebound.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import app.rebound.service.AutomaticBackups;
import app.rebound.service.FailureLog;
import app.rebound.service.NotAllowedException;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.ServerProblemException;
import app.rebound.store.ConcurrentChangeException;
import app.rebound.store.FolderLock;
import app.rebound.store.KeyFile;
import app.rebound.store.ServerAddress;
import app.rebound.store.StorageProblem;

/**
 * The headless commands of the jar ({@code java -jar rebound.jar COMMAND ...}) for the clinic's IT
 * staff: parsing with picocli, the data folder, and one exit code and one line on failure, never a
 * stack trace. Details of a failure go to the log, without patient data.
 */
public final class Commands {

    static final String IN_USE = "the records in %s are in use by another program (is Rebound open?); "
            + "close it and try again";

    static final String PROGRAM = "java -jar rebound.jar";

    private static final Map<String, String> EXIT_CODES = exitCodes();

    private final PrintStream out;
    private final PrintStream err;
    private final CommandEnvironment environment;

    private Commands(PrintStream out, PrintStream err, CommandEnvironment environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** The root: only the options every command shares, so they may come before the command name. */
    @Command(name = PROGRAM, description = "Work on the records of a data folder without the window.")
    static final class Root {
        @Mixin
        DataDirOption dataDir;

        @Mixin
        DatabaseOption database;

        @Mixin
        HelpOption help;
    }

    /**
     * Runs one command and returns its exit code (see {@link ExitCode}).
     *
     * @param args the arguments as given to the jar, the command name among them
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, CommandEnvironment environment) {
        Commands commands = new Commands(out, err, environment);
        CommandLine line = commands.commandLine(CommandName.in(args).orElse(null));
        int code = line.execute(args.toArray(String[]::new));
        out.flush();
        err.flush();
        return code;
    }

    /** The commands with a line each and the exit codes, for the top-level {@code --help}. */
    public static String overview() {
        CommandLine line = new Commands(System.out, System.err, null).commandLine(null);
        StringBuilder text = new StringBuilder();
        text.append("\nCommands (").append(PROGRAM).append(" COMMAND --help for each one):\n");
        text.append(line.getHelp().commandList());
        text.append("\nExit codes:\n");
        EXIT_CODES.forEach((code, meaning) -> text.append(String.format("  %-3s%s%n", code, meaning)));
        return text.toString();
    }

    /**
     * @param named the command named in the arguments: when it is one of ours, only it is added, because
     *              picocli reads every added command's options by reflection (a tenth of a second of
     *              each command's start); otherwise all are, to list them in help and errors
     */
    private CommandLine commandLine(String named) {
        CommandLine line = new CommandLine(new Root());
        List<DataCommand> all = List.of(new ImportCommand(), new ExportCommand(), new ReadinessCommand(),
                new ProgrammeCommand(), new HandoutCommand(), new ReportCommand(), new BackupCommand(), new RestoreCommand(),
                new DemoDataCommand(err), new InitCommand(), new AuditCommand(), new MigrateCommand(),
                new MoveToServerCommand());
        List<DataCommand> chosen = all.stream().filter(command -> name(command).equals(named)).toList();
        for (DataCommand command : chosen.isEmpty() ? all : chosen) {
            line.addSubcommand(command);
        }
        // a group of commands, each of its own a DataCommand
        if (chosen.isEmpty()) {
            line.addSubcommand(new ClinicianCommand());
        }
        for (CommandLine each : List.copyOf(line.getSubcommands().values())) {
            each.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
            for (CommandLine sub : each.getSubcommands().values()) {
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
            }
        }
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExpandAtFiles(false);
        line.setParameterExceptionHandler(this::usageError);
        line.setExecutionStrategy(this::execute);
        return line;
    }

    private static String name(DataCommand command) {
        return command.getClass().getAnnotation(Command.class).name();
    }

    private int usageError(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String message = firstLine(e.getMessage());
        // picocli checks required options before it reports what it did not know; the unknown comes first
        List<String> unknown = e instanceof UnmatchedArgumentException unmatched ? unmatched.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            if (first.startsWith("-")) {
                message = "Unknown option: '" + first + "'";
            } else if (spec.parent() == null) {
                message = "Unknown command: " + first + " (commands: " + String.join(", ", spec.subcommands().keySet())
                        + ")";
            } else {
                message = "Unexpected argument: '" + first + "'";
            }
        }
        err.println(message + "; see " + spec.qualifiedName() + " --help");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private int execute(ParseResult parsed) {
        ParseResult leaf = parsed;
        boolean help = parsed.isUsageHelpRequested();
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            help |= leaf.isUsageHelpRequested();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        if (help) {
            command.usage(out);
            out.flush();
            return ExitCode.OK.code();
        }
        if (!(leaf.commandSpec().userObject() instanceof DataCommand dataCommand)) {
            err.println("Name a command; see " + PROGRAM + " --help");
            return ExitCode.USAGE.code();
        }
        String name = leaf.commandSpec().name();
        Path folder = null;
        boolean prepared = false;
        try {
            folder = environment.dataFolder().apply(dataDir(parsed));
            Optional<ServerAddress> server = server(parsed);
            if (server.isPresent()) {
                return onServer(name, dataCommand, leaf, folder, server.get());
            }
            if (dataCommand.serverOnly()) {
                throw new CommandRefused(ExitCode.USAGE, name + " is for a clinic's server: give --database "
                        + "postgresql://HOST[:PORT]/DATABASE (the records of a data folder are brought up to date as "
                        + "they open)");
            }
            dataCommand.check(folder);
            DataCommand.FolderUse use = dataCommand.folderUse();
            if ((use == DataCommand.FolderUse.READ || use == DataCommand.FolderUse.CREATE)
                    && !DataPresence.isSetUp(folder)) {
                if (DataPresence.holdsEncryptedRecords(folder)) {
                    throw CommandRefused.invalid(keyFileMissing(folder));
                }
                throw CommandRefused.invalid(DataPresence.holdsRecords(folder)
                        ? "the records in " + folder + " are not encrypted yet; set the clinic up first: "
                                + PROGRAM + " init --clinic NAME --user NAME (or start Rebound)"
                        : "no Rebound data in " + folder + "; set a clinic up first: " + PROGRAM
                                + " init --clinic NAME --user NAME");
            }
            // one Rebound at a time on a folder: the window holds this lock from its start, before any
            // sign-in, while the database itself is not open yet (a restore under its feet would race)
            try (AutoCloseable held = lock(folder)) {
                environment.prepare().accept(folder);
                prepared = true;
                if (Files.isDirectory(folder)) {
                    // what a killed backup or write left (under the lock: nothing else writes here now)
                    AutomaticBackups.removeLeftovers(folder,
                            folder.resolve(AutomaticBackups.DEFAULT_FOLDER));
                }
                CommandSpec options = leaf.commandSpec().mixins().get(CommandOptions.NAME);
                CredentialsOption credentials = options == null ? null
                        : ((CommandOptions) options.userObject()).credentials;
                try (CommandContext context = new CommandContext(folder, null, out, environment, credentials)) {
                    dataCommand.run(context);
                }
            }
            out.flush();
            return ExitCode.OK.code();
        } catch (Throwable failure) {
            ExitCode code = failed(name, folder, prepared, failure);
            err.flush();
            return code.code();
        }
    }

    /**
     * Runs a command on the records of the clinic's server: no data folder of records is needed (the
     * folder keeps this workstation's log), nor its lock (the server serves several workstations at once).
     */
    private int onServer(String name, DataCommand command, ParseResult leaf, Path folder,
            ServerAddress server) throws Exception {
        if (!command.worksOnServer()) {
            throw CommandRefused.invalid(name + " works on the records of a data folder, not yet on a clinic's "
                    + "server (--database " + server + "); run it without --database and without REBOUND_DATABASE");
        }
        if (command.folderUse() != DataCommand.FolderUse.SET_UP) {
            // what the command checks of its ids and files; the data folder's own state is no matter here
            command.checkOnServer(folder);
        }
        environment.prepare().accept(folder);
        CommandSpec options = leaf.commandSpec().mixins().get(CommandOptions.NAME);
        CredentialsOption credentials = options == null ? null : ((CommandOptions) options.userObject()).credentials;
        try (CommandContext context = new CommandContext(folder, server, out, environment, credentials)) {
            command.run(context);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** The server of {@code --database} (before or after the command name), else of REBOUND_DATABASE, else none. */
    private Optional<ServerAddress> server(ParseResult parsed) {
        String found = null;
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            String value = p.matchedOptionValue(DatabaseOption.NAME, (String) null);
            if (value == null) {
                continue;
            }
            if (found != null && !found.equals(value)) {
                throw new CommandRefused(ExitCode.USAGE, "--database given twice, as " + found + " and " + value);
            }
            found = value;
        }
        try {
            return ServerAddress.chosen(found, environment.variables());
        } catch (IllegalArgumentException e) {
            throw new CommandRefused(ExitCode.USAGE, (found != null ? "--database: "
                    : ServerAddress.ENVIRONMENT_VARIABLE + ": ") + e.getMessage());
        }
    }

    /** The folder's lock (none for a folder not made yet), refused while another Rebound holds it. */
    private static AutoCloseable lock(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return () -> { };
        }
        return FolderLock.tryLock(folder).orElseThrow(
                () -> new CommandRefused(ExitCode.ACCESS_REFUSED, IN_USE.formatted(folder)));
    }

    /** The folder of {@code --data-dir} given before or after the command name (not both, unless equal). */
    private static String dataDir(ParseResult parsed) {
        String found = null;
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            String value = p.matchedOptionValue(DataDirOption.NAME, (String) null);
            if (value == null) {
                continue;
            }
            if (value.isBlank()) {
                throw new CommandRefused(ExitCode.USAGE, "--data-dir needs a folder, e.g. --data-dir /path/to/folder");
            }
            if (found != null && !found.equals(value)) {
                throw new CommandRefused(ExitCode.USAGE, "--data-dir given twice, as " + found + " and " + value);
            }
            found = value;
        }
        return found;
    }

    /** What to say when the folder holds encrypted records without their key file; nothing is changed. */
    static String keyFileMissing(Path folder) {
        return "the key file " + KeyFile.FILE_NAME + " is missing from " + folder + ", beside its "
                + "encrypted database: without it the records cannot be opened; nothing was changed. Put it back "
                + "from a backup of this folder (unzip -j BACKUP.zip " + KeyFile.FILE_NAME + " -d "
                + folder + "; the records open with it if their key has not changed since), or restore the backup: "
                + PROGRAM + " restore BACKUP.zip --force --data-dir " + folder + " (automatic backups are in "
                + folder.resolve("backups") + " unless Settings chose another folder)";
    }

    private ExitCode failed(String command, Path folder, boolean prepared, Throwable failure) {
        if (failure instanceof CommandRefused refused) {
            err.println(refused.getMessage());
            return refused.exitCode();
        }
        Optional<StorageProblem> disk = StorageProblem.in(failure);
        if (disk.isPresent() && !(failure instanceof RecordsUnavailableException unavailable && unavailable.inUse())) {
            // before any talk of damage: a full disk or a size limit leaves the records whole
            log(command, failure, prepared);
            err.println(diskProblem(command, disk.get(), find(failure, AccessDeniedException.class))
                    + details(folder, prepared));
            return disk.get() == StorageProblem.NOT_PERMITTED ? ExitCode.ACCESS_REFUSED
                    : ExitCode.NO_ROOM;
        }
        if (failure instanceof RecordsUnavailableException unavailable) {
            if (!unavailable.inUse()) {
                log(command, failure, prepared);
            }
            switch (unavailable.reason()) {
                case IN_USE -> {
                    err.println(IN_USE.formatted(folder));
                    return ExitCode.ACCESS_REFUSED;
                }
                case CANNOT_UPDATE -> err.println("the records in " + folder + " could not be brought up to date: "
                        + "they come from a newer Rebound, or they are damaged; nothing was changed");
                case CANNOT_OPEN -> err.println("the records in " + folder + " cannot be opened" + details(folder,
                        prepared));
                case MISSING -> err.println("the database file is missing from " + folder + "; restore a backup: "
                        + PROGRAM + " restore BACKUP.zip --force --data-dir " + folder);
                case KEY_FILE_MISSING -> err.println(keyFileMissing(folder));
                case FOREIGN -> err.println("the database in " + folder + " was not written by Rebound and is not "
                        + "opened: " + unavailable.getCause().getMessage() + "; nothing was changed; restore a backup: "
                        + PROGRAM + " restore BACKUP.zip --force --data-dir " + folder);
                case DAMAGED -> err.println("the database in " + folder + " is damaged or cut short; nothing was "
                        + "changed; restore a backup: " + PROGRAM + " restore BACKUP.zip --force --data-dir " + folder
                        + " (automatic backups are in " + folder.resolve("backups") + " unless Settings chose "
                        + "another folder)");
                case OTHER_KEY_FILE -> {
                    err.println("the key file in " + folder + " does not belong to its database (a key file from "
                            + "before a clinician was removed, or from another clinic); nothing was changed; put back "
                            + "the folder's own " + KeyFile.FILE_NAME);
                    return ExitCode.ACCESS_REFUSED;
                }
            }
            return ExitCode.FAILURE;
        }
        if (failure instanceof ServerProblemException server) {
            log(command, failure, prepared);
            // our own words about the server (address, versions, what to do): no patient data
            err.println(server.getMessage());
            return server.login() ? ExitCode.ACCESS_REFUSED : ExitCode.FAILURE;
        }
        ConcurrentChangeException changed = find(failure,
                ConcurrentChangeException.class);
        if (changed != null) {
            err.println(command + " refused: " + changed.getMessage() + "; nothing was written, run it again");
            return ExitCode.FAILURE;
        }
        KeyFile.RefusedKeyFileException refusedKeys = find(failure, KeyFile.RefusedKeyFileException.class);
        if (refusedKeys != null) {
            log(command, failure, prepared);
            // Rebound's own words: a user name and numbers, never patient data
            err.println("the key file in " + folder + " is refused, so nothing was opened and nothing was changed: "
                    + refusedKeys.getMessage());
            return ExitCode.ACCESS_REFUSED;
        }
        if (failure instanceof NotAllowedException notAllowed) {
            String message = notAllowed.getMessage();
            // the reason in brackets only where it is the reason (not for "You cannot remove your own account")
            err.println(message.toLowerCase(Locale.ROOT).charAt(0) + message.substring(1)
                    + (message.startsWith("Only an administrator") ? " (the user given is not an administrator)" : ""));
            return ExitCode.ACCESS_REFUSED;
        }
        AccessDeniedException denied = find(failure, AccessDeniedException.class);
        if (denied != null) {
            log(command, failure, prepared);
            err.println("access refused: " + denied.getFile());
            return ExitCode.ACCESS_REFUSED;
        }
        log(command, failure, prepared);
        // the kind of failure only: an exception's message may quote patient data
        err.println(command + " failed: " + failure.getClass().getSimpleName() + details(folder, prepared));
        return ExitCode.FAILURE;
    }

    private static String diskProblem(String command, StorageProblem problem,
            AccessDeniedException denied) {
        String unchanged = "; this is not damage: the records are as they were before the command, there is "
                + "nothing to restore";
        return switch (problem) {
            case FILE_TOO_LARGE -> command + " failed: a file would grow past the largest size allowed (a file size "
                    + "limit of this account, see ulimit -f, or the 4 GB of a FAT32 disk)" + unchanged
                    + "; raise the limit or write to another disk, then run the command again";
            case DISK_FULL -> command + " failed: the disk is full" + unchanged
                    + "; make room on the disk (or write to another one), then run the command again";
            case NOT_PERMITTED -> "access refused" + (denied != null && denied.getFile() != null
                    ? ": " + denied.getFile() : "") + ": " + command + " may not read or write a file it needs (its "
                    + "permissions, a read-only disk, or a symbolic link where Rebound writes a file)" + unchanged;
        };
    }

    private static void log(String command, Throwable failure, boolean prepared) {
        if (prepared) {
            FailureLog.log("run the " + command + " command", failure);
        }
    }

    private static String details(Path folder, boolean prepared) {
        return prepared && folder != null ? " (details in the log in " + folder.resolve("logs") + ")" : "";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Wrong usage";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "done");
        codes.put("1", "wrong usage (unknown command or option, missing option)");
        codes.put("2", "invalid input, nothing written (bad file, unknown patient or visit, no data in the folder)");
        codes.put("3", "access refused (the records are open in another program, or a file may not be written)");
        codes.put("4", "any other failure (details in the log in the data folder)");
        codes.put("6", "no room: the disk is full or a file would pass the size allowed (not damage; nothing "
                + "to restore)");
        return codes;
    }
}
