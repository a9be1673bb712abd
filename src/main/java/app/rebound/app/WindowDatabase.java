package app.rebound.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import app.rebound.service.ServerChoice;
import app.rebound.store.ServerAddress;

/**
 * Which records the window opens: {@code --database URL} wins over {@code REBOUND_DATABASE}, which wins over
 * the server chosen at the window's first start (kept in the data folder), which wins over the records of
 * this computer's data folder (the embedded, encrypted database).
 *
 * @param server the clinic's server, or null for the records of the data folder
 */
public record WindowDatabase(ServerChoice server, Source source) {

    /** Where the choice came from. */
    public enum Source {
        /** {@code --database}. */
        OPTION,
        /** {@code REBOUND_DATABASE}. */
        ENVIRONMENT,
        /** Chosen in the window, kept in the data folder. */
        SAVED,
        /** Nothing chosen: this computer's records. */
        THIS_COMPUTER
    }

    /**
     * @throws LaunchOptions.UsageException when the option or the environment variable holds an address that
     *                                      is not one (the message says which, and how to write it)
     */
    public static WindowDatabase choose(String option, Map<String, String> environment, Path dataFolder)
            throws LaunchOptions.UsageException {
        if (option != null) {
            return new WindowDatabase(parse(option, "--database"), Source.OPTION);
        }
        String variable = environment.get(ServerAddress.ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new WindowDatabase(parse(variable, ServerAddress.ENVIRONMENT_VARIABLE), Source.ENVIRONMENT);
        }
        Optional<ServerChoice> saved = ServerChoice.saved(dataFolder);
        return saved.map(choice -> new WindowDatabase(choice, Source.SAVED))
                .orElseGet(() -> new WindowDatabase(null, Source.THIS_COMPUTER));
    }

    private static ServerChoice parse(String address, String where) throws LaunchOptions.UsageException {
        try {
            return ServerChoice.parse(address);
        } catch (IllegalArgumentException e) {
            throw new LaunchOptions.UsageException(where + ": " + e.getMessage());
        }
    }

    /** Whether the window may change the choice (one given by the option or the environment stays as given). */
    public boolean changeable() {
        return source == Source.SAVED || source == Source.THIS_COMPUTER;
    }
}
