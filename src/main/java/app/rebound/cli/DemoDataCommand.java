package app.rebound.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import app.rebound.domain.demo.DemoPatients;
import app.rebound.service.DemoDataService;

/** {@code demo-data --patients N}: made-up patients and visits, for trying Rebound and for benchmarks. */
@Command(name = "demo-data", sortOptions = false,
        header = "Add made-up patients and visits, for trying Rebound and for benchmarks",
        description = "Add made-up patients with plausible visits: names in many scripts, 1 to 60 visits each, "
                + "one or two births, some archived, some ending on a draft, a red flag now and then. The same "
                + "--seed gives the same records. A data folder that already holds patients is refused unless "
                + "--add, so that a clinic's real records are not mixed with made-up ones by accident. Creates the "
                + "records if the data folder has none yet.")
final class DemoDataCommand implements DataCommand {

    static final int MAX_PATIENTS = 1_000_000;

    @Option(names = "--patients", required = true, paramLabel = "N",
            description = "how many patients to add (1 to " + MAX_PATIENTS + ")")
    int patients;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "the seed of the made-up records (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--average-visits", paramLabel = "A", defaultValue = "5",
            description = "the average number of visits a patient, 1 to 20 (default: ${DEFAULT-VALUE}); most "
                    + "have a few, some many")
    double averageVisits;

    @Option(names = "--add", description = "add to a data folder that already holds patients")
    boolean add;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    /** Where the progress goes: standard error, so that the summary alone is on standard output. */
    private final PrintStream progress;

    DemoDataCommand(PrintStream progress) {
        this.progress = progress;
    }

    @Override
    public FolderUse folderUse() {
        return FolderUse.CREATE;
    }

    @Override
    public void check(Path dataFolder) {
        if (patients < 1 || patients > MAX_PATIENTS) {
            throw usage("--patients must be 1 to " + MAX_PATIENTS);
        }
        if (!(averageVisits >= DemoPatients.MIN_AVERAGE_VISITS && averageVisits <= DemoPatients.MAX_AVERAGE_VISITS)) {
            throw usage("--average-visits must be 1 to 20");
        }
    }

    @Override
    public void run(CommandContext context) {
        DemoDataService demo = context.services().demoData();
        if (!add && demo.storedPatients() > 0) {
            throw CommandRefused.invalid(context.folder() + " already holds patients; add --add to add made-up "
                    + "patients to them");
        }
        long start = System.nanoTime();
        DemoDataService.Added added = demo.add(patients, seed, averageVisits, new Progress(patients, progress));
        // bulk writes leave old page copies behind: without this 100,000 patients took 12 GB instead of 0.5 GB
        context.services().closeCompacted();
        double seconds = (System.nanoTime() - start) / 1e9;
        context.out().println("Added " + Plural.patients(added.patients()) + " with " + added.visits()
                + (added.visits() == 1 ? " visit" : " visits") + " in " + String.format(Locale.ROOT, "%.1f", seconds)
                + " s");
    }

    private static CommandRefused usage(String message) {
        return new CommandRefused(ExitCode.USAGE, message + "; see " + Commands.PROGRAM + " demo-data --help");
    }

    /** A line on standard error each time another 5 % of the patients are written (not at the end). */
    private static final class Progress implements IntConsumer {
        private final int total;
        private final PrintStream err;
        private int shownPercent;

        Progress(int total, PrintStream err) {
            this.total = total;
            this.err = err;
        }

        @Override
        public void accept(int written) {
            int percent = (int) (written * 100L / total);
            if (written < total && percent >= shownPercent + 5) {
                shownPercent = percent - percent % 5;
                err.println("demo-data: " + written + " of " + total + " patients written (" + percent + " %)");
                err.flush();
            }
        }
    }
}
