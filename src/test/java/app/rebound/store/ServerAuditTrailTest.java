package app.rebound.store;

import static app.rebound.store.jooq.Tables.SIGNING_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.domain.AuditAction;
import app.rebound.server.TestPostgres;

/** The audit trail on a server, appended to from two workstations at once. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerAuditTrailTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void twoWorkstationsAppendingAtOnceLoseNothingAndLeaveAnIntactSignedTrail() throws Exception {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        Database.connect(clinic.address(), clinic.owner(), clinic.password(), Database.Schema.MIGRATE).close();
        int each = 100;
        try (Database first = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.CURRENT);
                Database second = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                        Database.Schema.CURRENT)) {
            Signer anna = registered(first, "anna");
            Signer zoe = registered(first, "zoë");
            AuditStore annaTrail = new AuditStore(first);
            AuditStore zoeTrail = new AuditStore(second);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService workstations = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                done.add(workstations.submit(appends(annaTrail, "anna", anna, each, start)));
                done.add(workstations.submit(appends(zoeTrail, "zoë", zoe, each, start)));
                for (Future<Integer> workstation : done) {
                    assertThat(workstation.get()).isEqualTo(each);
                }
            } finally {
                workstations.shutdownNow();
            }

            for (AuditStore trail : List.of(annaTrail, zoeTrail)) {
                AuditStore.Verification check = trail.verify();
                assertThat(check.intact()).as(check.problem()).isTrue();
                assertThat(check.rows()).isEqualTo(2L * each);
                assertThat(check.signedRows()).isEqualTo(2L * each);
                assertThat(check.signers()).containsOnlyKeys("anna", "zoë");
            }
            assertThat(first.dsl().fetchValue("SELECT seq FROM audit_head WHERE id = 1", Long.class))
                    .isEqualTo(2L * each);
        }
    }

    @Test
    void aRowRemovedFromTheEndIsFoundByTheHeadRow() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        try (Database database = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.MIGRATE)) {
            AuditStore trail = new AuditStore(database);
            for (int i = 0; i < 3; i++) {
                trail.append(List.of(new AuditStore.Entry(null, "anna", AuditAction.VIEW, UUID.randomUUID(), null)),
                        NOW);
            }
            assertThat(trail.verify().intact()).isTrue();

            database.dsl().execute("DELETE FROM audit_event WHERE seq = 3");

            AuditStore.Verification check = trail.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.problem()).isEqualTo("rows 3–3 were removed from the end of the trail");
        }
    }

    private static Callable<Integer> appends(AuditStore trail, String user, Signer signer, int count,
            CyclicBarrier start) {
        return () -> {
            start.await();
            for (int i = 0; i < count; i++) {
                trail.append(List.of(new AuditStore.Entry(UUID.randomUUID(), user, AuditAction.VIEW, UUID.randomUUID(),
                        "append " + i, signer)), NOW.plusSeconds(i));
            }
            return count;
        };
    }

    private static Signer registered(Database database, String user) {
        KeyPair pair = Signer.newKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();
        Signer signer = new Signer(pair.getPrivate(), publicKey);
        database.dsl().insertInto(SIGNING_KEY).set(SIGNING_KEY.FINGERPRINT, signer.fingerprint())
                .set(SIGNING_KEY.USERNAME, user).set(SIGNING_KEY.PUBLIC_KEY, HexFormat.of().formatHex(publicKey))
                .set(SIGNING_KEY.REGISTERED_AT, NOW.minusDays(1)).execute();
        return signer;
    }
}
