package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.Clinician;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;
import app.rebound.store.KeyRotation;
import app.rebound.store.LegacyKeyFile;
import app.rebound.store.RecoveryKey;

/**
 * A clinic whose key file is in today's format before key pairs (format 1): each entry upgrades at its
 * owner's next sign-in; removing a clinician then rotates the key for everyone upgraded, and refuses,
 * changing nothing, while someone who remains is not; a recovery key of format 1 is replaced.
 */
class KeyFileUpgradeTest {

    private static final String BOB = "bobs password 22";
    private static final String CAROL = "carols password 33";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ClinicAccess access = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);
    private final RecoveryKey recovery = RecoveryKey.random();
    private DatabaseKey key;
    private Clinician bob;

    /** A clinic of anna (administrator), bob and carol, its key file then put back as format 1 wrote it. */
    @BeforeEach
    void oldClinic() throws Exception {
        try (Services services = TestKeys.clinic(folder, clock, Locale.UK)) {
            bob = services.accounts().add("bob", "Bob Berg", BOB.toCharArray(), false);
            services.accounts().add("carol", "Carol Cole", CAROL.toCharArray(), false);
        }
        key = KeyFile.readFrom(folder).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
        try (Database database = Database.openExisting(folder, key)) {
            // a clinic from before the key pairs has no fingerprints yet, nor signed audit rows
            database.dsl().execute("DELETE FROM key_recipient");
            database.dsl().execute("DELETE FROM signing_key");
            database.dsl().execute("UPDATE audit_event SET signer = NULL, signature = NULL");
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(TestKeys.USER, TestKeys.PASSWORD);
        passwords.put("bob", BOB);
        passwords.put("carol", CAROL);
        LegacyKeyFile.write(folder, key, recovery, passwords, TestKeys.ITERATIONS);
    }

    @Test
    void eachEntryUpgradesAtItsOwnersNextSignIn() throws Exception {
        assertThat(LegacyKeyFile.isLegacy(folder, TestKeys.USER)).isTrue();

        access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray()).close();
        assertThat(LegacyKeyFile.isLegacy(folder, TestKeys.USER)).as("anna upgraded").isFalse();
        assertThat(LegacyKeyFile.isLegacy(folder, "bob")).as("bob not yet").isTrue();

        access.signIn(folder, "bob", BOB.toCharArray()).close();
        assertThat(LegacyKeyFile.isLegacy(folder, "bob")).isFalse();
        KeyFile keys = KeyFile.readFrom(folder);
        assertThat(keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray())).contains(key);
        assertThat(keys.unwrap("bob", BOB.toCharArray())).contains(key);
        assertThat(keys.unwrap("carol", CAROL.toCharArray())).contains(key);
        assertThat(keys.unwrap(recovery)).as("the recovery key still opens it").contains(key);
        // and signing in again with an upgraded entry works as before; the old unsigned rows and the new signed
        // ones check together
        try (Services services = access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray())) {
            var check = services.audit().verify();
            assertThat(check.intact()).as(check.problem()).isTrue();
            assertThat(check.signedRows()).isPositive().isLessThan(check.rows());
            assertThat(check.signers()).containsOnlyKeys(TestKeys.USER, "bob");
        }
    }

    @Test
    void anEntryOfFormatOneWrittenBackForSomeoneAlreadyUpgradedIsRefused() throws Exception {
        // a reviewer's attack: anyone who holds the database key writes a format-1 entry for anna under a
        // password of her own; upgrading it would register the attacker's signing key as anna's
        access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray()).close();
        access.signIn(folder, "bob", BOB.toCharArray()).close();
        Map<String, String> mallory = new LinkedHashMap<>();
        mallory.put(TestKeys.USER, "mallory chose this one");
        mallory.put("bob", BOB);
        mallory.put("carol", CAROL);
        LegacyKeyFile.write(folder, key, RecoveryKey.random(), mallory, TestKeys.ITERATIONS);

        assertThatThrownBy(() -> access.signIn(folder, TestKeys.USER, "mallory chose this one".toCharArray()))
                .isInstanceOfSatisfying(RecordsUnavailableException.class, e -> assertThat(e.reason())
                        .isEqualTo(RecordsUnavailableException.Reason.OTHER_KEY_FILE));
        assertThat(LegacyKeyFile.isLegacy(folder, TestKeys.USER)).as("nothing was upgraded").isTrue();
    }

    @Test
    void aRemovalWaitsForEveryoneWhoRemainsToHaveSignedInThenRotatesAndReplacesTheRecoveryKey() throws Exception {
        byte[] oldKeyFile = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        try (Services services = access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray())) {
            byte[] before = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
            assertThatThrownBy(() -> services.accounts().remove(bob.id()))
                    .isInstanceOf(NotAllowedException.class).hasMessageContaining("carol")
                    .hasMessageContaining("sign in once");
            assertThat(Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME))).as("nothing changed").isEqualTo(before);
            assertThat(services.accounts().clinicians()).extracting(Clinician::username).contains("bob");
        }
        access.signIn(folder, "carol", CAROL.toCharArray()).close();

        AccountService.Removal removal;
        try (Services services = access.signIn(folder, TestKeys.USER, TestKeys.PASSWORD.toCharArray())) {
            removal = services.accounts().remove(bob.id());
        }

        // the recovery key of format 1 could not be given the new key: a new one was made, the old one is void
        assertThat(removal.newRecoveryKey()).isPresent();
        RecoveryKey newRecovery = RecoveryKey.parse(removal.newRecoveryKey().get()).orElseThrow();
        KeyFile keys = KeyFile.readFrom(folder);
        DatabaseKey now = keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow();
        assertThat(now).isNotEqualTo(key);
        assertThat(keys.unwrap(newRecovery)).contains(now);
        assertThat(keys.unwrap(recovery)).isEmpty();
        assertThat(keys.unwrap("carol", CAROL.toCharArray())).contains(now);
        assertThat(keys.has("bob")).isFalse();
        assertThat(KeyRotation.keyOf(folder, key)).as("the old key opens nothing").isEmpty();

        // bob's copy of the old key file: it gives him the old key, which opens nothing
        Files.write(folder.resolve(KeyFile.FILE_NAME), oldKeyFile);
        assertThatThrownBy(() -> access.signIn(folder, "bob", BOB.toCharArray()))
                .isInstanceOfSatisfying(RecordsUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordsUnavailableException.Reason.OTHER_KEY_FILE));
        keys.writeTo(folder);
        access.recover(folder, newRecovery.text(), "carol", "carols new password 44".toCharArray()).close();
        access.signIn(folder, "carol", "carols new password 44".toCharArray()).close();
    }
}
