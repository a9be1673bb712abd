package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.domain.AuditAction;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.server.TestPostgres;
import app.rebound.store.jooq.Tables;

/** What a clinician's own login may do on the server: the grants, not the app, decide. */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerGrantsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final AtomicInteger LOGINS = new AtomicInteger();

    private Database clinician;
    private String login;

    @BeforeEach
    void clinicianSignsIn() {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        try (Database owner = Database.connect(clinic.address(), clinic.owner(), clinic.password(),
                Database.Schema.MIGRATE)) {
            // as init does: the trail's key is made by the owner, clinicians may only read it
            new AuditStore(owner);
        }
        login = "clinician_" + LOGINS.incrementAndGet() + "_" + clinic.address().database();
        // as an administrator's `clinician add` makes her: a login, a member of rebound_clinician
        TestPostgres.asSuperuser("CREATE ROLE " + login + " LOGIN PASSWORD 'her own password' IN ROLE rebound_clinician");
        clinician = Database.connect(clinic.address(), login, "her own password".toCharArray(), Database.Schema.CURRENT);
    }

    @AfterEach
    void close() {
        if (clinician != null) {
            clinician.close();
        }
    }

    @Test
    void sheDoesTheDaysWorkAndHerRowsGoIntoTheTrail() {
        Patient zoe = patient("Zoë", "Ødegård").build();
        new PatientStore(clinician).save(zoe);
        Visit visit = VisitFixture.full(zoe.id(), LocalDate.of(2026, 11, 2));
        new VisitStore(clinician).save(visit, SuggestedStage.REFER, AlsoInTransaction.NOTHING,
                new Change(Change.NEW, login, NOW.toInstant()));
        new ProgressSummaryStore(clinician).save(zoe.id(), "Running again", NOW.toInstant());
        // each change notifies the other workstations (V15_1's trigger runs with her rights), a programme too
        new ProgrammeStore(clinician).save(visit.id(), new Programme(Stage.BUILD, SuggestedStage.BUILD, List.of(
                new ProgrammeItem("pf-knack", new Dose(1, 5, 0, 2, 7), null, List.of())), List.of(), 4));
        // and the visit she has open shows as being edited by her elsewhere
        PresenceStore presence = new PresenceStore(clinician);
        presence.mark(visit.id(), "her workstation", login, NOW.toInstant());
        assertThat(presence.others(visit.id(), "another workstation", NOW.toInstant())).containsExactly(login);
        presence.releaseAll("her workstation");
        assertThat(presence.others(visit.id(), "another workstation", NOW.toInstant())).isEmpty();
        AuditStore trail = new AuditStore(clinician);
        trail.append(List.of(new AuditStore.Entry(null, login, AuditAction.CHANGE, zoe.id(), null)), NOW);

        assertThat(new VisitStore(clinician).find(visit.id())).contains(visit);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void sheCannotChangeOrDeleteAuditRows() {
        AuditStore trail = new AuditStore(clinician);
        trail.append(List.of(new AuditStore.Entry(null, login, AuditAction.VIEW, UUID.randomUUID(), null)), NOW);

        for (String sql : List.of("UPDATE audit_event SET detail = 'covered up'", "DELETE FROM audit_event",
                "TRUNCATE audit_event", "UPDATE audit_trail_key SET hmac_key = 'x'", "DELETE FROM signing_key",
                "DROP TABLE audit_event")) {
            assertThatThrownBy(() -> clinician.dsl().execute(sql)).as(sql)
                    .isInstanceOfSatisfying(DataAccessException.class,
                            e -> assertThat(e.sqlState()).isIn("42501", "42P01"));
        }
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.count()).isEqualTo(1);
    }

    @Test
    void sheCannotAddLoginsNorAccounts() {
        for (String sql : List.of("CREATE ROLE intruder LOGIN PASSWORD 'x'",
                "GRANT rebound_admin TO " + login,
                "INSERT INTO clinician (id, username, display_name, administrator, created_at) VALUES ("
                        + "gen_random_uuid(), 'intruder', 'Intruder', TRUE, now())",
                "SELECT rebound_account_add(gen_random_uuid(), 'intruder', 'Intruder', TRUE, now())",
                "SELECT rebound_account_remove('anyone', now())")) {
            assertThatThrownBy(() -> clinician.dsl().execute(sql)).as(sql)
                    .isInstanceOfSatisfying(DataAccessException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("42501"));
        }
        assertThat(clinician.dsl().fetchCount(Tables.CLINICIAN)).isZero();
    }

    @Test
    void anAdministratorAddsAndRemovesAccountsThroughTheFunctions() {
        TestPostgres.asSuperuser("GRANT rebound_admin TO " + login);

        clinician.dsl().execute("SELECT rebound_account_add(gen_random_uuid(), 'anna', 'Anna', FALSE, now())");
        assertThat(clinician.dsl().fetchValue("SELECT rebound_account_remove('anna', now())")).isEqualTo(true);

        assertThat(new ClinicianStore(clinician).byUsername("anna")).isEmpty();
    }
}
