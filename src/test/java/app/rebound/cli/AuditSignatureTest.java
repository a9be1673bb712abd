package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.AuditEvent;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;
import app.rebound.store.AuditStore;
import app.rebound.store.Database;
import app.rebound.store.DatabaseKey;
import app.rebound.store.KeyFile;
import app.rebound.store.Signer;

/**
 * The attack of the review: a clinician who holds the database key (every clinician does) deletes another
 * clinician's row and rebuilds the trail after it, chain, end marker and all. The HMAC chain alone said
 * "intact"; each row is now signed by the clinician who acted, and {@code audit --verify} fails (exit 5)
 * whatever the rebuilt rows carry: his own signature, hers copied, or none.
 */
class AuditSignatureTest {

    private static final String BOB = "bobs password 22";

    @TempDir
    Path temp;

    private Path folder;
    private Patient zoe;

    /** anna (administrator) and bob, each having looked at zoe's record. */
    private void clinic() throws Exception {
        folder = temp.resolve("clinic");
        try (Services services = TestKeys.clinic(folder)) {
            zoe = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
            services.accounts().add("bob", "Bob Berg", BOB.toCharArray(), false);
        }
        ClinicAccess access = new ClinicAccess(Clock.systemUTC(), Locale.UK, TestKeys.ITERATIONS);
        try (Services bob = access.signIn(folder, "bob", BOB.toCharArray())) {
            bob.patients().load(zoe.id());
        }
        try (Services anna = TestKeys.signIn(folder, Clock.systemUTC(), Locale.UK)) {
            anna.patients().load(zoe.id());
        }
        try (Services bob = access.signIn(folder, "bob", BOB.toCharArray())) {
            bob.patients().load(zoe.id());
        }
        TestKeys.signIn(folder, Clock.systemUTC(), Locale.UK).close();
    }

    @Test
    void aTrailOfSignedRowsVerifiesAndNamesItsSigners() throws Exception {
        clinic();
        Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", folder.toString());

        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intact").contains("signed").contains("anna").contains("bob");
    }

    @Test
    void annasRowDeletedAndTheTrailRebuiltByBobFailsTheCheck() throws Exception {
        // what bob's rebuilt rows carry in anna's name: his own signature, or none at all
        List<Function<Signer, Signer>> variants = List.of(bobs -> bobs, bobs -> null);
        for (int variant = 0; variant < variants.size(); variant++) {
            clinic();
            Signer bobs = KeyFile.readFrom(folder).open("bob", BOB.toCharArray()).orElseThrow().signer().orElseThrow();
            DatabaseKey key = KeyFile.readFrom(folder).unwrap("bob", BOB.toCharArray()).orElseThrow();
            rebuildWithoutAnnasLastView(key, variants.get(variant).apply(bobs));

            Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", folder.toString());
            assertThat(verify.code()).as("variant " + variant + ": " + verify.out()).isEqualTo(5);
            assertThat(verify.err()).as("variant " + variant).contains("anna").containsPattern("sign(ed|ature)");
            temp = temp.resolve("next");
        }
    }

    @Test
    void aRowOfAnnasWithItsTextChangedFailsTheCheckEvenWithTheChainRecomputed() throws Exception {
        clinic();
        DatabaseKey key = KeyFile.readFrom(folder).unwrap("bob", BOB.toCharArray()).orElseThrow();
        try (Database database = Database.openExisting(folder, key)) {
            AuditStore store = new AuditStore(database);
            List<AuditEvent> rows = new ArrayList<>();
            store.forEach(rows::add);
            AuditEvent annas = rows.stream().filter(e -> "anna".equals(e.username()) && e.patientId() != null)
                    .reduce((a, b) -> b).orElseThrow();
            // keep her signature but move the row to another patient: the signature no longer covers it
            var signature = database.dsl().fetchValue("SELECT signature FROM audit_event WHERE seq = " + annas.seq());
            var signer = database.dsl().fetchValue("SELECT signer FROM audit_event WHERE seq = " + annas.seq());
            database.dsl().execute("DELETE FROM audit_event WHERE seq >= " + annas.seq());
            store.anchorAtEnd();
            for (AuditEvent event : rows.subList((int) annas.seq() - 1, rows.size())) {
                store.append(List.of(new AuditStore.Entry(event.clinicianId(), event.username(), event.action(),
                        event == annas ? UUID.randomUUID() : event.patientId(), event.detail())),
                        OffsetDateTime.now());
            }
            database.dsl().execute("UPDATE audit_event SET signature = '" + signature + "', signer = '" + signer
                    + "' WHERE seq = " + annas.seq());
        }

        Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", folder.toString());
        assertThat(verify.code()).as(verify.out()).isEqualTo(5);
        assertThat(verify.err()).contains("anna").contains("signature");
    }

    /**
     * bob (not an administrator) registers a signing key of his own making under anna's name, straight into
     * the database he opens with the key he unwraps, dated before hers, and rebuilds the trail without her
     * last look at zoe, signing her rows with that key. Her next action is signed with her real key, so the
     * fingerprint {@code audit --verify} lists for her (the newest key of each signer) is her real one, the
     * one on the recovery key sheet: comparing fingerprints, as security.md advises, finds nothing.
     */
    @Disabled("finding (attack3): audit --verify accepts a row signed by any key registered under the name it "
            + "names, and any clinician can register one by SQL (the signing keys are not endorsed by the "
            + "clinician's earlier key or an administrator's); with her later rows signed by her real key the "
            + "listed fingerprint is her real one, so the fingerprint comparison security.md relies on misses it. "
            + "Fix: endorse each new signing key (her previous key at a password change, an administrator's at "
            + "add/reset), verify the endorsements, and list every key that signed rows")
    @Test
    void bobRegisteringAKeyInAnnasNameAndResigningHerRowsFailsTheCheckEvenAfterSheActsAgain() throws Exception {
        clinic();
        DatabaseKey key = KeyFile.readFrom(folder).unwrap("bob", BOB.toCharArray()).orElseThrow();
        // a key pair of bob's making: he sets up a clinic of his own as "anna" and takes its signing key
        Path his = temp.resolve("bobs-own");
        TestKeys.clinic(his).close();
        Signer forged = KeyFile.readFrom(his).open(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow()
                .signer().orElseThrow();
        String forgedPublic;
        try (Database own = Database.openExisting(his,
                KeyFile.readFrom(his).unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()).orElseThrow())) {
            forgedPublic = (String) own.dsl().fetchValue("SELECT public_key FROM signing_key WHERE fingerprint = '"
                    + forged.fingerprint() + "'");
        }
        try (Database database = Database.openExisting(folder, key)) {
            database.dsl().execute("INSERT INTO signing_key (fingerprint, username, public_key, registered_at) "
                    + "VALUES ('" + forged.fingerprint() + "', 'anna', '" + forgedPublic + "', "
                    + "TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00')");
        }
        rebuildWithoutAnnasLastView(key, forged);
        String annasReal;
        try (Services anna = TestKeys.signIn(folder, Clock.systemUTC(), Locale.UK)) {
            anna.patients().load(zoe.id());
        }
        try (Database database = Database.openExisting(folder, key)) {
            annasReal = (String) database.dsl().fetchValue("SELECT signer FROM audit_event WHERE username = 'anna' "
                    + "ORDER BY seq DESC LIMIT 1");
        }
        assertThat(annasReal).isNotEqualTo(forged.fingerprint());

        Cli.Result verify = Cli.run("audit", "--verify", "--data-dir", folder.toString());

        assertThat(verify.code()).as(verify.out()).isEqualTo(5);
    }

    /**
     * What bob can do with the database key: delete anna's last look at zoe and every row after it, then
     * write those rows again (his own and hers) through the trail's own code, chain and end marker recomputed.
     */
    private void rebuildWithoutAnnasLastView(DatabaseKey key, Signer inAnnasName) throws Exception {
        try (Database database = Database.openExisting(folder, key)) {
            AuditStore store = new AuditStore(database);
            List<AuditEvent> rows = new ArrayList<>();
            store.forEach(rows::add);
            AuditEvent annas = rows.stream().filter(e -> "anna".equals(e.username()) && zoe.id().equals(e.patientId()))
                    .reduce((a, b) -> b).orElseThrow();
            Signer bobs = KeyFile.readFrom(folder).open("bob", BOB.toCharArray()).orElseThrow().signer().orElseThrow();
            database.dsl().execute("DELETE FROM audit_event WHERE seq >= " + annas.seq());
            store.anchorAtEnd();
            for (AuditEvent event : rows.subList((int) annas.seq(), rows.size())) {
                Signer signer = "bob".equals(event.username()) ? bobs : inAnnasName;
                store.append(List.of(new AuditStore.Entry(event.clinicianId(), event.username(), event.action(),
                        event.patientId(), event.detail(), signer)), OffsetDateTime.now());
            }
            assertThat(rows.subList((int) annas.seq(), rows.size())).as("rows of anna's after the deleted one")
                    .anyMatch(e -> "anna".equals(e.username()));
        }
    }
}
