package app.rebound.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Clinician;
import app.rebound.store.AlsoInTransaction;
import app.rebound.store.AtomicFile;
import app.rebound.store.AuditStore;

/**
 * The audit trail: every view, create, change, export, print, archive and erase of a patient's record,
 * with who and when. Only administrators read, check and export it.
 */
public final class AuditService implements Audit {

    private final AuditStore store;
    private final Session session;
    private final Clock clock;

    AuditService(AuditStore store, Session session, Clock clock) {
        this.store = store;
        this.session = session;
        this.clock = clock;
    }

    /** Records one action on one patient's record (or on none, e.g. a sign-in) by the clinician signed in. */
    @Override
    public void record(AuditAction action, UUID patientId, String detail) {
        store.append(List.of(entry(action, patientId, detail)), OffsetDateTime.now(clock));
    }

    /** As {@link #record}, in the transaction of the change it records (given to the store that saves it). */
    @Override
    public AlsoInTransaction recordWith(AuditAction action, UUID patientId, String detail) {
        return store.within(List.of(entry(action, patientId, detail)), OffsetDateTime.now(clock));
    }

    /** Records the same action on several patients at once (an import, an export). */
    @Override
    public void recordAll(AuditAction action, Collection<UUID> patientIds, String detail) {
        store.append(patientIds.stream().map(id -> entry(action, id, detail)).toList(), OffsetDateTime.now(clock));
    }

    private AuditStore.Entry entry(AuditAction action, UUID patientId, String detail) {
        Clinician who = session.clinician().orElse(null);
        return new AuditStore.Entry(who == null ? null : who.id(), who == null ? null : who.username(), action,
                patientId, detail, who == null ? null : session.signer().orElse(null));
    }

    /** The trail of a new clinic: empty, its end marker written. */
    void start() {
        store.startTrail();
    }

    /** Checks the whole trail (administrators). */
    public AuditStore.Verification verify() {
        session.requireAdministrator();
        return store.verify();
    }

    /** What a check of the trail found: intact with its rows, or the first broken row and what is wrong with it. */
    public record Check(boolean intact, long rows, long firstBrokenRow, String problem, long signedRows) {
    }

    /** Checks the whole trail (administrators), in terms the window can show without knowing the store. */
    public Check check() {
        AuditStore.Verification found = verify();
        return new Check(found.intact(), found.rows(), found.firstBrokenRow(), found.problem(), found.signedRows());
    }

    /** Checks the trail without a signed-in administrator: for the {@code audit --verify} command's own check. */
    AuditStore.Verification verifyUnchecked() {
        return store.verify();
    }

    /** The newest events first (administrators), of one patient or of all when {@code patientId} is null. */
    public List<AuditEvent> newestFirst(UUID patientId, int offset, int limit) {
        session.requireAdministrator();
        return store.newestFirst(patientId, offset, limit);
    }

    public int count() {
        session.requireAdministrator();
        return store.count();
    }

    /** Writes the whole trail as CSV (administrators); the export itself is recorded. */
    public int exportCsv(Path file) throws IOException {
        session.requireAdministrator();
        int[] rows = new int[1];
        AtomicFile.write(file, out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("seq,time_utc,clinician_id,user,action,patient_id,detail\r\n");
            IOException[] failure = new IOException[1];
            store.forEach(event -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    writer.write(csv(event));
                    rows[0]++;
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            writer.flush();
        });
        record(AuditAction.EXPORT, null, "audit trail, " + rows[0] + " rows");
        return rows[0];
    }

    private static String csv(AuditEvent event) {
        return event.seq() + "," + event.at() + "," + text(event.clinicianId()) + "," + quote(event.username()) + ","
                + event.action() + "," + text(event.patientId()) + "," + quote(event.detail()) + "\r\n";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        // a leading =, +, - or @ would be a formula in a spreadsheet
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
