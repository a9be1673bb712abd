package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.server.TestPostgres;

/**
 * {@link TwoWorkstationsServiceContract} on PostgreSQL: two workstations, each with its own connections (both
 * the database's owner signed in). Also what only a server has: a change made on one workstation reaches
 * the other's listener (LISTEN/NOTIFY), never its own, and the listener comes back after losing its connection.
 */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class PostgresTwoWorkstationsServiceTest extends TwoWorkstationsServiceContract {

    private TestPostgres.Owned clinic;

    @Override
    Services[] openTwo() {
        clinic = TestPostgres.newDatabase();
        ClinicAccess access = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);
        Services first = access.setUpOnServer(clinic.address(), "Test Clinic", clinic.owner(), "Anna Physio",
                clinic.password());
        Services second = access.signInOnServer(clinic.address(), clinic.owner(), clinic.password());
        return new Services[] {first, second};
    }

    @Override
    void closeTwo(Services[] both) {
        both[1].close();
        both[0].close();
    }

    @Override
    String secondName() {
        return "Anna Physio";
    }

    @Test
    void aChangeOnOneWorkstationReachesTheOthersListenerNeverItsOwn() throws Exception {
        List<OtherWorkstations.RecordChange> heardHere = new CopyOnWriteArrayList<>();
        List<OtherWorkstations.RecordChange> heardThere = new CopyOnWriteArrayList<>();
        here.workstations().listen(heardHere::add);
        there.workstations().listen(heardThere::add);
        Thread.sleep(500); // both listening

        Patient patient = there.patients().save(PatientFixture.patient("Ana", "Lima").build());
        Visit visit = there.visits().save(VisitFixture.withRedFlags(Visit.draft(patient.id(), TODAY,
                VisitKind.INITIAL), Set.of())).visit();

        waitUntil(() -> heardHere.contains(new OtherWorkstations.RecordChange("visit", patient.id(), visit.id())));
        assertThat(heardHere).contains(new OtherWorkstations.RecordChange("patient", patient.id(), patient.id()));
        Thread.sleep(500);
        assertThat(heardThere).as("a workstation does not hear its own changes").isEmpty();
    }

    @Test
    void theListenerComesBackAfterItsConnectionIsCutAndSaysAnythingMayHaveChanged() throws Exception {
        List<OtherWorkstations.RecordChange> heard = new CopyOnWriteArrayList<>();
        here.workstations().listen(heard::add);
        Thread.sleep(500);
        // the server ends the listener's session (a restart, a network cut)
        TestPostgres.asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + here.database().workstation() + "' AND query LIKE 'LISTEN%'");
        waitUntil(() -> heard.contains(OtherWorkstations.RecordChange.everything()));

        Patient patient = there.patients().save(PatientFixture.patient("Ana", "Lima").build());
        waitUntil(() -> heard.contains(new OtherWorkstations.RecordChange("patient", patient.id(), patient.id())));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(end);
            Thread.sleep(50);
        }
    }
}
