package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.LegacyFolders;
import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.Clinician;
import app.rebound.domain.Patient;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.Database;
import app.rebound.store.DatabaseFiles;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;
import app.rebound.store.KeyRotation;
import app.rebound.store.StoreException;
import app.rebound.store.RecoveryKey;
import app.rebound.store.AuditStore;
import app.rebound.store.Fingerprints;

/** Setting a clinic up, signing in, the wait after wrong passwords, the recovery key, encrypting old folders. */
class ClinicAccessTest {

    private static final String RECOVERY_TEXT = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}";

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ClinicAccess access = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);

    private ClinicAccess.NewClinic anna(String password) {
        return new ClinicAccess.NewClinic("Fjord Physio", "Anna", "Anna Hansen", password.toCharArray());
    }

    @Test
    void aNewFolderIsSetUpEncryptedWithAKeyFileAndARecoveryKey() throws Exception {
        Path folder = temp.resolve("clinic");
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.NEW);
        char[] password = TestKeys.PASSWORD.toCharArray();

        ClinicAccess.SetUp setUp = access.setUp(folder, new ClinicAccess.NewClinic("Fjord Physio", " Anna ",
                "Anna Hansen", password));

        try (Services services = setUp.services()) {
            assertThat(setUp.recoveryKey()).matches(RECOVERY_TEXT);
            Clinician anna = services.session().clinician().orElseThrow();
            assertThat(anna.username()).isEqualTo("anna");
            assertThat(anna.displayName()).isEqualTo("Anna Hansen");
            assertThat(anna.administrator()).isTrue();
            assertThat(services.settings().load().clinicName()).isEqualTo("Fjord Physio");
        }
        assertThat(new String(password)).as("the password is wiped once used").isEqualTo("\0".repeat(password.length));
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.READY);
        assertThat(KeyFile.existsIn(folder)).isTrue();
        assertThat(firstBytes(Database.file(folder), 9)).isEqualTo("H2encrypt");
        assertThat(DatabaseFiles.isEncrypted(Database.file(folder))).isTrue();
        KeyFile keys = KeyFile.readFrom(folder);
        assertThat(keys.users()).containsExactly("anna");
        DatabaseKey key = keys.unwrap("anna", TestKeys.PASSWORD.toCharArray()).orElseThrow();
        assertThat(RecoveryKey.parse(setUp.recoveryKey()).flatMap(keys::unwrap)).contains(key);
        try (Services again = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(again.session().clinician()).get().extracting(Clinician::username).isEqualTo("anna");
        }
    }

    @Test
    void aRefusedSetUpWritesNothing() throws Exception {
        Path folder = temp.resolve("clinic");
        record Case(ClinicAccess.NewClinic request, String field) {
        }
        List<Case> cases = List.of(
                new Case(new ClinicAccess.NewClinic("  ", "anna", "Anna", TestKeys.PASSWORD.toCharArray()), "clinicName"),
                new Case(new ClinicAccess.NewClinic(null, "anna", "Anna", TestKeys.PASSWORD.toCharArray()), "clinicName"),
                new Case(new ClinicAccess.NewClinic("C", "", "Anna", TestKeys.PASSWORD.toCharArray()), "username"),
                new Case(new ClinicAccess.NewClinic("C", "an na", "Anna", TestKeys.PASSWORD.toCharArray()), "username"),
                new Case(new ClinicAccess.NewClinic("C", "anna/../x", "Anna", TestKeys.PASSWORD.toCharArray()), "username"),
                new Case(new ClinicAccess.NewClinic("C", "a".repeat(65), "Anna", TestKeys.PASSWORD.toCharArray()), "username"),
                new Case(new ClinicAccess.NewClinic("C", "anna", " ", TestKeys.PASSWORD.toCharArray()), "displayName"),
                new Case(new ClinicAccess.NewClinic("C", "anna", "Anna", "short".toCharArray()), "password"),
                new Case(new ClinicAccess.NewClinic("C", "anna", "Anna", "password123".toCharArray()), "password"),
                new Case(new ClinicAccess.NewClinic("C", "anna", "Anna", "aaaaaaaaaaaaaa".toCharArray()), "password"),
                new Case(new ClinicAccess.NewClinic("C", "anna", "Anna", "".toCharArray()), "password"),
                new Case(new ClinicAccess.NewClinic("C", "anna", "Anna", null), "password"));
        for (Case each : cases) {
            assertThatThrownBy(() -> access.setUp(folder, each.request())).as(each.toString())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).contains(each.field()));
            assertThat(files(folder)).as("nothing written for %s", each).isEmpty();
        }
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.NEW);
    }

    @Test
    void aFolderSetUpIsNotSetUpAgain() throws Exception {
        Path folder = temp.resolve("clinic");
        access.setUp(folder, anna(TestKeys.PASSWORD)).services().close();
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));

        assertThatThrownBy(() -> access.setUp(folder, anna("another good password")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
    }

    @Test
    void theRightPasswordSignsInAndAWrongOneOrNameDoesNot() throws Exception {
        Path folder = temp.resolve("clinic");
        access.setUp(folder, anna(TestKeys.PASSWORD)).services().close();

        assertThatThrownBy(() -> access.signIn(folder, "anna", "wrong password!!".toCharArray()))
                .isInstanceOfSatisfying(WrongPasswordException.class, e -> {
                    assertThat(e.failuresInARow()).isEqualTo(1);
                    assertThat(e.attemptsBeforeWait()).isEqualTo(4);
                });
        assertThatThrownBy(() -> access.signIn(folder, "nobody", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(WrongPasswordException.class, e -> assertThat(e.failuresInARow()).isEqualTo(2));
        assertThatThrownBy(() -> access.signIn(folder, "anna", (TestKeys.PASSWORD + " ").toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        try (Services services = access.signIn(folder, "ANNA", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.session().clinician()).isPresent();
            assertThat(services.audit().newestFirst(null, 0, 2)).extracting(e -> e.action().name())
                    .containsExactly("SIGN_IN", "SIGN_IN_FAILED");
        }
        // a right password starts the count again
        assertThatThrownBy(() -> access.signIn(folder, "anna", "wrong password!!".toCharArray()))
                .isInstanceOfSatisfying(WrongPasswordException.class, e -> assertThat(e.failuresInARow()).isEqualTo(1));
    }

    @Test
    void afterFiveWrongPasswordsInARowEachAttemptWaitsLongerEvenWithTheRightPassword() throws Exception {
        Path folder = temp.resolve("clinic");
        access.setUp(folder, anna(TestKeys.PASSWORD)).services().close();
        for (int i = 1; i <= 5; i++) {
            int n = i;
            assertThatThrownBy(() -> access.signIn(folder, "anna", "wrong password!!".toCharArray()))
                    .isInstanceOfSatisfying(WrongPasswordException.class, e -> assertThat(e.failuresInARow())
                            .isEqualTo(n));
        }

        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SignInDelayedException.class, e -> assertThat(e.waitFor())
                        .isEqualTo(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SignInDelayedException.class, e -> assertThat(e.seconds()).isEqualTo(2));
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> access.signIn(folder, "anna", "wrong password!!".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);

        // the sixth wrong password doubles the wait, and a new program start does not forget it
        ClinicAccess restarted = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);
        assertThatThrownBy(() -> restarted.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SignInDelayedException.class, e -> assertThat(e.waitFor())
                        .isEqualTo(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> restarted.signIn(folder, "anna", "wrong password!!".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> restarted.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(SignInDelayedException.class, e -> assertThat(e.waitFor())
                        .isEqualTo(Duration.ofSeconds(20)));
        clock.advance(Duration.ofSeconds(20));

        try (Services services = restarted.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.audit().newestFirst(null, 0, 2).get(1).detail()).contains("7 wrong password");
        }
        assertThatThrownBy(() -> restarted.signIn(folder, "anna", "wrong password!!".toCharArray()))
                .as("the right password ended the wait").isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void theRecoveryKeyGivesANewPasswordAndOtherPasswordsStay() throws Exception {
        Path folder = temp.resolve("clinic");
        ClinicAccess.SetUp setUp = access.setUp(folder, anna(TestKeys.PASSWORD));
        try (Services services = setUp.services()) {
            services.accounts().add("bob", "Bob Berg", "bobs password 22".toCharArray(), false);
        }
        DatabaseKey key = KeyFile.readFrom(folder).unwrap("anna", TestKeys.PASSWORD.toCharArray()).orElseThrow();

        assertThatThrownBy(() -> access.recover(folder, RecoveryKey.random().text(), "anna",
                "a new password 33".toCharArray())).isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> access.recover(folder, "not a key", "anna", "a new password 33".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> access.recover(folder, setUp.recoveryKey(), "anna", "short".toCharArray()))
                .isInstanceOf(ValidationException.class);

        String typed = setUp.recoveryKey().toLowerCase(Locale.ROOT).replace("-", " ");
        try (Services services = access.recover(folder, typed, "anna", "a new password 33".toCharArray())) {
            assertThat(services.session().clinician()).get().extracting(Clinician::username).isEqualTo("anna");
        }

        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        access.signIn(folder, "anna", "a new password 33".toCharArray()).close();
        access.signIn(folder, "bob", "bobs password 22".toCharArray()).close();
        assertThat(KeyFile.readFrom(folder).unwrap("anna", "a new password 33".toCharArray()))
                .as("the same database key, rewrapped").contains(key);
    }

    @Test
    void theRecoverySheetPrintsTheAdministratorsSigningKeyAsTheTrailsCheckListsIt() throws Exception {
        Path folder = temp.resolve("clinic");
        ClinicAccess.SetUp setUp = access.setUp(folder, anna(TestKeys.PASSWORD));
        try (Services services = setUp.services()) {
            String fingerprint = services.audit().verify().signers().get("anna");
            assertThat(fingerprint).isNotNull();
            // another key of hers registered later (a reset in the same second tied with the current one)
            services.database().dsl().execute("INSERT INTO signing_key (fingerprint, username, public_key, "
                    + "registered_at) VALUES ('" + "ab".repeat(32) + "', 'anna', 'cd', TIMESTAMP WITH TIME ZONE "
                    + "'2099-01-01 00:00:00+00')");
            byte[] pdf = ClinicAccess.recoveryKeySheet(services, setUp.recoveryKey(), Locale.UK, clock);
            try (var document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains(setUp.recoveryKey()).contains("administrator anna: "
                        + Fingerprints.grouped(fingerprint));
            }
        }
    }

    @Test
    void aRemovedClinicianCannotSignInEvenWithAnOldKeyFile() throws Exception {
        Path folder = temp.resolve("clinic");
        byte[] keysWithBob;
        UUID zoe;
        try (Services services = access.setUp(folder, anna(TestKeys.PASSWORD)).services()) {
            zoe = services.patients().save(VisitFixture.patient("Zoë", "Ødegård")).id();
            Clinician bob = services.accounts().add("bob", "Bob Berg", "bobs password 22".toCharArray(), false);
            keysWithBob = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
            services.accounts().remove(bob.id());
            assertThat(services.patients().load(zoe)).as("the records stay open across the rotation").isNotNull();
        }
        byte[] keysNow = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));

        assertThatThrownBy(() -> access.signIn(folder, "bob", "bobs password 22".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        // the key file from before the removal (a copy kept): it still unwraps a key for bob, which opens nothing
        Files.write(folder.resolve(KeyFile.FILE_NAME), keysWithBob);
        DatabaseKey old = KeyFile.readFrom(folder).unwrap("bob", "bobs password 22".toCharArray()).orElseThrow();
        assertThat(KeyRotation.keyOf(folder, old)).as("the database is no longer in bob's key").isEmpty();
        assertThatThrownBy(() -> Database.openExisting(folder, old).close()).isInstanceOf(StoreException.class);
        byte[] database = Files.readAllBytes(Database.file(folder));
        assertThatThrownBy(() -> access.signIn(folder, "bob", "bobs password 22".toCharArray()))
                .isInstanceOfSatisfying(RecordsUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.OTHER_KEY_FILE));
        assertThat(Files.readAllBytes(Database.file(folder))).as("nothing changed").isEqualTo(database);

        Files.write(folder.resolve(KeyFile.FILE_NAME), keysNow);
        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.patients().load(zoe).id()).isEqualTo(zoe);
            assertThat(services.audit().verify().intact()).as("the trail checks across the new key").isTrue();
        }
    }

    @Test
    void aFolderFromBeforeEncryptionIsEncryptedInPlaceAndKeepsItsPatients() throws Exception {
        Path folder = temp.resolve("clinic");
        LegacyFolders.create(folder, "Old Clinic");
        UUID zoe = LegacyFolders.addPatient(folder, "Zoë", "Legacyname", LocalDate.of(1990, 5, 17), "plain notes xyzzy");
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.UNENCRYPTED);
        assertThat(ClinicAccess.clinicNameBeforeEncryption(folder)).contains("Old Clinic");
        assertThat(ClinicAccess.clinicianNameBeforeEncryption(folder)).contains("Ingrid Hansen");
        assertThat(DatabaseFiles.isPlain(folder)).isTrue();
        byte[] plain = Files.readAllBytes(Database.file(folder));

        assertThatThrownBy(() -> access.setUp(folder, anna(TestKeys.PASSWORD)))
                .as("encrypting is the administrator's choice").isInstanceOf(ClinicAccess.EncryptionNotChosenException.class);
        assertThat(Files.readAllBytes(Database.file(folder))).isEqualTo(plain);
        assertThat(KeyFile.existsIn(folder)).isFalse();

        ClinicAccess.NewClinic chosen = anna(TestKeys.PASSWORD);
        try (Services services = access.setUp(folder, new ClinicAccess.NewClinic(chosen.clinicName(), chosen.username(),
                chosen.displayName(), chosen.password(), true)).services()) {
            Patient loaded = services.patients().load(zoe);
            assertThat(loaded.givenName()).isEqualTo("Zoë");
            assertThat(loaded.familyName()).isEqualTo("Legacyname");
            assertThat(loaded.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 17));
            assertThat(loaded.notes()).isEqualTo("plain notes xyzzy");
            assertThat(services.settings().load().clinicName()).isEqualTo("Fjord Physio");
        }

        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.READY);
        assertThat(DatabaseFiles.isPlain(folder)).isFalse();
        assertThat(firstBytes(Database.file(folder), 9)).isEqualTo("H2encrypt");
        // the plain original is gone: no file in the folder holds the name or the notes
        for (Path file : files(folder)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain("Legacyname").doesNotContain("xyzzy");
        }
        assertThat(files(folder)).extracting(p -> folder.relativize(p).toString())
                .allMatch(name -> !name.contains("encrypting"));
        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.patients().load(zoe).familyName()).isEqualTo("Legacyname");
        }
    }

    @Test
    void aSetUpThatStoppedAfterWritingTheKeyFileFinishesEncryptingAtSignIn() throws Exception {
        // what a crash leaves between writing the key file and replacing the plain database with its encrypted copy
        Path folder = temp.resolve("clinic");
        LegacyFolders.create(folder, "Old Clinic");
        UUID zoe = LegacyFolders.addPatient(folder, "Zoë", "Legacyname", LocalDate.of(1990, 5, 17), "plain notes xyzzy");
        DatabaseKey key = DatabaseKey.random();
        KeyFile keys = KeyFile.create(key, RecoveryKey.random())
                .withClinician("anna", TestKeys.PASSWORD.toCharArray(), key);
        Path staging = folder.resolve(".rebound-encrypting");
        Path crashed = temp.resolve("crashed");
        assertThatThrownBy(() -> DatabaseFiles.encryptInPlace(folder, key, () -> {
            keys.writeTo(folder);
            // what the crash leaves: the staging folder with its encrypted copy (the finally of a live run removes it)
            Files.createDirectories(crashed);
            Files.copy(Database.file(staging), Database.file(crashed));
            throw new IOException("the power went");
        })).hasMessageContaining("the power went");
        Files.createDirectories(staging);
        Files.copy(Database.file(crashed), Database.file(staging));
        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.READY);
        assertThat(DatabaseFiles.isPlain(folder)).isTrue();

        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.patients().load(zoe).familyName()).isEqualTo("Legacyname");
            assertThat(services.session().clinician()).get().extracting(Clinician::administrator).isEqualTo(true);
            assertThat(services.audit().verify().intact()).isTrue();
        }
        access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()).close();
        assertThat(DatabaseFiles.isEncrypted(Database.file(folder))).isTrue();
        try (Database database = Database.openExisting(folder, key)) {
            assertThat(database.dsl().fetchCount(database.dsl().selectFrom("patient"))).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseThatLostItsAccountsIsNeverTakenOverBySigningIn() throws Exception {
        // the issue: a file fallen back to a version without accounts made whoever signed in its administrator
        Path folder = temp.resolve("clinic");
        TestKeys.clinic(folder, clock, Locale.UK).close();
        DatabaseKey key = KeyFile.readFrom(folder).unwrap("anna", TestKeys.PASSWORD.toCharArray()).orElseThrow();
        try (Database database = Database.openExisting(folder, key)) {
            database.dsl().execute("DELETE FROM audit_event");
            database.dsl().execute("DELETE FROM clinician");
        }
        Path head = folder.resolve(AuditStore.HEAD_FILE);

        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .as("the trail's end marker records rows the database lacks")
                .isInstanceOfSatisfying(RecordsUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.DAMAGED));

        Files.writeString(head, "1 00 00\n");
        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .as("an end marker that does not check out is no proof that the trail never started")
                .isInstanceOf(WrongPasswordException.class);
        try (Database database = Database.openExisting(folder, key)) {
            assertThat(database.dsl().fetchCount(database.dsl().selectFrom("clinician"))).isZero();
        }
    }

    @Test
    void anEncryptedDatabaseWithoutItsKeyFileIsNeverSetUpOverNorMovedAside() throws Exception {
        // what a lost key file leaves (or a crash between creating the database and writing the key file)
        Path folder = temp.resolve("clinic");
        Database.open(folder, DatabaseKey.random()).close();
        byte[] before = Files.readAllBytes(Database.file(folder));

        assertThat(ClinicAccess.state(folder)).isEqualTo(ClinicAccess.FolderState.KEY_FILE_MISSING);
        assertThatThrownBy(() -> access.setUp(folder, anna(TestKeys.PASSWORD)))
                .isInstanceOfSatisfying(RecordsUnavailableException.class, e -> assertThat(e.reason())
                        .isEqualTo(RecordsUnavailableException.Reason.KEY_FILE_MISSING));

        assertThat(Files.readAllBytes(Database.file(folder))).as("the records stay, byte for byte").isEqualTo(before);
        assertThat(files(folder)).noneMatch(p -> p.getFileName().toString().contains("without-keys"))
                .noneMatch(p -> p.getFileName().toString().equals(KeyFile.FILE_NAME));
    }

    private static String firstBytes(Path file, int n) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
        }
    }

    static List<Path> files(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
