package app.rebound.cli;

import java.nio.file.Path;
import java.util.UUID;

import app.rebound.service.ProgressService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code report --patient ID --out FILE.pdf}: a patient's progress report. */
@Command(name = "report", sortOptions = false,
        header = "Write a patient's progress report (PDF)",
        description = "Write a patient's progress report as PDF: the current stage with the readiness criteria, "
                + "the clinician's summary, first versus latest visit, every visit and every chart with data.")
final class ReportCommand implements DataCommand {

    @Option(names = "--patient", paramLabel = "ID", required = true, description = "the patient's id")
    String patient;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "the PDF file to write")
    Path out;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    private UUID patientId;
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
        patientId = Ids.patient(patient);
        file = OutputFile.check(out);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        ChosenVisit.patient(context.services(), patientId);
        ProgressService progress = context.services().progress();
        ProgressService.Progress loaded = progress.load(patientId);
        progress.writeReport(loaded, file);
        context.out().println("Wrote the progress report of patient " + patientId + " (" + loaded.visits().size()
                + (loaded.visits().size() == 1 ? " visit" : " visits") + ") to " + file);
    }
}
