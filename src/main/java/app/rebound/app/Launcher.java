package app.rebound.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rebound.cli.CommandEnvironment;
import app.rebound.cli.Commands;
import app.rebound.domain.Messages;
import app.rebound.service.ProductInfo;
import app.rebound.store.FilePermissions;
import app.rebound.store.H2Lockdown;

/**
 * The program's entry point. It does not extend {@code Application}, so the jar runs on the
 * plain class path: {@code java -jar target/rebound.jar}. With a command name among the arguments
 * it runs that command without a window ({@code java -jar rebound.jar readiness --patient ID}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // before any H2 class initialises: H2 reads its list of loadable classes once
        H2Lockdown.apply();
        if (!LaunchOptions.namesCommand(List.of(args))) {
            LaunchOptions options;
            try {
                options = LaunchOptions.parse(List.of(args));
            } catch (LaunchOptions.UsageException e) {
                System.err.println(e.getMessage());
                System.err.print(LaunchOptions.USAGE);
                System.exit(1);
                return;
            }
            if (!options.help() && !options.version()) {
                // the texts (50 KB of properties) are read while JavaFX starts, not by the first window
                Thread texts = new Thread(Messages::bundle, "rebound-texts");
                texts.setDaemon(true);
                texts.start();
                Path dataFolder = DataFolder.resolve(options.dataDir());
                WindowDatabase database;
                try {
                    database = WindowDatabase.choose(options.database(), System.getenv(), dataFolder);
                } catch (LaunchOptions.UsageException e) {
                    System.err.println(e.getMessage());
                    System.exit(1);
                    return;
                }
                if (!options.smoke() && FrontDoor.knock(dataFolder)) {
                    System.out.println("Rebound is already open on this data folder: its window was brought to the front.");
                    System.exit(0);
                    return;
                }
                prepareEnvironment(dataFolder);
                // --smoke and --sign-in-from-env sign in with these (the same variables as the commands)
                boolean fromEnvironment = options.smoke() || options.signInFromEnvironment();
                ReboundApp.launch(dataFolder, database, options.smoke(), fromEnvironment ? System.getenv("REBOUND_USER") : null,
                        fromEnvironment ? System.getenv("REBOUND_PASSWORD") : null);
                return;
            }
        }
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs a command (or prints the help) without a window and returns the exit code: 0 done, 1 wrong
     * usage, 2 invalid input, 3 access refused, 4 any other failure, 5 audit trail broken, 6 no room
     * (see {@code cli.ExitCode}).
     *
     * @param environment the environment variables, for {@code REBOUND_HOME}
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        H2Lockdown.apply();
        List<String> arguments = List.of(args);
        if (!LaunchOptions.namesCommand(arguments)) {
            try {
                LaunchOptions options = LaunchOptions.parse(arguments);
                if (options.help()) {
                    out.print(help());
                    out.flush();
                    return 0;
                }
                if (options.version()) {
                    out.println(ProductInfo.versionLine());
                    out.flush();
                    return 0;
                }
                err.println("Name a command; see java -jar rebound.jar --help");
            } catch (LaunchOptions.UsageException e) {
                err.println(e.getMessage() + "; see java -jar rebound.jar --help");
            }
            return 1;
        }
        String os = System.getProperty("os.name", "");
        String home = System.getProperty("user.home", ".");
        CommandEnvironment commands = new CommandEnvironment(
                dataDir -> DataFolder.resolve(dataDir, environment, os, home),
                Launcher::prepareEnvironment, Clock.systemDefaultZone(), Locale.getDefault(), environment);
        return Commands.run(arguments, out, err, commands);
    }

    /** The window's options and the commands. */
    static String help() {
        return LaunchOptions.USAGE + Commands.overview();
    }

    /** Logging into the data folder, and quiet libraries; before anything logs. */
    static void prepareEnvironment(Path dataFolder) {
        try {
            // the folder, its logs and backups are the account's alone (700, files 600), also when made wider before
            FilePermissions.secureDataFolder(dataFolder);
            FilePermissions.createFolder(dataFolder.resolve("logs"));
            // the log appends to a file it finds; one it made itself would have the process's default permissions
            FilePermissions.createFile(dataFolder.resolve("logs").resolve("rebound.log"));
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be made or changed shows itself, with a message, when it is opened
        }
        System.setProperty("rebound.logDir", dataFolder.resolve("logs").toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }
}
