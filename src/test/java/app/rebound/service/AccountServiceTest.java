package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.Clinician;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;

/** Accounts: administrators add, remove and reset; everyone changes her own password; unlocking counts. */
class AccountServiceTest {

    private static final String BOB_PASSWORD = "bobs password 22";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ClinicAccess access = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);
    private DatabaseKey key;

    @BeforeEach
    void clinic() throws Exception {
        TestKeys.clinic(folder, clock, Locale.UK).close();
        key = KeyFile.readFrom(folder).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
    }

    private Services anna() throws Exception {
        return access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray());
    }

    private Clinician addBob(boolean administrator) throws Exception {
        try (Services services = anna()) {
            return services.accounts().add("Bob", "Bob Berg", BOB_PASSWORD.toCharArray(), administrator);
        }
    }

    @Test
    void anAdministratorAddsAClinicianWhoThenSignsInWithTheSameDatabaseKey() throws Exception {
        Clinician bob = addBob(false);

        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.administrator()).isFalse();
        KeyFile keys = KeyFile.readFrom(folder);
        assertThat(keys.users()).containsExactlyInAnyOrder("anna", "bob");
        assertThat(keys.unwrap("bob", BOB_PASSWORD.toCharArray())).contains(key);
        try (Services services = access.signIn(folder, "bob", BOB_PASSWORD.toCharArray())) {
            assertThat(services.session().clinician()).contains(bob);
        }
        // the data was not re-encrypted: the original key still opens the file
        try (Database database = Database.openExisting(folder, key)) {
            assertThat(database.dsl().fetchOne("SELECT 1")).isNotNull();
        }
        try (Services services = anna()) {
            assertThat(services.accounts().clinicians()).extracting(Clinician::username)
                    .containsExactlyInAnyOrder("anna", "bob");
        }
    }

    @Test
    void aTakenOrRefusedNameOrPasswordAddsNobody() throws Exception {
        Clinician bob = addBob(false);
        try (Services services = anna()) {
            services.accounts().remove(bob.id());
        }
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        try (Services services = anna()) {
            assertThatThrownBy(() -> services.accounts().add("ANNA", "Anna 2", "another password 9".toCharArray(), false))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::messageKey).contains("validation.usernameTaken"));
            assertThatThrownBy(() -> services.accounts().add("bob", "Bob again", "another password 9".toCharArray(),
                    false)).as("a removed account's name is not reused").isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> services.accounts().add("cara", "Cara", "short".toCharArray(), false))
                    .isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> services.accounts().add("c a", "Cara", "another password 9".toCharArray(), false))
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
    }

    @Test
    void aClinicianWhoIsNotAnAdministratorManagesNoAccounts() throws Exception {
        Clinician bob = addBob(false);
        Clinician anna;
        try (Services services = anna()) {
            anna = services.session().clinician().orElseThrow();
        }
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));

        try (Services services = access.signIn(folder, "bob", BOB_PASSWORD.toCharArray())) {
            AccountService accounts = services.accounts();
            assertThatThrownBy(() -> accounts.add("cara", "Cara", "another password 9".toCharArray(), false))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> accounts.remove(anna.id())).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> accounts.resetPassword(anna.id(), "another password 9".toCharArray()))
                    .isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(accounts::clinicians).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> accounts.rename(anna.id(), "Someone")).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> services.audit().verify()).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> services.audit().newestFirst(null, 0, 10)).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> services.audit().exportCsv(folder.resolve("trail.csv")))
                    .isInstanceOf(NotAllowedException.class);
            assertThat(accounts.rename(bob.id(), "Robert Berg").displayName()).as("her own name she may change")
                    .isEqualTo("Robert Berg");
        }
        assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
        assertThat(folder.resolve("trail.csv")).doesNotExist();
        access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()).close();
    }

    @Test
    void nobodyRemovesHerself() throws Exception {
        try (Services services = anna()) {
            Clinician me = services.session().clinician().orElseThrow();
            assertThatThrownBy(() -> services.accounts().remove(me.id())).isInstanceOf(NotAllowedException.class);
        }
        anna().close();
        assertThat(KeyFile.readFrom(folder).has("anna")).isTrue();
    }

    @Test
    void aRemovedClinicianNoLongerSignsIn() throws Exception {
        Clinician bob = addBob(true);
        try (Services services = access.signIn(folder, "bob", BOB_PASSWORD.toCharArray())) {
            assertThat(services.session().clinician()).get().extracting(Clinician::administrator).isEqualTo(true);
        }
        try (Services services = anna()) {
            services.accounts().remove(bob.id());
            assertThat(services.accounts().clinicians()).extracting(Clinician::username).containsExactly("anna");
        }

        assertThat(KeyFile.readFrom(folder).has("bob")).isFalse();
        assertThatThrownBy(() -> access.signIn(folder, "bob", BOB_PASSWORD.toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aResetPasswordRewrapsTheSameKeyAndTheOldPasswordStopsWorking() throws Exception {
        Clinician bob = addBob(false);
        byte[] database = Files.readAllBytes(Database.file(folder));
        try (Services services = anna()) {
            assertThatThrownBy(() -> services.accounts().resetPassword(bob.id(), "weak".toCharArray()))
                    .isInstanceOf(ValidationException.class);
            services.accounts().resetPassword(bob.id(), "bobs new password 3".toCharArray());
        }

        assertThatThrownBy(() -> access.signIn(folder, "bob", BOB_PASSWORD.toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        access.signIn(folder, "bob", "bobs new password 3".toCharArray()).close();
        assertThat(KeyFile.readFrom(folder).unwrap("bob", "bobs new password 3".toCharArray())).contains(key);
        assertThat(KeyFile.readFrom(folder).unwrap("anna", TestKeys.PASSWORD.toCharArray())).contains(key);
        try (Database opened = Database.openExisting(folder, key)) {
            assertThat(opened.dsl().fetchOne("SELECT 1")).isNotNull();
        }
        assertThat(Files.size(Database.file(folder))).as("the database was not rewritten as a whole")
                .isLessThan(database.length * 3L);
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOne() throws Exception {
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        try (Services services = anna()) {
            assertThatThrownBy(() -> services.accounts().changePassword("not my password".toCharArray(),
                    "my new password 44".toCharArray())).isInstanceOf(WrongPasswordException.class);
            assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);
            assertThatThrownBy(() -> services.accounts().changePassword(TestKeys.PASSWORD.toCharArray(),
                    "short".toCharArray())).isInstanceOf(ValidationException.class);
            assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).isEqualTo(keys);

            services.accounts().changePassword(TestKeys.PASSWORD.toCharArray(), "my new password 44".toCharArray());
        }

        assertThatThrownBy(() -> anna()).isInstanceOf(WrongPasswordException.class);
        access.signIn(folder, "anna", "my new password 44".toCharArray()).close();
        assertThat(KeyFile.readFrom(folder).unwrap("anna", "my new password 44".toCharArray())).contains(key);
    }

    @Test
    void unlockingCountsWrongPasswordsTowardsTheSameWaitAsSigningIn() throws Exception {
        try (Services services = anna()) {
            AccountService accounts = services.accounts();
            for (int i = 0; i < 5; i++) {
                assertThat(accounts.unlock("wrong password!!".toCharArray())).isFalse();
            }
            assertThatThrownBy(() -> accounts.unlock(TestKeys.PASSWORD.toCharArray()))
                    .isInstanceOfSatisfying(SignInDelayedException.class, e -> assertThat(e.waitFor())
                            .isEqualTo(Duration.ofSeconds(5)));
            assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                    .as("closing the window does not escape the wait").isInstanceOf(SignInDelayedException.class);

            clock.advance(Duration.ofSeconds(5));
            assertThat(accounts.unlock(TestKeys.PASSWORD.toCharArray())).isTrue();
            assertThat(accounts.unlock("wrong password!!".toCharArray())).as("the count starts again").isFalse();
            assertThat(accounts.unlock(TestKeys.PASSWORD.toCharArray())).isTrue();
            assertThat(services.audit().newestFirst(null, 0, 1).get(0).action().name()).isEqualTo("UNLOCK");
        }
    }
}
