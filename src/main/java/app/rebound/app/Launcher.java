package app.rebound.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The program's entry point. It does not extend {@code Application}, so the jar runs on the
 * plain class path: {@code java -jar target/rebound.jar}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (LaunchOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(1);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        Path dataFolder = DataFolder.resolve(options.dataDir());
        prepareEnvironment(dataFolder);
        ReboundApp.launch(dataFolder, options.smoke());
    }

    /** Logging into the data folder, and quiet libraries; before anything logs. */
    static void prepareEnvironment(Path dataFolder) {
        System.setProperty("rebound.logDir", dataFolder.resolve("logs").toString());
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }
}
