package app.rebound.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import app.rebound.service.DemoDataService;
import app.rebound.service.Services;
import app.rebound.store.PatientStore;
import app.rebound.store.RecordStore;

/**
 * Writes a generated clinic into an empty data folder, in a JVM of its own, with the demo-data
 * generator ({@link DemoDataService}: 1 to 60 visits a patient, deterministic by seed):
 * {@code ClinicData FOLDER PATIENTS AVERAGE_VISITS}. Prints progress and, last, "RESULT patients N"
 * and "RESULT visits N".
 */
public final class ClinicData {

    static final long SEED = 1;

    private ClinicData() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int patients = Integer.parseInt(args[1]);
        double averageVisits = Double.parseDouble(args[2]);
        long start = System.nanoTime();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Services services = BenchClinic.open(folder)) {
            services.settings().markSamplesOffered();
            DemoDataService demo = new DemoDataService(new PatientStore(services.database()),
                    new RecordStore(services.database()), Clock.systemDefaultZone());
            int step = Math.max(DemoDataService.CHUNK, patients / 20);
            DemoDataService.Added added = demo.add(patients, SEED, averageVisits, written -> {
                if (written % step == 0 || written == patients) {
                    System.out.printf(Locale.ROOT, "  %,d of %,d patients written (%.0f s)%n", written, patients,
                            (System.nanoTime() - start) / 1e9);
                }
            });
            System.out.printf(Locale.ROOT, "clinic of %,d patients, %,d visits written in %.0f s%n", added.patients(),
                    added.visits(), (System.nanoTime() - start) / 1e9);
            services.closeCompacted();
            System.out.printf(Locale.ROOT, "compacted in %.0f s%n", (System.nanoTime() - start) / 1e9);
            System.out.println("RESULT patients " + added.patients());
            System.out.println("RESULT visits " + added.visits());
        }
    }
}
