package app.rebound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.FilePermissions;
import app.rebound.store.KeyFile;
import app.rebound.store.PasswordKdf;
import app.rebound.store.RecipientStore;

/**
 * Keys and clinics for tests. {@link #KEY} opens a database on its own (store and service tests);
 * {@link #clinic} sets a folder up as a clinic does (key file, an administrator signed in), with
 * fewer PBKDF2 iterations than real passwords get so that hundreds of tests stay quick.
 * <p>
 * Creating a database runs every migration, which costs many times what opening one does. So
 * {@link #database}, {@link #services} and {@link #clinicFolder} copy the files of a database (or a
 * clinic) made once per test process, the same way and at the same fixed time, into the test's folder and
 * open that: the same schema and rows, only the random keys and ids are shared between the tests of one
 * process. A test about making a database or setting a clinic up calls the real thing.
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

    /** Folders made once per process, to be copied: an empty database under {@link #KEY}, and set-up clinics. */
    private static final Map<String, Path> TEMPLATES = new HashMap<>();
    private static Path templates;

    private TestKeys() {
    }

    /** As {@code Database.open(folder, KEY)}: the database in {@code folder}, a new, empty one if it holds none. */
    public static Database database(Path folder) {
        if (!Database.existsIn(folder)) {
            copy(emptyDatabase(), folder);
        }
        return Database.open(folder, KEY);
    }

    /** As {@code Services.open(folder, KEY, clock, locale)}: on a new, empty database if {@code folder} holds none. */
    public static Services services(Path folder, Clock clock, Locale locale) {
        if (!Database.existsIn(folder)) {
            copy(emptyDatabase(), folder);
        }
        return Services.open(folder, KEY, clock, locale);
    }

    /**
     * Sets {@code folder} up as {@link #clinic} does, and leaves it closed. With a fixed clock it is a copy
     * of a clinic set up once per process at the same time; with a running clock, a clinic set up now.
     */
    public static void clinicFolder(Path folder, Clock clock, Locale locale) {
        if (!clock.equals(Clock.fixed(clock.instant(), clock.getZone()))) {
            clinic(folder, clock, locale).close();
            return;
        }
        copy(template("clinic " + clock + " " + locale.toLanguageTag(), template -> clinic(template, clock, locale)),
                folder);
    }

    private static Path emptyDatabase() {
        return template("database", empty -> Database.open(empty, KEY));
    }

    private static synchronized Path template(String name, Function<Path, ? extends AutoCloseable> make) {
        return TEMPLATES.computeIfAbsent(name, key -> {
            try {
                if (templates == null) {
                    templates = Files.createTempDirectory("rebound-templates");
                    Path made = templates;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
                }
                Path folder = templates.resolve(Integer.toString(TEMPLATES.size()));
                make.apply(folder).close();
                return folder;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot make the template " + key, e);
            }
        });
    }

    /** Copies the files of {@code template} into {@code folder}, made owner-only as the program makes it. */
    private static void copy(Path template, Path folder) {
        try {
            if (Database.existsIn(folder)) {
                throw new IllegalStateException("The folder holds a database already");
            }
            FilePermissions.createFolder(folder);
            try (Stream<Path> files = Files.list(template)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, folder.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
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
