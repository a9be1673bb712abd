package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.Database;
import app.rebound.store.KeyFile;

/**
 * Backups of the whole database and restoring them, on real H2 files: backups of folders set up as a
 * clinic (key file, {@link TestKeys#USER} signed in), restored with her password as it was that day.
 */
class BackupServiceTest {

    @TempDir
    Path temp;

    private final BackupService backups = new BackupService(VisitFixture.CLOCK);

    /** Opens a backup with {@link TestKeys#USER}'s password. */
    private static final BackupService.Unlock PASSWORD = keys -> keys.unwrap(TestKeys.USER,
            TestKeys.PASSWORD.toCharArray());

    /** A backup, at {@code zip}, of a new clinic with one patient (Zoë, one visit). */
    private void backupOfOnePatient(Path zip) throws Exception {
        try (Services services = clinic(temp.resolve("records"))) {
            VisitFixture.seed(services, "Zoë", "Ødegård", 1, 7);
            backups.backup(services.database(), zip);
        }
    }

    @Test
    void aBackupRestoredIntoAnEmptyFolderHoldsExactlyWhatWasSaved() throws Exception {
        Path records = temp.resolve("records");
        Path zip = temp.resolve("backup.zip");
        Patient zoe;
        Patient li;
        List<Visit> zoeVisits;
        List<Visit> liVisits;
        try (Services services = clinic(records)) {
            zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 5, 7);
            li = VisitFixture.seed(services, "小龙", "李", 2, 11);
            zoeVisits = services.visits().visitsOf(zoe.id());
            liVisits = services.visits().visitsOf(li.id());

            // taken while the records are open, as the online backup is meant to be
            assertThat(backups.backup(services.database(), zip)).isEqualTo(2);
        }
        Path restored = Files.createDirectory(temp.resolve("restored"));

        BackupService.Restored result = backups.restore(zip, restored, false, PASSWORD);

        assertThat(result.patients()).isEqualTo(2);
        assertThat(result.replaced()).isNull();
        assertThat(KeyFile.existsIn(restored)).isTrue();
        try (Services services = open(restored)) {
            assertThat(services.patients().load(zoe.id())).isEqualTo(zoe);
            assertThat(services.patients().load(li.id())).isEqualTo(li);
            assertThat(services.visits().visitsOf(zoe.id())).isEqualTo(zoeVisits).hasSize(5);
            assertThat(services.visits().visitsOf(li.id())).isEqualTo(liVisits).hasSize(2);
            assertThat(services.patients().search("", true).patients()).hasSize(2);
        }
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("records", "backup.zip",
                    "restored");
        }
    }

    @Test
    void theBackupIsAZipHoldingTheDatabaseAndReplacesAnOlderFile() throws Exception {
        Path zip = Files.writeString(temp.resolve("backup.zip"), "yesterday's");
        try (Services services = clinic(temp.resolve("records"))) {
            backups.backup(services.database(), zip);
        }

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry(BackupService.DATABASE_FILE)).isNotNull();
            // the key file travels with the database: the passwords of the day open the backup anywhere
            assertThat(file.getEntry(KeyFile.FILE_NAME)).isNotNull();
        }
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry(BackupService.DATABASE_FILE))) {
            assertThat(new String(in.readNBytes(9), StandardCharsets.US_ASCII))
                    .as("the database in the backup stays encrypted").isEqualTo("H2encrypt");
        }
    }

    @Test
    void aBackupRemovesWhatAKilledBackupLeftInItsFolderButNotAFileBeingWrittenNow() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("backups"));
        // a backup killed yesterday: its hidden partial file (a copy of the records) stays unless removed
        Path killed = Files.writeString(folder.resolve(".rebound-0123456789abcdef.part"), "a whole copy");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        // another program's backup, written to a moment ago; a file of the clinician's own; a link
        Path writing = Files.writeString(folder.resolve(".rebound-fedcba9876543210.part"), "being written");
        Path own = Files.writeString(folder.resolve("notes.part"), "hers");
        Path link = Files.createSymbolicLink(folder.resolve(".rebound-00000000aaaaaaaa.part"), own);
        Files.setLastModifiedTime(own, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        try (Services services = clinic(temp.resolve("records"))) {
            backups.backup(services.database(), folder.resolve("backup.zip"));
        }
        assertThat(killed).doesNotExist();
        assertThat(writing).hasContent("being written");
        assertThat(own).hasContent("hers");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(folder.resolve("backup.zip")).exists();
    }

    @Test
    void aKilledBackupsFileGoesAlsoWhenTheChosenFolderIsALinkToIt() throws Exception {
        // her "Backups" is a link to the stick the backups go to
        Path stick = Files.createDirectory(temp.resolve("stick"));
        Path link = Files.createSymbolicLink(temp.resolve("Backups"), stick);
        Path killed = Files.writeString(stick.resolve(".rebound-0123456789abcdef.part"), "a whole copy");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        try (Services services = clinic(temp.resolve("records"))) {
            backups.backup(services.database(), link.resolve("backup.zip"));
        }
        assertThat(killed).doesNotExist();
        assertThat(stick.resolve("backup.zip")).exists();
    }

    @Test
    void aFolderNameWithQuotesBracesAndQuestionMarksIsJustAName() throws Exception {
        Path odd = Files.createDirectory(temp.resolve("it's {0} ? ${x}"));
        Path zip = odd.resolve("backup's {1}?.zip");
        backupOfOnePatient(zip);

        assertThat(backups.restore(zip, odd.resolve("restored"), false, PASSWORD).patients()).isEqualTo(1);
    }

    @Test
    void aFolderWithRecordsIsReplacedOnlyWhenAskedAndItsDatabaseIsKeptAside() throws Exception {
        Path zip = temp.resolve("backup.zip");
        Patient zoe;
        try (Services services = clinic(temp.resolve("records"))) {
            zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 2, 7);
            backups.backup(services.database(), zip);
        }
        Path other = temp.resolve("other");
        Patient mia;
        try (Services services = clinic(other)) {
            mia = VisitFixture.seed(services, "Mia", "Berg", 1, 3);
        }

        assertThatThrownBy(() -> backups.restore(zip, other, false, PASSWORD))
                .isInstanceOf(BackupService.FolderHoldsRecordsException.class);
        try (Services services = open(other)) {
            assertThat(services.patients().load(mia.id())).isEqualTo(mia);
        }

        BackupService.Restored result = backups.restore(zip, other, true, PASSWORD);

        assertThat(result.replaced()).isNotNull().exists();
        assertThat(result.replaced().getFileName().toString()).isEqualTo("rebound.mv.db.replaced-20261122-100000");
        try (Services services = open(other)) {
            assertThat(services.patients().load(zoe.id())).isEqualTo(zoe);
            assertThat(services.patients().search("", true).patients()).hasSize(1);
        }
    }

    @Test
    void aMissingFolderOrOneWithOnlyLogsIsRestoredInto() throws Exception {
        Path zip = temp.resolve("backup.zip");
        backupOfOnePatient(zip);
        Path logsOnly = temp.resolve("logs only");
        Files.createDirectories(logsOnly.resolve("logs"));
        Files.writeString(logsOnly.resolve("logs").resolve("rebound.log"), "x");

        assertThat(backups.restore(zip, temp.resolve("a").resolve("b"), false, PASSWORD).patients()).isEqualTo(1);
        assertThat(backups.restore(zip, logsOnly, false, PASSWORD).patients()).isEqualTo(1);
        assertThat(Database.existsIn(logsOnly)).isTrue();
        assertThat(logsOnly.resolve("logs").resolve("rebound.log")).hasContent("x");
    }

    @Test
    void aBackupWhoseDatabaseDoesNotOpenLeavesNothingBehind() throws Exception {
        Path zip = temp.resolve("backup.zip");
        backupOfOnePatient(zip);
        // the database entry cut to a third: a valid zip and key file, a database that does not open
        Path damaged = temp.resolve("damaged.zip");
        try (ZipFile in = new ZipFile(zip.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith(".mv.db") ? Arrays.copyOf(bytes, bytes.length / 3) : bytes);
                out.closeEntry();
            }
        }
        Path fresh = temp.resolve("fresh");
        assertThatThrownBy(() -> backups.restore(damaged, fresh, false, PASSWORD))
                .isInstanceOf(BackupService.InvalidBackupException.class);
        assertThat(fresh).as("the folder made for the restore goes again").doesNotExist();

        Path existing = Files.createDirectories(temp.resolve("existing"));
        Files.writeString(existing.resolve("kept.txt"), "x");
        assertThatThrownBy(() -> backups.restore(damaged, existing, false, PASSWORD))
                .isInstanceOf(BackupService.InvalidBackupException.class);
        try (Stream<Path> files = Files.list(existing)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("kept.txt");
        }
    }

    @Test
    void zipsThatAreNotBackupsAreRefusedBeforeAnythingChanges() throws Exception {
        Path noDatabase = zip("no-database.zip", "rebound.trace.db");
        Path traversal = zip("traversal.zip", "rebound.mv.db", "../outside.txt");
        Path absolute = zip("absolute.zip", "rebound.mv.db", "/etc/cron.d/x");
        Path windows = zip("windows.zip", "rebound.mv.db", "..\\outside.txt");
        Path notZip = Files.writeString(temp.resolve("not.zip"), "plain text");
        Path target = temp.resolve("target");

        for (Path file : List.of(noDatabase, traversal, absolute, windows, notZip, temp.resolve("missing.zip"))) {
            assertThatThrownBy(() -> backups.restore(file, target, true, PASSWORD)).as(file.toString())
                    .isInstanceOf(BackupService.InvalidBackupException.class);
        }
        assertThat(target).doesNotExist();
        assertThat(temp.getParent().resolve("outside.txt")).doesNotExist();
    }

    @Test
    void pathsThatStayInsideTheFolder() {
        assertThat(BackupService.staysInside("rebound.mv.db")).isTrue();
        assertThat(BackupService.staysInside("sub/dir/file..name")).isTrue();
        assertThat(BackupService.staysInside("../x")).isFalse();
        assertThat(BackupService.staysInside("a/../../x")).isFalse();
        assertThat(BackupService.staysInside("/x")).isFalse();
        assertThat(BackupService.staysInside("C:/x")).isFalse();
        assertThat(BackupService.staysInside("a\\b")).isFalse();
        assertThat(BackupService.staysInside("")).isFalse();
    }

    private Path zip(String name, String... entries) throws Exception {
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A new clinic in {@code folder}, {@link TestKeys#USER} signed in. */
    private static Services clinic(Path folder) {
        return TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK);
    }

    /** {@link TestKeys#USER} signed in to a folder set up (or restored) before. */
    private static Services open(Path folder) {
        return TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK);
    }
}
