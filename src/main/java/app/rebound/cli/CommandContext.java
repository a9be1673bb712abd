package app.rebound.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import app.rebound.service.Services;

/** The data folder of one command, its services (opened when first asked for) and where it prints. */
final class CommandContext implements AutoCloseable {

    private final Path folder;
    private final PrintStream out;
    private final CommandEnvironment environment;
    private Services services;

    CommandContext(Path folder, PrintStream out, CommandEnvironment environment) {
        this.folder = folder;
        this.out = out;
        this.environment = environment;
    }

    Path folder() {
        return folder;
    }

    PrintStream out() {
        return out;
    }

    Clock clock() {
        return environment.clock();
    }

    /**
     * The services on the folder's database.
     *
     * @throws app.rebound.service.RecordsUnavailableException when it cannot be opened (in use, damaged)
     */
    Services services() {
        if (services == null) {
            services = Services.open(folder, environment.clock(), environment.locale());
        }
        return services;
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
