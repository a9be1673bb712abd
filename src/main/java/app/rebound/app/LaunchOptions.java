package app.rebound.app;

import java.util.List;

import app.rebound.cli.CommandName;

/**
 * What the window was started with: {@code --data-dir DIR} (or {@code --data-dir=DIR}), {@code --database URL}
 * and {@code --smoke}. Kept tiny and reflection-free so that start-up stays fast; a command name among
 * the arguments sends them to the headless commands instead (see {@link #namesCommand}).
 */
public record LaunchOptions(String dataDir, boolean smoke, boolean help, boolean signInFromEnvironment,
        boolean version, String database) {

    /** Without {@code --database}. */
    public LaunchOptions(String dataDir, boolean smoke, boolean help, boolean signInFromEnvironment, boolean version) {
        this(dataDir, smoke, help, signInFromEnvironment, version, null);
    }

    public static final String USAGE = """
            Usage: java -jar rebound.jar [--data-dir DIR] [--database URL] [--smoke]   start the window
                   java -jar rebound.jar COMMAND [--data-dir DIR] [OPTIONS...]   work without the window

              --data-dir DIR   keep the records in DIR (default: $REBOUND_HOME, else ~/.rebound)
              --database URL   open the clinic's records on its PostgreSQL server, postgresql://HOST[:PORT]/DB
                               (default: $REBOUND_DATABASE, else the choice made at the window's first
                               start, else the records in the data folder); each clinician signs in with
                               her own login; no password is kept on this computer
              --smoke          start, print "first frame: N ms" when the first window is drawn, then exit;
                               with $REBOUND_USER and $REBOUND_PASSWORD set, sign in first and print
                               "patients shown: N ms" when the first page of patients is drawn
              --sign-in-from-env
                               sign in with $REBOUND_USER and $REBOUND_PASSWORD instead of asking
                               (for scripts and measurements; keep passwords out of everyday settings)
              --help           show this help
              --version        show the version, the build and the Java runtime
            """;

    /** Thrown for arguments that make no sense; the message says which. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Whether the arguments name a command: the first argument that is neither an option nor the
     * folder of {@code --data-dir} is taken as a command name (an unknown one is reported as such).
     */
    public static boolean namesCommand(List<String> args) {
        return CommandName.in(args).isPresent();
    }

    public static LaunchOptions parse(List<String> args) throws UsageException {
        String dataDir = null;
        boolean smoke = false;
        boolean help = false;
        boolean fromEnvironment = false;
        boolean version = false;
        String database = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new UsageException("--data-dir needs a folder, e.g. --data-dir /path/to/folder");
                }
                dataDir = args.get(++i);
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = arg.substring("--data-dir=".length());
                if (dataDir.isBlank()) {
                    throw new UsageException("--data-dir needs a folder, e.g. --data-dir=/path/to/folder");
                }
            } else if (arg.equals("--database")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new UsageException("--database needs the server's address, e.g. --database "
                            + "postgresql://db.clinic.example/rebound");
                }
                database = args.get(++i);
            } else if (arg.startsWith("--database=")) {
                database = arg.substring("--database=".length());
                if (database.isBlank()) {
                    throw new UsageException("--database needs the server's address, e.g. --database="
                            + "postgresql://db.clinic.example/rebound");
                }
            } else if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--sign-in-from-env")) {
                fromEnvironment = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version") || arg.equals("-V")) {
                version = true;
            } else {
                throw new UsageException("Unknown option: " + arg);
            }
        }
        return new LaunchOptions(dataDir, smoke, help, fromEnvironment, version, database);
    }
}
