package app.rebound.store;

import static app.rebound.store.jooq.Tables.AUDIT_EVENT;
import static app.rebound.store.jooq.Tables.AUDIT_TRAIL_KEY;
import static app.rebound.store.jooq.Tables.SIGNING_KEY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import app.rebound.domain.AuditAction;
import app.rebound.domain.AuditEvent;
import app.rebound.store.jooq.tables.records.AuditEventRecord;

/**
 * The audit trail: an append-only table whose rows each carry an HMAC-SHA256 (key derived from the
 * database key) over the row and the previous row's hash. The newest row's number and hash are also
 * kept outside the table, in {@value #HEAD_FILE} beside the database (itself with an HMAC), so a trail
 * cut short at its end is detected too. Without the database key nobody can compute a valid hash,
 * so a changed, deleted or inserted row cannot be covered up.
 */
public final class AuditStore {

    public static final String HEAD_FILE = "rebound.audit-head";
    /** Longer than any end marker Rebound writes (a number, a hash and an HMAC in hex). */
    private static final int LONGEST_HEAD = 1024;

    private static final String KEY_PURPOSE = "rebound audit trail v1";
    private static final char SEPARATOR = '\u001f';
    private static final int DETAIL_MAX = 400;

    /** One event to write: who, what, which patient; the time and the chain are added here. */
    public record Entry(UUID clinicianId, String username, AuditAction action, UUID patientId, String detail,
            Signer signer) {

        /** An event nobody signs: no clinician is signed in, or hers is an entry from before key pairs. */
        public Entry(UUID clinicianId, String username, AuditAction action, UUID patientId, String detail) {
            this(clinicianId, username, action, patientId, detail, null);
        }
    }

    /** What a check of the whole trail found. */
    public record Verification(boolean intact, long rows, long firstBrokenRow, String problem, long signedRows,
            Map<String, String> signers) {

        Verification(boolean intact, long rows, long firstBrokenRow, String problem) {
            this(intact, rows, firstBrokenRow, problem, 0, Map.of());
        }

        static Verification ok(long rows, long signedRows, Map<String, String> signers) {
            return new Verification(true, rows, 0, null, signedRows, Map.copyOf(signers));
        }

        static Verification broken(long rows, long row, String problem) {
            return new Verification(false, rows, row, problem);
        }
    }

    private final DSLContext dsl;
    private final byte[] key;
    /** The end marker file beside the embedded database; null on a server, whose head is the audit_head row. */
    private final Path headFile;
    private long lastSeq = -1;
    private byte[] lastHash;

    public AuditStore(Database database) {
        this.dsl = database.dsl();
        this.key = trailKey(database);
        this.headFile = database.onServer() ? null : database.folder().resolve(HEAD_FILE);
    }

    // the audit_head row of server mode (PostgreSQL's V13.1): not in the H2 schema the jOOQ classes come from
    private static final Table<Record> HEAD_ROW = DSL.table(DSL.name("audit_head"));
    private static final Field<Integer> HEAD_ID = DSL.field(DSL.name("id"),
            Integer.class);
    private static final Field<Long> HEAD_SEQ = DSL.field(DSL.name("seq"),
            Long.class);
    private static final Field<byte[]> HEAD_HASH = DSL.field(DSL.name("hash"),
            byte[].class);

    /**
     * The trail's HMAC key, kept in the database since the database key changes when a clinician is
     * removed: the first time, the key it always was (derived from the database key), so the rows
     * already written still check.
     */
    private static byte[] trailKey(Database database) {
        DSLContext dsl = database.dsl();
        String stored = dsl.select(AUDIT_TRAIL_KEY.HMAC_KEY).from(AUDIT_TRAIL_KEY).where(AUDIT_TRAIL_KEY.ID.eq(1))
                .fetchOne(AUDIT_TRAIL_KEY.HMAC_KEY);
        if (stored != null) {
            return HexFormat.of().parseHex(stored);
        }
        // on a server there is no database key: the trail gets a random key of its own (the rows' signatures,
        // not this key, are what only their clinician can make)
        byte[] derived = database.onServer() ? randomKey() : database.key().derive(KEY_PURPOSE);
        dsl.insertInto(AUDIT_TRAIL_KEY).set(AUDIT_TRAIL_KEY.ID, 1)
                .set(AUDIT_TRAIL_KEY.HMAC_KEY, HexFormat.of().formatHex(derived)).onDuplicateKeyIgnore().execute();
        return HexFormat.of().parseHex(dsl.select(AUDIT_TRAIL_KEY.HMAC_KEY).from(AUDIT_TRAIL_KEY)
                .where(AUDIT_TRAIL_KEY.ID.eq(1)).fetchOne(AUDIT_TRAIL_KEY.HMAC_KEY));
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** Appends the events, in order, in one transaction; then moves the head outside the table on. */
    public synchronized void append(List<Entry> entries, OffsetDateTime now) {
        if (entries.isEmpty()) {
            return;
        }
        Appended[] appended = new Appended[1];
        dsl.transaction(configuration -> appended[0] = appendWithin(configuration.dsl(), entries, now));
        committed(appended[0]);
    }

    /**
     * The events appended inside another store's transaction (the change they record): they commit
     * with it or not at all. The trail's lock is held from reading its last row to moving its head on.
     */
    public AlsoInTransaction within(List<Entry> entries, OffsetDateTime now) {
        if (entries.isEmpty()) {
            return AlsoInTransaction.NOTHING;
        }
        return new AlsoInTransaction() {
            private Appended appended;

            @Override
            public void within(DSLContext tx) {
                appended = appendWithin(tx, entries, now);
            }

            @Override
            public void around(Runnable transaction) {
                synchronized (AuditStore.this) {
                    transaction.run();
                    committed(appended);
                }
            }
        };
    }

    /** What an append left to do once its transaction has committed. */
    private record Appended(long seq, byte[] hash, boolean markerLost) {
    }

    private Appended appendWithin(DSLContext tx, List<Entry> entries, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        // on a server, appends from every workstation take their turns here: the head row stays locked until
        // this transaction ends, so no two of them read the same last row
        Optional<Head> head = headFile == null ? lockedHeadRow(tx) : readHead();
        Record last = tx.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.HASH).from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 0 : last.get(AUDIT_EVENT.SEQ);
        // new rows must not cover up what verify() would report: rows cut from the end leave a gap in the
        // numbering (the marker is further on than the table), and a lost or changed marker is not rewritten
        boolean markerLost = head.isEmpty() && last != null;
        if (head.isPresent() && head.get().seq() > seq) {
            seq = head.get().seq();
        }
        byte[] hash = last == null ? new byte[32] : last.get(AUDIT_EVENT.HASH);
        List<AuditEventRecord> rows = new ArrayList<>();
        for (Entry entry : entries) {
            seq++;
            String detail = entry.detail() == null ? null
                    : entry.detail().length() > DETAIL_MAX ? entry.detail().substring(0, DETAIL_MAX) : entry.detail();
            AuditEvent event = new AuditEvent(seq, at, entry.clinicianId(), entry.username(), entry.action(),
                    entry.patientId(), detail);
            byte[] previous = hash;
            hash = hash(event, hash);
            AuditEventRecord row = tx.newRecord(AUDIT_EVENT);
            if (entry.signer() != null && entry.username() != null) {
                row.setSigner(entry.signer().fingerprint());
                row.setSignature(HexFormat.of().formatHex(entry.signer().sign(signed(event, previous))));
            }
            row.setSeq(event.seq());
            row.setAt(event.at());
            row.setClinicianId(event.clinicianId());
            row.setUsername(event.username());
            row.setAction(event.action().name());
            row.setPatientId(event.patientId());
            row.setDetail(event.detail());
            row.setHash(hash);
            rows.add(row);
        }
        Batches.insert(tx, AUDIT_EVENT, rows);
        if (headFile == null && !markerLost) {
            // the head moves on in the same commit as the rows
            tx.update(HEAD_ROW).set(HEAD_SEQ, seq).set(HEAD_HASH, hash).where(HEAD_ID.eq(1)).execute();
        }
        return new Appended(seq, hash, markerLost);
    }

    private void committed(Appended appended) {
        lastSeq = appended.seq();
        lastHash = appended.hash();
        if (!appended.markerLost() && headFile != null) {
            writeHead(lastSeq, lastHash);
        }
    }

    /** Starts the trail of a new clinic: the head outside the table says "no rows". */
    public void startTrail() {
        if (headFile == null) {
            // the server's head row starts at 0 with its migration
            return;
        }
        writeHead(0, new byte[32]);
    }

    /**
     * Writes the end marker for the trail as it is now, e.g. in a backup just restored (whose marker was
     * not part of the backup). The chain itself is still checked row by row by {@link #verify}.
     */
    public synchronized void anchorAtEnd() {
        Record last = dsl.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.HASH).from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.SEQ.desc()).limit(1).fetchOne();
        long seq = last == null ? 0 : last.get(AUDIT_EVENT.SEQ);
        byte[] hash = last == null ? new byte[32] : last.get(AUDIT_EVENT.HASH);
        if (headFile == null) {
            dsl.update(HEAD_ROW).set(HEAD_SEQ, seq).set(HEAD_HASH, hash).where(HEAD_ID.eq(1)).execute();
            return;
        }
        writeHead(seq, hash);
    }

    /** Checks every row's hash and the chain, then the head kept outside the table. */
    public Verification verify() {
        long expected = 0;
        long signedRows = 0;
        Map<String, SigningKey> keys = signingKeys();
        Map<String, String> signers = new TreeMap<>();
        Map<String, OffsetDateTime> registered = firstRegistered();
        byte[] previous = new byte[32];
        byte[] headHash = null;
        Optional<Head> head = readHead();
        try (Cursor<AuditEventRecord> rows = dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).fetchSize(1000)
                .fetchLazy()) {
            for (AuditEventRecord row : rows) {
                expected++;
                if (row.getSeq() != expected) {
                    return Verification.broken(expected - 1, expected, row.getSeq() > expected
                            ? "rows " + expected + "–" + (row.getSeq() - 1) + " are missing"
                            : "row " + row.getSeq() + " is out of order");
                }
                AuditEvent event;
                try {
                    event = event(row);
                } catch (IllegalArgumentException e) {
                    return Verification.broken(expected - 1, expected, "row " + expected + " has an unknown action");
                }
                byte[] computed = hash(event, previous);
                if (!MessageDigest.isEqual(computed, row.getHash())) {
                    return Verification.broken(expected - 1, expected, "row " + expected
                            + " was changed, or a row before it was");
                }
                // the HMAC above needs only the database key, which every clinician has; a signature needs the
                // private key of the clinician the row names
                if (row.getSignature() != null || row.getSigner() != null) {
                    SigningKey key = row.getSigner() == null ? null : keys.get(row.getSigner());
                    if (key == null || !key.username().equals(row.getUsername())) {
                        return Verification.broken(expected - 1, expected, "row " + expected + " is signed with a key "
                                + "these records do not know for " + text(row.getUsername()));
                    }
                    if (!validSignature(key, event, previous, row.getSignature())) {
                        return Verification.broken(expected - 1, expected, "row " + expected + " does not carry "
                                + row.getUsername() + "'s signature: it was changed, or signed by someone else");
                    }
                    signedRows++;
                    signers.put(row.getUsername(), key.fingerprint());
                } else if (row.getUsername() != null && (signers.containsKey(row.getUsername())
                        || (registered.containsKey(row.getUsername())
                                && event.at().isAfter(registered.get(row.getUsername()))))) {
                    // she had a signing key by then: a row in her name without her signature was made by someone else
                    return Verification.broken(expected - 1, expected, "row " + expected + " names "
                            + row.getUsername() + " but does not carry her signature");
                }
                previous = computed;
                if (head.isPresent() && head.get().seq() == expected) {
                    headHash = computed;
                }
            }
        }
        long rows = expected;
        if (head.isEmpty()) {
            return Verification.broken(rows, rows + 1, "the trail's end marker (" + (headFile == null
                    ? "the audit_head row" : HEAD_FILE) + ") is missing or was changed");
        }
        long headSeq = head.get().seq();
        if (headSeq > rows) {
            return Verification.broken(rows, rows + 1, "rows " + (rows + 1) + "–" + headSeq
                    + " were removed from the end of the trail");
        }
        if (headSeq > 0 && (headHash == null || !MessageDigest.isEqual(headHash, head.get().hash()))) {
            return Verification.broken(rows, headSeq, "row " + headSeq + " does not match the trail's end marker");
        }
        // the marker is written just after each commit: a crash between the two leaves it one behind
        if (rows > headSeq + 1) {
            return Verification.broken(rows, headSeq + 1, "rows after " + headSeq
                    + " were added without the trail's end marker");
        }
        return Verification.ok(rows, signedRows, signers);
    }

    /** A registered signing key: whose, and its encoded public key. */
    private record SigningKey(String fingerprint, String username, byte[] publicKey) {
    }

    /** When each clinician's first signing key was registered: her rows after it must be signed. */
    private Map<String, OffsetDateTime> firstRegistered() {
        Map<String, OffsetDateTime> first = new HashMap<>();
        dsl.select(SIGNING_KEY.USERNAME, DSL.min(SIGNING_KEY.REGISTERED_AT)).from(SIGNING_KEY)
                .groupBy(SIGNING_KEY.USERNAME).forEach(row -> first.put(row.value1(),
                        row.value2().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        return first;
    }

    private Map<String, SigningKey> signingKeys() {
        Map<String, SigningKey> keys = new HashMap<>();
        dsl.selectFrom(SIGNING_KEY).forEach(row -> keys.put(row.getFingerprint(), new SigningKey(row.getFingerprint(),
                row.getUsername(), HexFormat.of().parseHex(row.getPublicKey()))));
        return keys;
    }

    private static boolean validSignature(SigningKey key, AuditEvent event, byte[] previous, String signature) {
        try {
            return signature != null && SealedKey.fingerprint(key.publicKey()).equals(key.fingerprint())
                    && Signer.verify(key.publicKey(), signed(event, previous), HexFormat.of().parseHex(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What a row's signature covers: the previous row's hash and everything in the row. */
    private static byte[] signed(AuditEvent event, byte[] previous) {
        byte[] body = ("rebound audit row v2" + SEPARATOR + text(event)).getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[previous.length + body.length];
        System.arraycopy(previous, 0, data, 0, previous.length);
        System.arraycopy(body, 0, data, previous.length, body.length);
        return data;
    }

    /** The newest events first, optionally of one patient: at most {@code limit}, skipping {@code offset}. */
    public List<AuditEvent> newestFirst(UUID patientId, int offset, int limit) {
        var query = dsl.selectFrom(AUDIT_EVENT);
        var where = patientId == null ? query.where() : query.where(AUDIT_EVENT.PATIENT_ID.eq(patientId));
        List<AuditEvent> events = new ArrayList<>();
        for (AuditEventRecord row : where.orderBy(AUDIT_EVENT.SEQ.desc()).offset(offset).limit(limit).fetch()) {
            events.add(event(row));
        }
        return events;
    }

    /** Every event, oldest first, to {@code each} (for an export), read in batches. */
    public void forEach(Consumer<AuditEvent> each) {
        try (Cursor<AuditEventRecord> rows = dsl.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).fetchSize(1000)
                .fetchLazy()) {
            for (AuditEventRecord row : rows) {
                each.accept(event(row));
            }
        }
    }

    public int count() {
        return dsl.fetchCount(AUDIT_EVENT);
    }

    private static AuditEvent event(AuditEventRecord row) {
        return new AuditEvent(row.getSeq(), row.getAt().withOffsetSameInstant(ZoneOffset.UTC), row.getClinicianId(),
                row.getUsername(), AuditAction.valueOf(row.getAction()), row.getPatientId(), row.getDetail());
    }

    private static String text(AuditEvent event) {
        return event.seq() + SEPARATOR + "" + event.at().toInstant().toEpochMilli() + SEPARATOR
                + text(event.clinicianId()) + SEPARATOR + text(event.username()) + SEPARATOR + event.action().name()
                + SEPARATOR + text(event.patientId()) + SEPARATOR + text(event.detail());
    }

    private byte[] hash(AuditEvent event, byte[] previous) {
        byte[] body = text(event).getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[previous.length + body.length];
        System.arraycopy(previous, 0, data, 0, previous.length);
        System.arraycopy(body, 0, data, previous.length, body.length);
        return KeyFile.hmac(key, data);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private record Head(long seq, byte[] hash) {
    }

    private void writeHead(long seq, byte[] hash) {
        String body = seq + " " + HexFormat.of().formatHex(hash);
        String mac = HexFormat.of().formatHex(KeyFile.hmac(key, ("head " + body).getBytes(StandardCharsets.UTF_8)));
        try {
            // forced to the disk with its folder, as the database's writes are: after a power cut the marker is
            // the one written last or, if the move was lost, the one before (which verify allows)
            byte[] bytes = (body + " " + mac + "\n").getBytes(StandardCharsets.US_ASCII);
            AtomicFile.write(headFile, out -> out.write(bytes));
        } catch (IOException e) {
            throw new StoreException("Cannot write the audit trail's end marker", e);
        }
    }

    /**
     * How many rows the trail's end marker in {@code folder} records, when it is there and its HMAC holds
     * under {@code key}: a database with fewer rows than that lost committed rows (cut short, rolled back).
     */
    public static OptionalLong recordedRows(Path folder, DatabaseKey key) {
        return recordedRows(folder, key.derive(KEY_PURPOSE));
    }

    /**
     * The rows the end marker records, checked with the trail's own key {@code headKey} (kept in the
     * database since the database key changes when a clinician is removed); wiped after use.
     */
    static OptionalLong recordedRows(Path folder, byte[] headKey) {
        try {
            return readHead(folder.resolve(HEAD_FILE), headKey).map(head -> OptionalLong.of(head.seq()))
                    .orElse(OptionalLong.empty());
        } finally {
            Arrays.fill(headKey, (byte) 0);
        }
    }

    private Optional<Head> readHead() {
        if (headFile == null) {
            return dsl.select(HEAD_SEQ, HEAD_HASH).from(HEAD_ROW).where(HEAD_ID.eq(1))
                    .fetchOptional(row -> new Head(row.value1(), row.value2()));
        }
        return readHead(headFile, key);
    }

    /** The server's head row, locked until the caller's transaction ends. */
    private static Optional<Head> lockedHeadRow(DSLContext tx) {
        return tx.select(HEAD_SEQ, HEAD_HASH).from(HEAD_ROW).where(HEAD_ID.eq(1)).forUpdate()
                .fetchOptional(row -> new Head(row.value1(), row.value2()));
    }

    private static Optional<Head> readHead(Path headFile, byte[] key) {
        try {
            // a plain file only, and no longer than a marker: a pipe would hold the open for ever, a link to
            // /dev/zero would be read without end
            String[] parts = new String(SmallFile.read(headFile, LONGEST_HEAD), StandardCharsets.US_ASCII).strip()
                    .split(" ");
            if (parts.length != 3) {
                return Optional.empty();
            }
            String body = parts[0] + " " + parts[1];
            byte[] mac = KeyFile.hmac(key, ("head " + body).getBytes(StandardCharsets.UTF_8));
            if (!MessageDigest.isEqual(mac, HexFormat.of().parseHex(parts[2]))) {
                return Optional.empty();
            }
            return Optional.of(new Head(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1])));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
