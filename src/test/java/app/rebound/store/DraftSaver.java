package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;

/**
 * Run in a second JVM by {@link VisitKillTest}: {@code DraftSaver <folder> <first save> [<visit id>]}.
 * Prints "opening", opens the services on the encrypted database in the folder with the key in the
 * environment variable {@value #KEY_VARIABLE} (hex of its 32 bytes; never from a file), then, without a
 * visit id, adds a patient and a visit. It prints "visit &lt;id&gt;" once the database is open and the visit
 * is there, then saves the visit over and over, numbering the saves from {@code first save} on: save n
 * has notes "save n", a left calf raise of {@link #left n mod 201} and a right one of
 * {@link #right (n / 201) mod 201} repetitions, and a PSFS score of n mod 11, all in one save; it prints
 * "confirmed n" after save n has returned. It stops by itself after a few minutes, or as soon as its
 * standard input closes, so that a lost test leaves nothing running. Exit 2: no key was given.
 */
public final class DraftSaver {

    /** The environment variable the database key comes in, as hex. */
    static final String KEY_VARIABLE = "REBOUND_TEST_DATABASE_KEY";

    /** Far longer than any test waits before killing it. */
    private static final Duration MAX_RUN = Duration.ofMinutes(3);

    private DraftSaver() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        watchInput(System.in);
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        String hex = System.getenv(KEY_VARIABLE);
        if (hex == null || hex.isBlank()) {
            System.err.println("no database key in " + KEY_VARIABLE);
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        out.println("opening");
        out.flush();
        Services services = Services.open(folder, key(hex), Clock.systemDefaultZone(), Locale.UK);
        Visit visit;
        if (args.length > 2) {
            visit = new VisitStore(services.database()).find(UUID.fromString(args[2])).orElseThrow();
        } else {
            Patient patient = services.patients().save(PatientFixture.patient("Zo\u00EB", "\u00D8deg\u00E5rd").build());
            visit = services.visits().start(patient.id(), false);
        }
        out.println("visit " + visit.id());
        out.flush();
        for (int n = first; System.nanoTime() < deadline; n++) {
            Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
            strength.put(StrengthTest.CALF_RAISE, Sides.of(left(n), right(n)));
            Visit next = VisitFixture.withOutcomes(
                    VisitFixture.withStrength(VisitFixture.withNotes(visit, "save " + n), strength),
                    new Outcomes(List.of(new PsfsItem("Running", n % 11)), null, null));
            visit = services.visits().save(next).visit();
            out.println("confirmed " + n);
            out.flush();
        }
        services.close();
    }

    /** The left calf raise of save n (0–200 repetitions, as the form allows). */
    static int left(int n) {
        return n % 201;
    }

    /** The right calf raise of save n: with {@link #left} it tells saves 0–40,400 apart. */
    static int right(int n) {
        return n / 201 % 201;
    }

    /** The key as the child gets it: hex of its bytes. */
    static String hex(DatabaseKey key) {
        return HexFormat.of().formatHex(key.bytes());
    }

    static DatabaseKey key(String hex) {
        return DatabaseKey.of(HexFormat.of().parseHex(hex.strip()));
    }

    private static void watchInput(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() != -1) {
                    // wait for the test to close our input, or to go away
                }
            } catch (IOException e) {
                // the same as closed
            }
            Runtime.getRuntime().halt(3);
        }, "input-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
