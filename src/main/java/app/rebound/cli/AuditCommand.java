package app.rebound.cli;

import java.nio.file.Path;

import app.rebound.store.AuditStore;
import app.rebound.store.Fingerprints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit --verify} and {@code audit --export FILE.csv}: the audit trail, for administrators. */
@Command(name = "audit", sortOptions = false,
        header = "Check or export the audit trail (administrators)",
        description = "--verify checks every row of the audit trail and its end marker: exit 0 and \"intact\", or "
                + "exit 5 and the first broken row. --export writes the whole trail as CSV.")
final class AuditCommand implements DataCommand {

    @Option(names = "--verify", description = "check that no row was changed, removed or added")
    boolean verify;

    @Option(names = "--export", paramLabel = "FILE.csv", description = "write the trail as CSV")
    Path export;

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
    public void check(Path dataFolder) throws Exception {
        if (!verify && export == null) {
            throw new CommandRefused(ExitCode.USAGE, "give --verify or --export FILE.csv; see audit --help");
        }
        if (export != null) {
            OutputFile.check(export);
        }
    }

    @Override
    public void run(CommandContext context) throws Exception {
        var services = context.services();
        if (export != null) {
            int rows = services.audit().exportCsv(export);
            context.out().println("Wrote " + rows + " audit rows to " + export);
        }
        if (verify) {
            AuditStore.Verification result = services.audit().verify();
            if (result.intact()) {
                context.out().println("intact: " + result.rows() + " rows, " + result.signedRows()
                        + " of them signed by the clinician who acted");
                // an administrator compares her own with the fingerprint printed on the recovery key sheet
                result.signers().forEach((user, fingerprint) -> context.out().println("  signing key of " + user + ": "
                        + Fingerprints.grouped(fingerprint)));
            } else {
                throw new CommandRefused(ExitCode.AUDIT_BROKEN, "broken at row " + result.firstBrokenRow() + ": "
                        + result.problem());
            }
        }
    }
}
