package app.rebound.cli;

import java.nio.file.Path;

import app.rebound.service.ProgrammeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code programme --patient ID [--visit ID] --json}: the home programme of a visit, for scripts. */
@Command(name = "programme", sortOptions = false,
        header = "Print the home programme of a visit as JSON",
        description = "Print the home programme of a visit as JSON: its saved programme, or else the one Rebound "
                + "suggests for it (the one the programme builder would start from), with the reasons for each "
                + "exercise. The visit is the patient's latest by date (drafts included) unless --visit names one. "
                + "A visit with a red flag (REFER) has no programme.")
final class ProgrammeCommand implements DataCommand {

    @Mixin
    VisitOptions visitOptions;

    @Option(names = "--json", required = true, description = "print JSON for scripts (the only output there is)")
    boolean json;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

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
    }

    @Override
    public void run(CommandContext context) {
        ChosenVisit chosen = visitOptions.choose(context.services());
        ProgrammeService.Context programme = chosen.programme(context.services().programmes(), "programme");
        context.out().println(ProgrammeJson.write(programme));
        context.out().flush();
    }
}
