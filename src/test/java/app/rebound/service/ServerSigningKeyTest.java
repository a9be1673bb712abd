package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.TestKeys;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Clinician;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.server.TestPostgres;
import app.rebound.store.AuditStore;
import app.rebound.store.Database;

/**
 * Issue 19's signing keys on a clinic's server: each clinician's key pair lives in the database, its private
 * key wrapped under her password; the rows she causes are signed with it, as in the embedded mode.
 */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerSigningKeyTest {

    private static final String BOB = "bobs own password 22";
    private static final String CAROL = "carols own password 33";

    private final ClinicAccess access = new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS);

    private TestPostgres.Owned clinic;
    private String bob;
    private String carol;
    private Patient zoe;

    /** The owner's clinic with bob and carol (each a login of her own) and one patient. */
    private void clinic() throws Exception {
        clinic = TestPostgres.newDatabase();
        String suffix = clinic.address().database().replaceAll("[^a-z0-9]", "");
        bob = "bob" + suffix;
        carol = "carol" + suffix;
        try (Services owner = access.setUpOnServer(clinic.address(), "Fjord Physio", clinic.owner(), "Ingrid Hansen",
                clinic.password())) {
            owner.accounts().add(bob, "Bob Berg", BOB.toCharArray(), false);
            owner.accounts().add(carol, "Carol Dahl", CAROL.toCharArray(), false);
            zoe = owner.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
        }
    }

    private Services signIn(String user, String password) {
        return access.signInOnServer(clinic.address(), user, password.toCharArray());
    }

    private Database asOwner() {
        return Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.CURRENT);
    }

    private String storedFingerprint(String user) {
        try (Database owner = asOwner()) {
            return owner.dsl().fetchOptional("SELECT fingerprint FROM clinician_signing_key WHERE username = ?", user)
                    .map(row -> row.get(0, String.class)).orElse(null);
        }
    }

    private List<String> signersOfRowsBy(String user) {
        try (Database owner = asOwner()) {
            return owner.dsl().fetch("SELECT signer FROM audit_event WHERE username = ? ORDER BY seq", user)
                    .getValues(0, String.class);
        }
    }

    private AuditStore.Verification verify() {
        try (Database owner = asOwner()) {
            return new AuditStore(owner).verify();
        }
    }

    @Test
    void rowsAfterSignInAreSignedWithHerOwnKeyAndTheTrailVerifies() throws Exception {
        clinic();
        try (Services services = signIn(bob, BOB)) {
            services.patients().load(zoe.id());
        }

        String fingerprint = storedFingerprint(bob);
        assertThat(fingerprint).as("her key pair was made and kept at her first sign-in").isNotNull();
        assertThat(signersOfRowsBy(bob)).isNotEmpty().containsOnly(fingerprint);
        assertThat(signersOfRowsBy(clinic.owner())).as("the owner's rows from the set-up on").doesNotContainNull();
        try (Database owner = asOwner()) {
            assertThat(owner.dsl().fetchValue("SELECT username FROM signing_key WHERE fingerprint = ?", fingerprint))
                    .as("its public key registered under her name").isEqualTo(bob);
            assertThat(owner.dsl().fetchValue("SELECT wrapped FROM clinician_signing_key WHERE username = ?", bob)
                    .toString()).as("stored wrapped, never as the key itself")
                    .doesNotContain(owner.dsl().fetchValue("SELECT public_key FROM clinician_signing_key "
                            + "WHERE username = ?", bob).toString());
            assertThat(owner.dsl().fetchValue("SELECT iterations FROM clinician_signing_key WHERE username = ?", bob))
                    .isEqualTo(TestKeys.ITERATIONS);
        }
        AuditStore.Verification verification = verify();
        assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
        assertThat(verification.signedRows()).isGreaterThan(0);
        assertThat(verification.signers()).containsEntry(bob, fingerprint).containsKey(clinic.owner());

        // the next sign-in unwraps the same key
        try (Services again = signIn(bob, BOB)) {
            again.patients().load(zoe.id());
        }
        assertThat(storedFingerprint(bob)).isEqualTo(fingerprint);
        assertThat(signersOfRowsBy(bob)).containsOnly(fingerprint);
    }

    @Test
    void herOwnPasswordChangeRewrapsHerKeyAndSheGoesOnSigningWithIt() throws Exception {
        clinic();
        String next = "a new password for the winter 2026";
        String fingerprint;
        try (Services services = signIn(bob, BOB)) {
            fingerprint = storedFingerprint(bob);
            services.accounts().changePassword(BOB.toCharArray(), next.toCharArray());
            services.patients().load(zoe.id());
        }
        assertThatThrownBy(() -> signIn(bob, BOB)).isInstanceOf(WrongPasswordException.class);
        try (Services again = signIn(bob, next)) {
            again.patients().load(zoe.id());
        }

        assertThat(fingerprint).isNotNull();
        assertThat(storedFingerprint(bob)).as("the same key, rewrapped").isEqualTo(fingerprint);
        assertThat(signersOfRowsBy(bob)).hasSizeGreaterThanOrEqualTo(4).containsOnly(fingerprint);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void anAdministratorsResetEndsHerWrappedKeyAndHerOldRowsStillVerify() throws Exception {
        clinic();
        try (Services services = signIn(bob, BOB)) {
            services.patients().load(zoe.id());
        }
        String old = storedFingerprint(bob);
        String reset = "a password the administrator set 44";
        try (Services owner = access.signInOnServer(clinic.address(), clinic.owner(), clinic.password())) {
            UUID id = owner.accounts().clinicians().stream().filter(c -> c.username().equals(bob))
                    .map(Clinician::id).findFirst().orElseThrow();
            owner.accounts().resetPassword(id, reset.toCharArray());
        }
        assertThat(storedFingerprint(bob)).as("her wrapped key is gone").isNull();

        try (Services services = signIn(bob, reset)) {
            services.patients().load(zoe.id());
        }
        String renewed = storedFingerprint(bob);
        assertThat(renewed).isNotNull().isNotEqualTo(old);
        assertThat(signersOfRowsBy(bob)).contains(old, renewed).doesNotContainNull();
        AuditStore.Verification verification = verify();
        assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
        assertThat(verification.signers()).containsEntry(bob, renewed);
    }

    @Test
    void anotherClinicianCanNeitherReadNorWriteHerWrappedKeyRow() throws Exception {
        clinic();
        signIn(bob, BOB).close();
        signIn(carol, CAROL).close();
        String bobs = storedFingerprint(bob);

        try (Database asCarol = Database.connect(clinic.address(), carol, CAROL.toCharArray(),
                Database.Schema.CURRENT)) {
            assertThat(asCarol.dsl().fetch("SELECT username FROM clinician_signing_key").getValues(0, String.class))
                    .as("only her own row").containsExactly(carol);
            assertThat(asCarol.dsl().execute("UPDATE clinician_signing_key SET iterations = 1 WHERE username = ?",
                    bob)).isZero();
            assertThat(asCarol.dsl().execute("DELETE FROM clinician_signing_key WHERE username = ?", bob)).isZero();
            assertThatThrownBy(() -> asCarol.dsl().execute("INSERT INTO clinician_signing_key (username, kdf, "
                    + "iterations, salt, nonce, wrapped, public_key, fingerprint, created_at) SELECT ?, kdf, iterations,"
                    + " salt, nonce, wrapped, public_key, fingerprint, created_at FROM clinician_signing_key", bob))
                    .as("no row in another's name").isInstanceOf(DataAccessException.class);
            // nor a public key registered in bob's name, nor his wrapped key taken away as an administrator would
            assertThatThrownBy(() -> asCarol.dsl().execute("INSERT INTO signing_key (fingerprint, username, "
                    + "public_key, registered_at) VALUES ('00', ?, '00', now())", bob))
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> asCarol.dsl().execute("SELECT rebound_signing_key_forget(?)", bob))
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(storedFingerprint(bob)).isEqualTo(bobs).isNotNull();
    }

    @Test
    void aRowOfHersRewrittenByTheOwnerWithTheChainRecomputedFailsTheCheck() throws Exception {
        clinic();
        try (Services services = signIn(bob, BOB)) {
            services.patients().load(zoe.id());
        }
        signIn(carol, CAROL).close();

        // the owner owns the tables: she moves bob's look at zoe to another patient and writes the trail after it
        // again through the trail's own code, chain and end marker recomputed, bob's signature kept on the row
        try (Database owner = asOwner()) {
            AuditStore store = new AuditStore(owner);
            List<AuditEvent> rows = new ArrayList<>();
            store.forEach(rows::add);
            AuditEvent bobs = rows.stream().filter(e -> bob.equals(e.username()) && zoe.id().equals(e.patientId()))
                    .reduce((a, b) -> b).orElseThrow();
            Object signature = owner.dsl().fetchValue("SELECT signature FROM audit_event WHERE seq = " + bobs.seq());
            Object signer = owner.dsl().fetchValue("SELECT signer FROM audit_event WHERE seq = " + bobs.seq());
            owner.dsl().execute("DELETE FROM audit_event WHERE seq >= " + bobs.seq());
            store.anchorAtEnd();
            for (AuditEvent event : rows.subList((int) bobs.seq() - 1, rows.size())) {
                store.append(List.of(new AuditStore.Entry(event.clinicianId(), event.username(), event.action(),
                        event == bobs ? UUID.randomUUID() : event.patientId(), event.detail())), OffsetDateTime.now());
            }
            owner.dsl().execute("UPDATE audit_event SET signature = ?, signer = ? WHERE seq = " + bobs.seq(),
                    signature, signer);
        }

        AuditStore.Verification verification = verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains(bob).containsPattern("sign(ed|ature)");
    }

    @Test
    void aRowAskingForFewerIterationsThanTheFloorIsNeverDerivedWithAndANewKeyReplacesIt() throws Exception {
        clinic();
        signIn(bob, BOB).close();
        String old = storedFingerprint(bob);
        try (Database owner = asOwner()) {
            owner.dsl().execute("UPDATE clinician_signing_key SET iterations = 1 WHERE username = ?", bob);
        }

        try (Services services = signIn(bob, BOB)) {
            services.patients().load(zoe.id());
        }

        String renewed = storedFingerprint(bob);
        assertThat(renewed).isNotNull().isNotEqualTo(old);
        try (Database owner = asOwner()) {
            assertThat(owner.dsl().fetchValue("SELECT iterations FROM clinician_signing_key WHERE username = ?", bob))
                    .isEqualTo(TestKeys.ITERATIONS);
            assertThat(owner.dsl().fetchCount(owner.dsl().selectFrom("audit_event").where("username = ? AND detail "
                    + "LIKE 'signing key of % made (hers did not open%'", bob))).isEqualTo(1);
        }
        assertThat(signersOfRowsBy(bob)).contains(old, renewed).doesNotContainNull();
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedByTheServerBeforeAnyKeyIsTouched() throws Exception {
        clinic();
        assertThatThrownBy(() -> signIn(bob, "not bobs password at all")).isInstanceOf(WrongPasswordException.class);
        assertThat(storedFingerprint(bob)).as("no key made for a refused sign-in").isNull();
        signIn(bob, BOB).close();
        String fingerprint = storedFingerprint(bob);

        assertThatThrownBy(() -> signIn(bob, "not bobs password at all")).isInstanceOf(WrongPasswordException.class);
        assertThat(storedFingerprint(bob)).as("her key kept as it was").isEqualTo(fingerprint).isNotNull();
    }
}
