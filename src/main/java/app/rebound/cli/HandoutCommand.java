package app.rebound.cli;

import java.nio.file.Path;

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

    @Mixin
    VisitOptions visitOptions;

    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "the PDF file to write")
    Path out;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

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
        visitOptions.check();
        file = OutputFile.check(out);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        ProgrammeService.prepareHandoutInBackground(); // overlaps PDFBox's start with opening the records
        ProgrammeService programmes = context.services().programmes();
        ChosenVisit chosen = visitOptions.choose(context.services());
        ProgrammeService.Context programme = chosen.programme(programmes, "handout");
        programmes.writeHandout(programme, programme.programme(), file);
        context.out().println("Wrote the " + (programme.saved() ? "saved" : "suggested") + " programme of visit "
                + chosen.visit().id() + " (" + programme.programme().stage() + ") to " + file);
    }
}
