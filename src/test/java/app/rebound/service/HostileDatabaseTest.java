package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.HostileCode;
import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.ForeignDatabaseException;
import app.rebound.store.KeyFile;

/**
 * A database file Rebound did not write, put where Rebound would open it (the data folder, a backup), is
 * refused before H2 runs anything in it, and left as it was (issue 18, finding 1).
 */
class HostileDatabaseTest {

    @TempDir
    Path temp;

    private final ClinicAccess access = new ClinicAccess(VisitFixture.CLOCK, Locale.UK, TestKeys.ITERATIONS);

    @BeforeEach
    void forget() {
        HostileCode.forget();
    }

    private Path clinic() {
        Path folder = temp.resolve("clinic");
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            VisitFixture.seed(services, "Zoë", "Ødegård", 2, 0);
        }
        return folder;
    }

    private RecordsUnavailableException signInRefused(Path folder) {
        try (Services services = access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray())) {
            throw new AssertionError("signed in to a database Rebound did not write");
        } catch (RecordsUnavailableException e) {
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPlainDatabaseWithTriggersAndAnAliasInPlaceOfTheClinicsIsRefusedUntouchedAndNothingInItRuns() throws Exception {
        Path folder = clinic();
        Files.delete(Database.file(folder));
        HostileCode.plantPlainDatabase(folder);
        byte[] planted = Files.readAllBytes(Database.file(folder));

        RecordsUnavailableException refused = signInRefused(folder);

        assertThat(refused.reason()).isEqualTo(RecordsUnavailableException.Reason.FOREIGN);
        assertThat(refused.getCause()).hasMessageContaining("not encrypted");
        assertThat(HostileCode.ran()).as("code from the file ran").isNull();
        assertThat(Files.readAllBytes(Database.file(folder))).as("the file is left as it was").isEqualTo(planted);
        assertThat(signInRefused(folder).reason()).as("and again").isEqualTo(RecordsUnavailableException.Reason.FOREIGN);
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(planted);
        assertThat(HostileCode.ran()).isNull();
    }

    @Test
    void anEncryptedDatabaseWithTriggersAndAnAliasIsRefusedNamingThemAndNothingInItRuns() throws Exception {
        // made with the clinic's key: by an insider who knows a password
        Path folder = clinic();
        DatabaseKey key = KeyFile.readFrom(folder).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
        // closed as it is: the insider writes the file with a tool of their own, not through Rebound's close
        Database database = Database.openExisting(folder, key);
        try {
            database.dsl().connection(HostileCode::plant);
        } finally {
            database.closeAsIs();
        }
        byte[] planted = Files.readAllBytes(Database.file(folder));

        RecordsUnavailableException refused = signInRefused(folder);

        assertThat(refused.reason()).isEqualTo(RecordsUnavailableException.Reason.FOREIGN);
        assertThat(refused.getCause().getMessage()).contains("a trigger (AUDIT_COPY)", "a trigger (AUDIT_NOTE)",
                "an alias (NATIVE_LOAD)");
        assertThat(HostileCode.ran()).as("code from the file ran").isNull();
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(planted);
        assertThatThrownBy(() -> Database.openExisting(folder, key)).as("the store refuses it as well")
                .isInstanceOf(ForeignDatabaseException.class);
        assertThat(HostileCode.ran()).isNull();
    }

    @Test
    void aBackupHoldingAPlainDatabaseIsNotRestoredWithOrWithoutAKeyFile() throws Exception {
        Path clinic = clinic();
        Path hostile = temp.resolve("hostile");
        Files.createDirectories(hostile);
        HostileCode.plantPlainDatabase(hostile);
        Path withKeys = temp.resolve("with-keys.zip");
        Path withoutKeys = temp.resolve("without-keys.zip");
        zip(withKeys, Database.file(hostile), clinic.resolve(KeyFile.FILE_NAME));
        zip(withoutKeys, Database.file(hostile), null);
        byte[] records = Files.readAllBytes(Database.file(clinic));
        byte[] keys = Files.readAllBytes(clinic.resolve(KeyFile.FILE_NAME));
        BackupService backups = new BackupService(VisitFixture.CLOCK);

        for (Path zip : new Path[] {withKeys, withoutKeys}) {
            assertThatThrownBy(() -> backups.restore(zip, clinic, true,
                    found -> found.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray())))
                    .as(zip.getFileName().toString()).isInstanceOf(BackupService.InvalidBackupException.class)
                    .hasMessageContaining("not restored");
            assertThat(HostileCode.ran()).as("code from the backup ran").isNull();
            assertThat(Files.readAllBytes(Database.file(clinic))).isEqualTo(records);
            assertThat(Files.readAllBytes(clinic.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
        }
        Path fresh = temp.resolve("fresh");
        assertThatThrownBy(() -> backups.restore(withKeys, fresh, false,
                found -> found.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray())))
                .isInstanceOf(BackupService.InvalidBackupException.class);
        assertThat(fresh).as("a folder made for the restore goes again").doesNotExist();
        assertThat(HostileCode.ran()).isNull();
    }

    @Test
    void aHostileFileInAFolderWithoutAKeyFileIsNotEncryptedEvenWhenTheAdministratorAsks() throws Exception {
        Path folder = temp.resolve("old");
        Files.createDirectories(folder);
        HostileCode.plantPlainDatabase(folder);
        byte[] planted = Files.readAllBytes(Database.file(folder));
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.UNENCRYPTED);

        assertThat(ClinicAccess.clinicNameBeforeEncryption(folder)).isEmpty();
        assertThatThrownBy(() -> access.setUp(folder, new ClinicAccess.NewClinic("C", "anna", "Anna",
                TestKeys.PASSWORD.toCharArray(), true))).isInstanceOfSatisfying(RecordsUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.FOREIGN))
                .cause().hasMessageContaining("a trigger (AUDIT_COPY)");

        assertThat(HostileCode.ran()).as("code from the file ran").isNull();
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(planted);
        assertThat(KeyFile.existsIn(folder)).isFalse();
    }

    /**
     * The objects' type numbers in H2's list of them changed (the attack review's finding: a source trigger
     * relabelled a comment passed the check by type and ran as H2 opened the file), to every type number H2
     * has and one it has not: each file is refused, named, untouched, and nothing in it runs, whether it is
     * asked for the clinic's name before set-up, encrypted at the administrator's request, or signed in to.
     */
    @Test
    void triggersAndAnAliasGivenAnyOtherTypeNumberAreRefusedBeforeAnyOfThemRuns() throws Exception {
        for (int type = 0; type <= 16; type++) {
            if (type == HostileCode.TRIGGER || type == HostileCode.ALIAS) {
                continue;
            }
            Path folder = temp.resolve("plain-" + type);
            Files.createDirectories(folder);
            HostileCode.plantPlainDatabase(folder);
            assertThat(HostileCode.relabel(folder.resolve("rebound").toAbsolutePath().toString(), type)).isEqualTo(3);
            byte[] planted = Files.readAllBytes(Database.file(folder));

            assertThat(ClinicAccess.clinicNameBeforeEncryption(folder)).as("type %d", type).isEmpty();
            assertThat(HostileCode.ran()).as("type %d: code ran reading the clinic's name", type).isNull();
            assertThatThrownBy(() -> access.setUp(folder, new ClinicAccess.NewClinic("C", "anna", "Anna",
                    TestKeys.PASSWORD.toCharArray(), true))).as("type %d", type)
                    .isInstanceOfSatisfying(RecordsUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.FOREIGN))
                    .cause().hasMessageContaining("AUDIT_NOTE");
            assertThat(HostileCode.ran()).as("type %d: code ran at the encryption", type).isNull();
            assertThat(Files.readAllBytes(Database.file(folder))).as("type %d", type).isEqualTo(planted);
            assertThat(KeyFile.existsIn(folder)).isFalse();
        }
    }

    private static void zip(Path zip, Path database, Path keyFile) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(BackupService.DATABASE_FILE));
            Files.copy(database, out);
            out.closeEntry();
            if (keyFile != null) {
                out.putNextEntry(new ZipEntry(KeyFile.FILE_NAME));
                Files.copy(keyFile, out);
                out.closeEntry();
            }
        }
    }
}
