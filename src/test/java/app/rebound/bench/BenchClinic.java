package app.rebound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.store.KeyFile;
import app.rebound.store.ServerAddress;

/**
 * The benchmarks' clinics are set up as a clinic sets up (real PBKDF2 cost, encrypted database), and
 * every child process signs in with these credentials through the environment, as a clinic's scripts do.
 */
final class BenchClinic {

    static final String USER = "bench";
    static final String PASSWORD = "benchmark clinic password";
    static final Map<String, String> CREDENTIALS = Map.of("REBOUND_USER", USER, "REBOUND_PASSWORD", PASSWORD);

    private BenchClinic() {
    }

    /** The services on a clinic's server, signed in with REBOUND_USER and REBOUND_PASSWORD. */
    static Services onServer(String address) {
        return new ClinicAccess(Clock.systemDefaultZone(), Locale.UK).signInOnServer(ServerAddress.parse(address),
                System.getenv("REBOUND_USER"), System.getenv("REBOUND_PASSWORD").toCharArray());
    }

    /** The folder's services, signed in; the clinic is set up first if the folder has none. */
    static Services open(Path folder) throws IOException {
        ClinicAccess access = new ClinicAccess(Clock.systemDefaultZone(), Locale.UK);
        if (Files.exists(folder.resolve(KeyFile.FILE_NAME))) {
            return access.signIn(folder, USER, PASSWORD.toCharArray());
        }
        return access.setUp(folder, new ClinicAccess.NewClinic("Benchmark clinic", USER, "Bench Marker",
                PASSWORD.toCharArray())).services();
    }
}
