package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;
import app.rebound.service.Services;

/**
 * Run in a second JVM by {@link VisitKillTest}: opens the services on the folder given as the
 * argument, adds a patient and a visit (prints "visit &lt;id&gt;"), then saves the visit over and
 * over, the n-th time with notes "save n", min(n, 200) repetitions of the left calf raise and a PSFS
 * score of n mod 11, and prints "confirmed n" after each save has returned. It stops by itself after
 * a few minutes, or as soon as its standard input closes, so that a lost test leaves nothing running.
 */
public final class DraftSaver {

    /** Far longer than any test waits before killing it. */
    private static final Duration MAX_RUN = Duration.ofMinutes(3);

    private DraftSaver() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        watchInput(System.in);
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        Services services = Services.open(Path.of(args[0]), app.rebound.TestKeys.KEY, Clock.systemDefaultZone(), Locale.UK);
        Patient patient = services.patients().save(PatientFixture.patient("Zo\u00EB", "\u00D8deg\u00E5rd").build());
        Visit visit = services.visits().start(patient.id(), false);
        out.println("visit " + visit.id());
        out.flush();
        for (int n = 1; System.nanoTime() < deadline; n++) {
            Map<StrengthTest, Sides<Integer>> strength = new EnumMap<>(StrengthTest.class);
            strength.put(StrengthTest.CALF_RAISE, Sides.of(Math.min(n, 200), 20));
            Visit next = VisitSamples.withOutcomes(
                    VisitSamples.withStrength(VisitSamples.withNotes(visit, "save " + n), strength),
                    new Outcomes(List.of(new PsfsItem("Running", n % 11)), null, null));
            visit = services.visits().save(next).visit();
            out.println("confirmed " + n);
            out.flush();
        }
        services.close();
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
