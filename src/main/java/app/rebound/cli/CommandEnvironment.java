package app.rebound.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the composition root gives the commands: where the data folder is for a {@code --data-dir}
 * value (null when none was given), how to set up logging in it, the clock and the locale.
 *
 * @param dataFolder resolves {@code --data-dir} (or null) against REBOUND_HOME and the default folder
 * @param prepare    sets up logging in the data folder; called only once the command will use it
 * @param variables  the environment variables, for REBOUND_USER and REBOUND_PASSWORD
 */
public record CommandEnvironment(Function<String, Path> dataFolder, Consumer<Path> prepare, Clock clock,
        Locale locale, Map<String, String> variables) {

    /** With no environment variables (no credentials from the environment). */
    public CommandEnvironment(Function<String, Path> dataFolder, Consumer<Path> prepare, Clock clock, Locale locale) {
        this(dataFolder, prepare, clock, locale, Map.of());
    }
}
