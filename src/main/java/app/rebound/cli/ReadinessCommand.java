package app.rebound.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.CriterionResult;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.Visit;
import app.rebound.service.VisitService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code readiness --patient ID [--visit ID] [--json]}: the readiness summary of a visit. */
@Command(name = "readiness", sortOptions = false,
        header = "Print the readiness summary of a visit, as text or JSON",
        description = "Print the readiness summary of a visit: the six criteria for starting walk-run, the "
                + "suggested stage and why, what to assess next. The visit is the patient's latest by date "
                + "(drafts included) unless --visit names one.")
final class ReadinessCommand implements DataCommand {

    @Mixin
    VisitOptions visitOptions;

    @Option(names = "--json", description = "print JSON for scripts instead of text")
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
        ReadinessSummary summary = VisitService.readiness(chosen.visit(), chosen.patient(), chosen.all());
        if (json) {
            context.out().println(ReadinessJson.write(visitOptions.patientId(), chosen.visit().id(), summary));
        } else {
            context.out().print(text(chosen.visit(), summary));
        }
        context.out().flush();
    }

    /** The summary as a clinician reads it; ids rather than her name, which stays in the window. */
    static String text(Visit visit, ReadinessSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("Visit ").append(visit.id()).append(" of patient ").append(visit.patientId()).append('\n');
        out.append(visit.date());
        if (visit.kind() != null) {
            out.append(", ").append(Messages.name(visit.kind()).toLowerCase(Locale.ROOT));
        }
        out.append(", ").append(Messages.name(visit.status()).toLowerCase(Locale.ROOT)).append("\n\n");
        out.append("Suggested stage: ").append(Messages.name(summary.suggestedStage()))
                .append(" (").append(summary.suggestedStage().name()).append(")\n");
        out.append("Why: ").append(summary.reason()).append('\n');
        if (visit.stage() != null && !summary.refer()) {
            out.append("Stage chosen: ").append(Messages.name(visit.stage()))
                    .append(" (").append(visit.stage().name()).append(")\n");
            if (visit.stageReason() != null) {
                out.append(Messages.get("visit.field.stageReason")).append(": ").append(visit.stageReason())
                        .append('\n');
            }
        }
        out.append('\n').append(Messages.get("readiness.criteria")).append(":\n");
        int width = summary.criteria().stream().mapToInt(c -> Messages.name(c.criterion()).length()).max().orElse(0);
        for (CriterionResult c : summary.criteria()) {
            out.append(String.format(Locale.ROOT, "  %-13s %-" + width + "s  %s\n", Messages.name(c.status()),
                    Messages.name(c.criterion()), c.evidence() == null ? "" : c.evidence()));
        }
        if (!summary.assessNext().isEmpty()) {
            out.append('\n').append(Messages.format("readiness.assessNext", summary.assessNext().stream()
                    .map(Messages::name).collect(Collectors.joining("; ")))).append('\n');
        }
        if (summary.considerOnwardReferral()) {
            out.append('\n').append(Messages.get("readiness.onwardReferral")).append('\n');
        }
        return out.toString();
    }
}
