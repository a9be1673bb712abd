package app.rebound.cli;

import java.nio.file.Path;
import java.util.UUID;

import app.rebound.service.ProgrammeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code handout --patient ID [--visit ID] --out FILE.pdf}: the home-programme handout of a visit. */
@Command(name = "handout", sortOptions = false,
        header = "Write the home-programme handout of a visit (PDF)",
        description = "Write the home-programme handout of a visit as PDF: its saved programme, or else the one "
                + "Rebound suggests for it. The visit is the patient's latest by date (drafts included) unless "
                + "--visit names one. A visit with a red flag (REFER) gets no handout.")
final class HandoutCommand implements DataCommand {

    @Option(names = "--patient", paramLabel = "ID", required = true, description = "the patient's id")
    String patient;

    @Option(names = "--visit", paramLabel = "ID", description = "the visit's id (default: her latest visit)")
    String visit;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "the PDF file to write")
    Path out;

    @Mixin
    CredentialsOption credentials;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    private UUID patientId;
    private UUID visitId;
    private Path file;

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public void check(Path dataFolder) {
        patientId = Ids.patient(patient);
        visitId = visit == null ? null : Ids.visit(visit);
        file = OutputFile.check(out);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        ProgrammeService.prepareHandoutInBackground(); // overlaps PDFBox's start with opening the records
        ProgrammeService programmes = context.services().programmes();
        ChosenVisit chosen = ChosenVisit.of(context.services(), patientId, visitId);
        ProgrammeService.Context programme;
        try {
            programme = programmes.open(chosen.visit().id());
        } catch (ProgrammeService.NoProgrammeException e) {
            throw CommandRefused.invalid("no handout for visit " + chosen.visit().id() + ": " + e.getMessage());
        }
        programmes.writeHandout(programme, programme.programme(), file);
        context.out().println("Wrote the " + (programme.saved() ? "saved" : "suggested") + " programme of visit "
                + chosen.visit().id() + " (" + programme.programme().stage() + ") to " + file);
    }
}
