package app.rebound.store;

import static app.rebound.store.DatabaseBytes.holds;
import static app.rebound.store.DatabaseBytes.unzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.service.BackupService;
import app.rebound.service.Services;

/**
 * A backup's copy of the live file against what happens meanwhile, made to happen at a chosen moment through
 * the database's seams (no timing): a save made while the file is copied waits for the copy and is kept; a
 * close while a backup runs waits for it; a copy that is not the records as they are (an older version, one
 * still holding an erased patient, one holding what Rebound never creates) never goes into a backup; and a
 * copy that fails its checks every time fails the backup, leaving nothing behind and the records as they were.
 */
class BackupRaceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    @TempDir
    Path backups;

    private static Patient patient(String given) {
        return new Patient(UUID.randomUUID(), Instant.parse("2026-11-20T09:00:00Z"), given, "Ødegård",
                LocalDate.of(1990, 3, 14), null, null, false, List.of(), null, null, "RaceNote-" + given, null);
    }

    private List<String> restoredNames(Path zip, String name) throws Exception {
        Path restored = backups.resolve("restored-" + name);
        new BackupService(CLOCK).restore(zip, restored, false,
                keys -> keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()));
        try (Services again = TestKeys.signIn(restored, CLOCK, Locale.UK)) {
            return again.patients().search("", true, 1000).patients().stream().map(p -> p.givenName()).sorted().toList();
        }
    }

    private List<String> stagingLeft() throws Exception {
        try (Stream<Path> left = Files.list(folder)) {
            return left.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(Database.BACKUP_STAGING) || name.startsWith(Database.COMPACT_STAGING))
                    .toList();
        }
    }

    @Test
    void aSaveMadeWhileTheFileIsCopiedWaitsForTheCopyAndIsKept() throws Exception {
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            CompletableFuture<Patient> saved = new CompletableFuture<>();
            CompletableFuture<Void> saveWaits = new CompletableFuture<>();
            AtomicBoolean savedDuringTheCopy = new AtomicBoolean();
            services.database().seams(new Database.Seams() {
                @Override
                public void copying() {
                    if (saveWaits.isDone() || saved.isDone()) {
                        return;
                    }
                    Thread saver = new Thread(() -> {
                        try {
                            saved.complete(services.patients().save(patient("Ingrid")));
                        } catch (Throwable e) {
                            saved.completeExceptionally(e);
                        }
                    }, "saver");
                    saver.start();
                    // either the save waits for the copy, or it is written into the file while it is copied
                    CompletableFuture.anyOf(saved, saveWaits).exceptionally(e -> null).join();
                    savedDuringTheCopy.set(saved.isDone());
                }

                @Override
                public void waitingForCopy() {
                    if (Thread.currentThread().getName().equals("saver")) {
                        saveWaits.complete(null);
                    }
                }
            });
            Path zip = backups.resolve("during.zip");
            int inBackup = new BackupService(CLOCK).backup(services.database(), zip);

            assertThat(savedDuringTheCopy).as("the save waited for the copy").isFalse();
            assertThat(saved.get().givenName()).as("the save went on once the file was copied").isEqualTo("Ingrid");
            assertThat(inBackup).isEqualTo(1);
            assertThat(restoredNames(zip, "during")).as("the backup: the records as they were when copied")
                    .containsExactly("Zoë");
            assertThat(services.patients().search("", true).patients()).hasSize(2);
        }
        try (Services services = TestKeys.signIn(folder, CLOCK, Locale.UK)) {
            assertThat(services.patients().search("", true).patients()).as("the save is kept").hasSize(2);
        }
    }

    @Test
    void aCloseWhileABackupRunsWaitsForItToEnd() throws Exception {
        Services services = TestKeys.clinic(folder, CLOCK, Locale.UK);
        try {
            services.patients().save(patient("Zoë"));
            CompletableFuture<Void> closed = new CompletableFuture<>();
            CompletableFuture<Void> closeWaits = new CompletableFuture<>();
            AtomicBoolean closedDuringTheBackup = new AtomicBoolean();
            services.database().seams(new Database.Seams() {
                @Override
                public void checking(Path copy, int attempt) {
                    if (closed.isDone() || closeWaits.isDone()) {
                        return;
                    }
                    // the window closes while the day's backup checks its copy
                    new Thread(() -> {
                        try {
                            services.close();
                            closed.complete(null);
                        } catch (Throwable e) {
                            closed.completeExceptionally(e);
                        }
                    }, "closer").start();
                    CompletableFuture.anyOf(closed, closeWaits).exceptionally(e -> null).join();
                    closedDuringTheBackup.set(closed.isDone());
                }

                @Override
                public void closeWaits() {
                    closeWaits.complete(null);
                }
            });
            Path zip = backups.resolve("closing.zip");
            int inBackup = new BackupService(CLOCK).backup(services.database(), zip);
            closed.get();

            assertThat(closedDuringTheBackup).as("the close waited for the backup").isFalse();
            assertThat(inBackup).isEqualTo(1);
            assertThat(stagingLeft()).isEmpty();
            assertThatThrownBy(() -> new BackupService(CLOCK).backup(services.database(), backups.resolve("late.zip")))
                    .as("no backup of closed records").isInstanceOf(StoreException.class)
                    .hasMessageContaining("closed");
            assertThat(backups.resolve("late.zip")).doesNotExist();
            assertThat(restoredNames(zip, "closing")).containsExactly("Zoë");
        } finally {
            services.close();
        }
        try (Services again = TestKeys.signIn(folder, CLOCK, Locale.UK)) {
            assertThat(again.patients().search("", true).patients()).hasSize(1);
        }
    }

    @Test
    void aCopyOfAnOlderVersionIsMadeAgain() throws Exception {
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            Path older = unzip(backup(services, "older.zip"));
            services.patients().save(patient("Ingrid"));
            AtomicInteger attempts = new AtomicInteger();
            services.database().seams(new Database.Seams() {
                @Override
                public void checking(Path copy, int attempt) throws IOException {
                    attempts.set(attempt);
                    if (attempt == 1) {
                        // as H2 falling back to an older version of a torn copy: whole, and one patient short
                        Files.copy(Database.file(older), copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            });
            Path zip = backups.resolve("now.zip");
            assertThat(new BackupService(CLOCK).backup(services.database(), zip)).isEqualTo(2);
            assertThat(attempts).as("made again").hasValue(2);
            assertThat(restoredNames(zip, "now")).containsExactly("Ingrid", "Zoë");
        }
    }

    @Test
    void aCopyShortOfRowsInAnyTableIsMadeAgain() throws Exception {
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            Path older = unzip(backup(services, "older.zip"));
            // a setting: no patient and no audit row more, so only a count of every table tells the copies apart
            services.settings().setIdleMinutes(7);
            AtomicInteger attempts = new AtomicInteger();
            services.database().seams(new Database.Seams() {
                @Override
                public void checking(Path copy, int attempt) throws IOException {
                    attempts.set(attempt);
                    if (attempt == 1) {
                        Files.copy(Database.file(older), copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            });
            Path zip = backups.resolve("now.zip");
            assertThat(new BackupService(CLOCK).backup(services.database(), zip)).isEqualTo(1);
            assertThat(attempts).as("made again").hasValue(2);
            Path restored = backups.resolve("restored-now");
            new BackupService(CLOCK).restore(zip, restored, false,
                    keys -> keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()));
            try (Services again = TestKeys.signIn(restored, CLOCK, Locale.UK)) {
                assertThat(again.settings().idleMinutes()).isEqualTo(7);
            }
        }
    }

    @Test
    void aCopyStillHoldingAnErasedPatientIsMadeAgain() throws Exception {
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            Patient ingrid = services.patients().save(patient("Ingrid"));
            Path beforeTheErase = unzip(backup(services, "before.zip"));
            services.patients().archive(ingrid.id());
            services.patients().erase(ingrid.id());
            AtomicInteger attempts = new AtomicInteger();
            services.database().seams(new Database.Seams() {
                @Override
                public void checking(Path copy, int attempt) throws IOException {
                    attempts.set(attempt);
                    if (attempt == 1) {
                        // whole and opening, but a patient more than the records: the one just erased
                        Files.copy(Database.file(beforeTheErase), copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            });
            Path zip = backups.resolve("after.zip");
            assertThat(new BackupService(CLOCK).backup(services.database(), zip)).isEqualTo(1);
            assertThat(attempts).as("made again").hasValue(2);
            assertThat(holds(unzip(zip), services, "RaceNote-Ingrid")).as("nothing of her").isFalse();
            assertThat(restoredNames(zip, "after")).containsExactly("Zoë");
        }
    }

    @Test
    void aBackupOfRecordsHoldingWhatReboundNeverCreatesFails() throws Exception {
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            // added behind the program's back (it never makes one); H2 loads no class for it
            services.database().dsl().execute("CREATE CONSTANT REBOUND_PLANTED VALUE 1");
            Path zip = backups.resolve("planted.zip");
            assertThatThrownBy(() -> new BackupService(CLOCK).backup(services.database(), zip))
                    .isInstanceOf(ForeignDatabaseException.class).hasMessageContaining("REBOUND_PLANTED");
            assertThat(zip).doesNotExist();
            try (Stream<Path> left = Files.list(backups)) {
                assertThat(left).as("no partial backup").isEmpty();
            }
            assertThat(stagingLeft()).isEmpty();
        }
    }

    @Test
    void aCopyThatFailsItsChecksEveryTimeFailsTheBackupAndLeavesNothing() throws Exception {
        byte[] before;
        try (Services services = TestKeys.clinic(folder, CLOCK, Locale.UK)) {
            services.patients().save(patient("Zoë"));
            services.patients().save(patient("Ingrid"));
            before = Files.readAllBytes(Database.file(folder));
            AtomicInteger attempts = new AtomicInteger();
            services.database().seams(new Database.Seams() {
                @Override
                public void checking(Path copy, int attempt) throws IOException {
                    attempts.incrementAndGet();
                    // a copy cut short after its headers: it does not open
                    try (FileChannel file = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                        file.truncate(3 * 4096);
                    }
                }
            });
            Path zip = backups.resolve("never.zip");
            assertThatThrownBy(() -> new BackupService(CLOCK).backup(services.database(), zip))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("No backup was made")
                    .hasMessageContaining(Database.COPY_ATTEMPTS + " times")
                    .hasMessageContaining("the records are as they were");
            assertThat(attempts).hasValue(Database.COPY_ATTEMPTS);
            assertThat(zip).doesNotExist();
            try (Stream<Path> left = Files.list(backups)) {
                assertThat(left).as("no partial backup").isEmpty();
            }
            assertThat(stagingLeft()).as("no copy left in the data folder").isEmpty();
            assertThat(Files.readAllBytes(Database.file(folder))).as("the records' file unchanged").isEqualTo(before);
            // the records go on: the copy's gate is open again
            services.database().seams(Database.Seams.NONE);
            services.patients().save(patient("Li"));
        }
        try (Services services = TestKeys.signIn(folder, CLOCK, Locale.UK)) {
            assertThat(services.patients().search("", true).patients()).hasSize(3);
        }
    }

    private Path backup(Services services, String name) throws Exception {
        Path zip = backups.resolve(name);
        new BackupService(CLOCK).backup(services.database(), zip);
        return zip;
    }
}
