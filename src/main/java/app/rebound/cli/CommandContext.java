package app.rebound.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.service.SignInDelayedException;
import app.rebound.service.WrongPasswordException;
import app.rebound.store.ServerAddress;

/** The data folder of one command, its services (opened when first asked for) and where it prints. */
final class CommandContext implements AutoCloseable {

    private final Path folder;
    /** The clinic's server ({@code --database}), null for the records of the data folder. */
    private final ServerAddress server;
    private final PrintStream out;
    private final CommandEnvironment environment;
    private final CredentialsOption credentials;
    private Services services;

    CommandContext(Path folder, ServerAddress server, PrintStream out, CommandEnvironment environment,
            CredentialsOption credentials) {
        this.folder = folder;
        this.server = server;
        this.out = out;
        this.environment = environment;
        this.credentials = credentials;
    }

    Locale locale() {
        return environment.locale();
    }

    /** The user name and password the command was given (options, else environment). */
    Credentials credentials() {
        return Credentials.of(credentials, environment.variables());
    }

    /** The environment variables the command was given. */
    Map<String, String> variables() {
        return environment.variables();
    }

    /** Services opened by the command itself (init), closed with the context. */
    void adopt(Services opened) {
        services = opened;
    }

    Path folder() {
        return folder;
    }

    /** The clinic's server the command works on, empty for the records of the data folder. */
    Optional<ServerAddress> server() {
        return Optional.ofNullable(server);
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
            Credentials who = credentials();
            ClinicAccess access = new ClinicAccess(environment.clock(), environment.locale());
            services = signedIn(() -> server != null ? access.signInOnServer(server, who.user(), who.password())
                    : access.signIn(folder, who.user(), who.password()));
        }
        return services;
    }

    /** A sign-in of a command. */
    interface SignIn {
        Services run() throws IOException;
    }

    /** Runs {@code signIn}, refusing the command in the commands' words when the password is wrong or delayed. */
    static Services signedIn(SignIn signIn) {
        try {
            return signIn.run();
        } catch (WrongPasswordException e) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, "the user name or the password is wrong");
        } catch (SignInDelayedException e) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
