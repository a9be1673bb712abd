package app.rebound.store;

import static app.rebound.store.DatabaseBytes.holds;
import static app.rebound.store.DatabaseBytes.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.service.BackupService;
import app.rebound.service.Services;

/**
 * An erased patient leaves nothing in the file's unused parts, and nothing in a backup made after the
 * erase either, though the database is compacted only when it closes: the backup is made from a
 * compacted copy. An erase whose compaction did not happen (the program ended first) is compacted at the
 * next close. Read through the decrypted view of real H2 files.
 */
class EraseBackupTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);
    private static final String MARKER = "EraseMarker4711 private note";

    @TempDir
    Path folder;
    @TempDir
    Path backups;

    /** A patient whose notes end in {@code tag} (ASCII, found as it is among the file's bytes). */
    private static Patient withNote(String given, String tag) {
        return new Patient(UUID.randomUUID(), Instant.parse("2026-11-20T09:00:00Z"), given, "Ødegård",
                LocalDate.of(1990, 3, 14), null, null, false, List.of(), null, null, "Zoë's " + MARKER + tag, null);
    }

    /**
     * A compacted copy of the database in {@code dataFolder}, made as a backup after an erase makes its
     * own: SHUTDOWN COMPACT on an encrypted copy. It holds what is live, in compressed pages.
     */
    private static Path compactedCopy(Path dataFolder, Services services) throws Exception {
        Path copy = Files.createTempDirectory(dataFolder.getParent(), "compacted");
        Files.copy(Database.file(dataFolder), Database.file(copy));
        try (EncryptedFileSystem.Registration files = EncryptedFileSystem.register(copy.resolve(Database.FILE_NAME),
                services.database().key());
                Connection connection = DriverManager.getConnection("jdbc:h2:" + files.name() + ";IFEXISTS=TRUE",
                        "rebound", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return copy;
    }

    @Test
    void aBackupMadeAfterAnEraseHoldsNothingOfHerAndTheOthersAreKept() throws Exception {
        BackupService backup = new BackupService(CLOCK);
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            Patient zoe = services.patients().save(withNote("Zoë", "-zoe"));
            services.patients().save(withNote("Ingrid", "-ingrid"));
            backup.backup(services.database(), backups.resolve("before.zip"));
            assertThat(holds(unzip(backups.resolve("before.zip")), services, MARKER + "-zoe"))
                    .as("the check finds her note in a backup made before").isTrue();
            Path compacted = compactedCopy(folder, services);
            byte[] raw = Files.readAllBytes(Database.file(compacted));
            assertThat(DatabaseBytes.indexOf(raw, raw.length, "Ingrid".getBytes(StandardCharsets.ISO_8859_1)))
                    .as("encrypted: nothing found as it is").isNegative();
            assertThat(holds(compacted, services, MARKER + "-zoe"))
                    .as("the check finds her note in the compressed pages of a compacted file").isTrue();

            services.patients().archive(zoe.id());
            services.patients().erase(zoe.id());
            assertThat(holds(folder, services, MARKER + "-zoe"))
                    .as("until the close, the live file's unused parts still hold her").isTrue();
            // (not its fill rate: H2's background thread may already have moved the live pages of her chunk
            // elsewhere, leaving the old ones in free space, where they still hold her, as found above)

            assertThat(backup.backup(services.database(), backups.resolve("after.zip"))).isEqualTo(1);
            Path after = unzip(backups.resolve("after.zip"));
            assertThat(holds(after, services, MARKER + "-zoe")).as("the backup holds nothing of her").isFalse();
            assertThat(holds(after, services, MARKER + "-ingrid")).as("but does hold the other patient").isTrue();
            try (Stream<Path> left = Files.list(folder)) {
                assertThat(left.map(f -> f.getFileName().toString())).as("no staging copy left")
                        .noneMatch(name -> name.startsWith(".rebound-backup-compacting"));
            }
            assertThat(services.patients().search("", true).patients()).singleElement()
                    .satisfies(p -> assertThat(p.givenName()).isEqualTo("Ingrid"));
        }
        assertThat(folder.resolve(Database.ERASED_MARKER)).as("compacted on close").doesNotExist();

        // the backup restores, with Ingrid and her note, without Zoë
        Path restored = backups.resolve("restored");
        new BackupService(CLOCK).restore(backups.resolve("after.zip"), restored, false,
                keys -> keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()));
        try (Services services = TestKeys.signIn(restored, CLOCK, Locale.UK)) {
            assertThat(services.patients().search("", true).patients()).singleElement().satisfies(p -> {
                assertThat(p.givenName()).isEqualTo("Ingrid");
                assertThat(services.patients().load(p.id()).notes()).endsWith(MARKER + "-ingrid");
            });
        }
    }

    @Test
    void anEraseNotCompactedBeforeTheProgramEndedIsCompactedAtTheNextClose() throws Exception {
        Path crashed = Files.createTempDirectory(backups, "crashed");
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            Patient zoe = services.patients().save(withNote("Zoë", "-zoe"));
            services.patients().archive(zoe.id());
            services.patients().erase(zoe.id());
            assertThat(folder.resolve(Database.ERASED_MARKER)).exists();
            // the file as a power cut right now would leave it: every commit is on disk, not yet compacted
            Files.copy(Database.file(folder), Database.file(crashed));
        }
        assertThat(folder.resolve(Database.ERASED_MARKER)).doesNotExist();
        Files.copy(Database.file(crashed), Database.file(folder), StandardCopyOption.REPLACE_EXISTING);
        Files.write(folder.resolve(Database.ERASED_MARKER), new byte[0]);

        try (Services services = TestKeys.signIn(folder, CLOCK, Locale.UK)) {
            assertThat(services.patients().search("", true).patients()).isEmpty();
            assertThat(holds(folder, services, MARKER + "-zoe")).as("the crash left her in unused parts").isTrue();
            // a backup in this session, which learnt of the erase from the marker, is compacted too
            new BackupService(CLOCK).backup(services.database(), backups.resolve("next-day.zip"));
            Path nextDay = unzip(backups.resolve("next-day.zip"));
            assertThat(holds(nextDay, services, MARKER + "-zoe")).as("the backup holds nothing of her").isFalse();
            // what a backup interrupted by the end of the program left behind goes at the close
            Files.createDirectories(folder.resolve(".rebound-backup-compacting123"));
        }
        assertThat(folder.resolve(".rebound-backup-compacting123")).doesNotExist();
        assertThat(folder.resolve(Database.ERASED_MARKER)).as("compacted at this close").doesNotExist();
        try (Services services = TestKeys.signIn(folder, CLOCK, Locale.UK)) {
            assertThat(holds(folder, services, MARKER + "-zoe")).as("compacted: nothing of her left").isFalse();
        }
    }
}
