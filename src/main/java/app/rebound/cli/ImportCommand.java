package app.rebound.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import app.rebound.service.ImportSummary;
import app.rebound.service.InvalidRecordException;
import app.rebound.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import FILE.json}: patients and visits from a record file, merged by id. */
@Command(name = "import", sortOptions = false,
        header = "Add or update patients and visits from a record file (JSON)",
        description = "Add or update patients and visits from a record file (JSON, see record-format.md), "
                + "merged by id: newer copies replace older ones, nothing is deleted. A file with any error "
                + "writes nothing. Creates the records if the data folder has none yet.")
final class ImportCommand implements DataCommand {

    /** Enough errors to fix a file by; a file with hundreds of errors is usually the wrong file. */
    static final int ERRORS_SHOWN = 50;

    @Parameters(paramLabel = "FILE.json", description = "the record file to import")
    Path file;

    @Mixin(name = CommandOptions.NAME)
    CommandOptions options;

    private boolean newRecords;

    @Override
    public boolean worksOnServer() {
        return true;
    }

    @Override
    public FolderUse folderUse() {
        return FolderUse.CREATE;
    }

    @Override
    public void check(Path dataFolder) {
        if (!Files.isRegularFile(file)) {
            throw CommandRefused.invalid("no record file " + file);
        }
        if (!Files.isReadable(file)) {
            throw new CommandRefused(ExitCode.ACCESS_REFUSED, "access refused: " + file);
        }
        newRecords = !DataPresence.holdsRecords(dataFolder);
    }

    @Override
    public void run(CommandContext context) throws Exception {
        ImportSummary summary;
        try {
            summary = context.services().records().importFile(file);
        } catch (InvalidRecordException e) {
            if (newRecords && context.server().isEmpty()) {
                // nothing was written: the empty database made for this import goes again
                context.close();
                Files.deleteIfExists(context.folder().resolve(Database.FILE_NAME + ".mv.db"));
            }
            throw CommandRefused.invalid(refusal(e.errors()));
        }
        context.out().println(summary.describe());
    }

    /**
     * The refusal: a first line that says what happened, then the file's errors one a line (the path in
     * the file, the value and the rule), so that whoever made the file can correct it.
     */
    private String refusal(List<String> errors) {
        StringBuilder text = new StringBuilder();
        text.append(file.getFileName()).append(" refused, nothing was written: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        errors.stream().limit(ERRORS_SHOWN).forEach(error -> text.append("\n  ").append(error));
        if (errors.size() > ERRORS_SHOWN) {
            text.append("\n  … and ").append(errors.size() - ERRORS_SHOWN).append(" more");
        }
        return text.toString();
    }
}
