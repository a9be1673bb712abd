package app.rebound.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Rebound keeps its database and logs: {@code --data-dir} wins over the environment
 * variable {@code REBOUND_HOME}, which wins over the usual per-user place of the operating system
 * ({@code ~/.rebound} on Linux, {@code %APPDATA%\Rebound} on Windows,
 * {@code ~/Library/Application Support/Rebound} on macOS).
 */
public final class DataFolder {

    public static final String ENVIRONMENT_VARIABLE = "REBOUND_HOME";

    private DataFolder() {
    }

    public static Path resolve(String dataDirOption) {
        return resolve(dataDirOption, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static Path resolve(String dataDirOption, Map<String, String> environment, String osName, String userHome) {
        if (dataDirOption != null && !dataDirOption.isBlank()) {
            return Path.of(dataDirOption).toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Rebound");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Rebound");
        }
        return Path.of(userHome, ".rebound");
    }
}
