package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import app.rebound.server.TestPostgres;

/**
 * What the window's lock screen and My account do on the clinic's server: the password is her login's,
 * checked by the server (there is no key file on a workstation of a server), and a new one is her login's too.
 */
@Tag("postgresql")
@ExtendWith(TestPostgres.class)
class ServerAccountTest {

    private final ClinicAccess access = new ClinicAccess(Clock.systemUTC(), Locale.UK);

    @Test
    void theLockScreenChecksHerLoginOnTheServer() throws Exception {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        access.setUpOnServer(clinic.address(), "Fjord Physio", clinic.owner(), "Ingrid Hansen", clinic.password())
                .close();
        try (Services services = access.signInOnServer(clinic.address(), clinic.owner(), clinic.password())) {
            assertThat(services.accounts().unlock("not her password".toCharArray())).isFalse();
            assertThat(services.accounts().unlock(clinic.password())).isTrue();
            assertThat(services.audit().count()).as("the unlock is in the audit trail").isGreaterThan(0);
        }
    }

    @Test
    void myAccountChangesHerLoginsPasswordAndTheWindowGoesOnWorking() throws Exception {
        TestPostgres.Owned clinic = TestPostgres.newDatabase();
        access.setUpOnServer(clinic.address(), "Fjord Physio", clinic.owner(), "Ingrid Hansen", clinic.password())
                .close();
        String next = "a new password for the winter 2026";
        try (Services services = access.signInOnServer(clinic.address(), clinic.owner(), clinic.password())) {
            assertThatThrownBy(() -> services.accounts().changePassword("wrong".toCharArray(), next.toCharArray()))
                    .isInstanceOf(WrongPasswordException.class);

            services.accounts().changePassword(clinic.password(), next.toCharArray());

            assertThat(services.accounts().unlock(next.toCharArray())).isTrue();
            assertThat(services.accounts().unlock(clinic.password())).isFalse();
            // her connections end (the server restarted, say): the pool's new ones sign in with the new password
            TestPostgres.asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
                    + clinic.owner() + "'");
            try {
                services.patients().search("", false);
            } catch (RuntimeException e) {
                // a connection the pool had just used is not checked again: its loss is told as such, once
                assertThat(ServerLink.lost(e)).as("told as the server lost").isTrue();
            }
            Thread.sleep(700);
            assertThat(services.patients().search("", false).patients()).isEmpty();
        }
        assertThatThrownBy(() -> access.signInOnServer(clinic.address(), clinic.owner(), clinic.password()))
                .isInstanceOf(WrongPasswordException.class);
        try (Services again = access.signInOnServer(clinic.address(), clinic.owner(), next.toCharArray())) {
            assertThat(again.patients().search("", false).patients()).isEmpty();
        }
    }
}
