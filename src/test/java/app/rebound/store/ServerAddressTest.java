package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void theShortFormAndTheJdbcFormNameTheSameServer() {
        ServerAddress short_ = ServerAddress.parse("postgresql://db.clinic.example/rebound");
        ServerAddress jdbc = ServerAddress.parse("jdbc:postgresql://db.clinic.example:5432/rebound");

        assertThat(short_).isEqualTo(jdbc);
        assertThat(short_.port()).isEqualTo(5432);
        assertThat(ServerAddress.parse("postgresql://db:6543/rebound").port()).isEqualTo(6543);
    }

    @Test
    void anotherHostIsReachedOnlyOverTlsWithItsCertificateAndNameChecked() {
        assertThat(ServerAddress.parse("postgresql://db.clinic.example/rebound").jdbcUrl())
                .contains("sslmode=verify-full");
        assertThat(ServerAddress.parse("postgresql://10.0.0.5/rebound?sslrootcert=/etc/clinic-ca.pem").jdbcUrl())
                .contains("sslmode=verify-full").contains("sslrootcert=%2Fetc%2Fclinic-ca.pem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "require", "verify-ca"})
    void anAddressAskingForLessThanACheckedCertificateIsRefusedForAnotherHost(String mode) {
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://db.clinic.example/rebound?sslmode=" + mode))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not this computer")
                .hasMessageContaining("sslmode=" + mode + " is refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.8.9.10", "[::1]"})
    void onThisComputerAPlainConnectionIsAllowed(String host) {
        ServerAddress address = ServerAddress.parse("postgresql://" + host + ":5433/rebound?sslmode=disable");

        assertThat(address.loopback()).isTrue();
        assertThat(address.jdbcUrl()).contains("sslmode=disable");
        assertThat(ServerAddress.parse("postgresql://" + host + "/rebound").jdbcUrl()).contains("sslmode=prefer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"128.0.0.1", "localhost.example.com", "10.0.0.1", "[::2]"})
    void otherHostsAreNotLoopback(String host) {
        assertThat(ServerAddress.parse("postgresql://" + host + "/rebound").loopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "db.clinic.example/rebound", "mysql://db/rebound", "postgresql://db/",
            "postgresql:///rebound", "postgresql://anna:secret@db/rebound", "postgresql://db/rebound?password=x",
            "jdbc:postgresql://a,b/rebound", "postgresql://db/re bound"})
    void aWrongAddressIsRefusedSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> ServerAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message().satisfiesAnyOf(
                        message -> assertThat(message).contains("postgresql://HOST[:PORT]/DATABASE"),
                        message -> assertThat(message).contains("--user"),
                        message -> assertThat(message).contains("does not take"));
    }

    @Test
    void theOptionWinsOverTheEnvironmentAndWithoutEitherTheRecordsAreOnThisComputer() {
        Map<String, String> environment = Map.of(ServerAddress.ENVIRONMENT_VARIABLE, "postgresql://env-host/rebound");

        assertThat(ServerAddress.chosen("postgresql://option-host/rebound", environment)).get()
                .extracting(ServerAddress::host).isEqualTo("option-host");
        assertThat(ServerAddress.chosen(null, environment)).get().extracting(ServerAddress::host)
                .isEqualTo("env-host");
        assertThat(ServerAddress.chosen(null, Map.of())).isEmpty();
        assertThat(ServerAddress.chosen(null, Map.of(ServerAddress.ENVIRONMENT_VARIABLE, " "))).isEmpty();
    }
}
