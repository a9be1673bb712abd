package app.rebound.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import app.rebound.domain.Clinician;
import app.rebound.service.Services;

/**
 * Removing a clinician, which re-encrypts the whole database under a new key (a checked copy, then an
 * atomic swap): {@code RotationBenchmark FOLDER}, on a copy of a generated clinic (the suite makes it).
 * Adds a clinician, then times her removal as the administrator's command does it, records open.
 * Prints "RESULT rotate.ms N" and "RESULT database.mb N".
 */
public final class RotationBenchmark {

    private RotationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        try (Services services = BenchClinic.open(folder)) {
            Clinician leaving = services.accounts().add("leaving-" + Long.toString(System.currentTimeMillis(), 36), "Leaving Clinician",
                    "a long enough password 1".toCharArray(), false);
            long start = System.nanoTime();
            services.accounts().remove(leaving.id());
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "RESULT rotate.ms %.3f%n", ms);
            System.out.printf(Locale.ROOT, "RESULT database.mb %.3f%n",
                    Files.size(folder.resolve("rebound.mv.db")) / 1e6);
        }
    }
}
