package app.rebound.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a second JVM by {@link DatabaseTest}: opens the database in the folder given as the
 * argument, says "open", and keeps it open until its standard input closes.
 */
public final class HoldDatabaseOpen {

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws IOException {
        try (Database database = Database.open(Path.of(args[0]), app.rebound.TestKeys.KEY)) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our input
            }
        }
    }
}
