package app.rebound.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export [--patient ID]... --out FILE.json}: patients and their visits as a record file. */
@Command(name = "export", sortOptions = false,
        header = "Write patients and their visits to a record file (JSON)",
        description = "Write patients with their visits and programmes to a record file (JSON, see "
                + "record-format.md): the patients named by --patient, or all of them (archived ones too).")
final class ExportCommand implements DataCommand {

    @Option(names = "--patient", paramLabel = "ID",
            description = "a patient to export; repeat for several (default: every patient)")
    List<String> patients = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.json", required = true, description = "the record file to write")
    Path out;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    private final List<UUID> patientIds = new ArrayList<>();
    private Path file;

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public void check(Path dataFolder) {
        for (String patient : patients) {
            patientIds.add(Ids.patient(patient));
        }
        file = OutputFile.check(out);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        for (UUID id : patientIds) {
            ChosenVisit.patient(context.services(), id);
        }
        int written = context.services().records().export(patientIds, file);
        context.out().println("Exported " + Plural.patients(written) + " to " + file);
    }
}
