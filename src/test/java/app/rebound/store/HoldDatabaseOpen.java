package app.rebound.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import app.rebound.TestKeys;

/**
 * Run in a second JVM by {@link DatabaseTest}: opens the database in the folder given as the
 * argument, says "open", and keeps it open until its standard input closes.
 */
public final class HoldDatabaseOpen {

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        // a clinic's folder opens with its clinician's password; a bare database with the test key
        try (AutoCloseable database = KeyFile.existsIn(folder)
                ? TestKeys.signIn(folder, Clock.systemUTC(), Locale.UK)
                : Database.open(folder, TestKeys.KEY)) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our input
            }
        }
    }
}
