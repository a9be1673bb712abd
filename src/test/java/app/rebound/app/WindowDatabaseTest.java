package app.rebound.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.service.ServerChoice;

/** Which records the window opens: --database, then REBOUND_DATABASE, then the saved choice, then this computer. */
class WindowDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheSavedChoiceWhichWinsOverThisComputer() throws Exception {
        Map<String, String> environment = Map.of("REBOUND_DATABASE", "postgresql://env.clinic.example/rebound");

        WindowDatabase nothing = WindowDatabase.choose(null, Map.of(), folder);
        ServerChoice.of("saved.clinic.example", "6543", "clinic").keepIn(folder);
        WindowDatabase saved = WindowDatabase.choose(null, Map.of(), folder);
        WindowDatabase fromEnvironment = WindowDatabase.choose(null, environment, folder);
        WindowDatabase fromOption = WindowDatabase.choose("jdbc:postgresql://option.clinic.example:5433/records",
                environment, folder);

        assertThat(nothing.server()).isNull();
        assertThat(nothing.source()).isEqualTo(WindowDatabase.Source.THIS_COMPUTER);
        assertThat(saved.server()).hasToString("postgresql://saved.clinic.example:6543/clinic");
        assertThat(saved.source()).isEqualTo(WindowDatabase.Source.SAVED);
        assertThat(fromEnvironment.server()).hasToString("postgresql://env.clinic.example:5432/rebound");
        assertThat(fromEnvironment.source()).isEqualTo(WindowDatabase.Source.ENVIRONMENT);
        assertThat(fromOption.server()).hasToString("postgresql://option.clinic.example:5433/records");
        assertThat(fromOption.source()).isEqualTo(WindowDatabase.Source.OPTION);
        // she may change what she chose in the window, never what the option or the environment set
        assertThat(List.of(nothing.changeable(), saved.changeable(), fromEnvironment.changeable(),
                fromOption.changeable())).containsExactly(true, true, false, false);
    }

    @Test
    void aBlankEnvironmentVariableIsNoChoiceAndAForgottenChoiceIsThisComputer() throws Exception {
        ServerChoice.of("saved.clinic.example", "", "clinic").keepIn(folder);
        assertThat(WindowDatabase.choose(null, Map.of("REBOUND_DATABASE", " "), folder).source())
                .isEqualTo(WindowDatabase.Source.SAVED);
        ServerChoice.forget(folder);
        assertThat(WindowDatabase.choose(null, Map.of(), folder).source())
                .isEqualTo(WindowDatabase.Source.THIS_COMPUTER);
    }

    @Test
    void anAddressThatIsNotOneIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> WindowDatabase.choose("mysql://db/rebound", Map.of(), folder))
                .isInstanceOf(LaunchOptions.UsageException.class)
                .hasMessageStartingWith("--database: \"mysql://db/rebound\" is not a PostgreSQL address");
        assertThatThrownBy(() -> WindowDatabase.choose(null,
                Map.of("REBOUND_DATABASE", "postgresql://db.clinic.example/rebound?sslmode=disable"), folder))
                .isInstanceOf(LaunchOptions.UsageException.class)
                .hasMessageStartingWith("REBOUND_DATABASE: the server db.clinic.example is not this computer");
        assertThatThrownBy(() -> WindowDatabase.choose("postgresql://anna:secret@db.clinic.example/rebound",
                Map.of(), folder)).hasMessageContaining("must not hold a user name or password");
    }
}
