package app.rebound.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import app.rebound.service.ImportBenchmark;
import app.rebound.service.Services;

/**
 * Prepares the small data folders of the suite, in a JVM of its own:
 * {@code SmallClinic samples FOLDER} (the shipped sample patients; prints "PATIENT id" for each),
 * {@code SmallClinic empty FOLDER} (migrated, no patients, the welcome offer already answered),
 * {@code SmallClinic import-file FILE} (the 10,000-patient, 50,000-visit record file of the import benchmark).
 */
public final class SmallClinic {

    private SmallClinic() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[1]);
        switch (args[0]) {
            case "samples", "empty" -> {
                try (Services services = BenchClinic.open(path)) {
                    services.settings().markSamplesOffered();
                    if (args[0].equals("samples")) {
                        services.records().importSamples();
                        services.patients().search("", false).patients()
                                .forEach(p -> System.out.println("PATIENT " + p.id()));
                    }
                }
            }
            case "import-file" -> {
                Files.createDirectories(path.getParent());
                Files.write(path, ImportBenchmark.generate(10_000, 5, 1));
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
