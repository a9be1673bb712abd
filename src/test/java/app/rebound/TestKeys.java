package app.rebound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;
import app.rebound.store.PasswordKdf;
import app.rebound.store.RecipientStore;

/**
 * Keys and clinics for tests. {@link #KEY} opens a database on its own (store and service tests);
 * {@link #clinic} sets a folder up as a clinic does (key file, an administrator signed in), with
 * fewer PBKDF2 iterations than real passwords get so that hundreds of tests stay quick.
 */
public final class TestKeys {

    /** A fixed database key for databases the tests open directly. */
    public static final DatabaseKey KEY = DatabaseKey.of(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

    public static final String USER = "anna";
    public static final String PASSWORD = "correct horse battery";
    public static final String DISPLAY_NAME = "Anna Physio";
    public static final String CLINIC = "Test Clinic";
    /** Few iterations: the tests are about behaviour, not about the cost of guessing. */
    public static final int ITERATIONS = 1_000;

    private TestKeys() {
    }

    /** Sets {@code folder} up as a clinic and returns its services, {@link #USER} signed in. */
    public static Services clinic(Path folder, Clock clock, Locale locale) {
        try {
            return new ClinicAccess(clock, locale, ITERATIONS).setUp(folder, new ClinicAccess.NewClinic(CLINIC, USER,
                    DISPLAY_NAME, PASSWORD.toCharArray())).services();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Services clinic(Path folder) {
        return clinic(folder, Clock.systemDefaultZone(), Locale.UK);
    }

    /**
     * Rewraps {@link #USER}'s entry of a folder set up by {@link #clinic} at the production cost, for a
     * program started in a process of its own, which has no test seam (it refuses fewer iterations).
     */
    public static void atProductionCost(Path folder) {
        try {
            KeyFile keys = KeyFile.readFrom(folder);
            DatabaseKey key = keys.unwrap(USER, PASSWORD.toCharArray()).orElseThrow();
            PasswordKdf.lowerFloorForTests(PasswordKdf.FLOOR);
            try {
                KeyFile rewrapped = keys.withClinician(USER, PASSWORD.toCharArray(), key);
                rewrapped.writeTo(folder);
                // her new key pairs are registered in the database, as a password change does: the rows she
                // signs from now on must verify
                try (Database database = Database.openExisting(folder, key)) {
                    new RecipientStore(database).register(rewrapped, USER,
                            OffsetDateTime.now());
                }
            } finally {
                PasswordKdf.lowerFloorForTests(ITERATIONS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs {@link #USER} in to a folder set up by {@link #clinic}. */
    public static Services signIn(Path folder, Clock clock, Locale locale) {
        try {
            return new ClinicAccess(clock, locale, ITERATIONS).signIn(folder, USER, PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
