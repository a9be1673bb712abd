package app.rebound.cli;

import java.nio.file.Path;
import java.util.UUID;

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

    @Option(names = "--patient", paramLabel = "ID", required = true, description = "the patient's id")
    String patient;

    @Option(names = "--visit", paramLabel = "ID", description = "the visit's id (default: her latest visit)")
    String visit;

    @Option(names = "--json", required = true, description = "print JSON for scripts (the only output there is)")
    boolean json;

    @Mixin
    CredentialsOption credentials;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    HelpOption help;

    private UUID patientId;
    private UUID visitId;

    @Override
    public FolderUse folderUse() {
        return FolderUse.READ;
    }

    @Override
    public void check(Path dataFolder) {
        patientId = Ids.patient(patient);
        visitId = visit == null ? null : Ids.visit(visit);
    }

    @Override
    public void run(CommandContext context) {
        ChosenVisit chosen = ChosenVisit.of(context.services(), patientId, visitId);
        ProgrammeService.Context programme;
        try {
            programme = context.services().programmes().open(chosen.visit().id());
        } catch (ProgrammeService.NoProgrammeException e) {
            throw CommandRefused.invalid("no programme for visit " + chosen.visit().id() + ": " + e.getMessage());
        }
        context.out().println(ProgrammeJson.write(programme));
        context.out().flush();
    }
}
