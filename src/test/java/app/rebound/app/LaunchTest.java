package app.rebound.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.rebound.cli.CommandName;
import app.rebound.service.FailureLog;

/** Where the data lives and how the window is started. */
class LaunchTest {

    @Test
    void dataDirWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Map<String, String> env = Map.of("REBOUND_HOME", "/srv/rebound-env");
        assertThat(DataFolder.resolve("/tmp/option", env, "Linux", "/home/ana")).isEqualTo(Path.of("/tmp/option"));
        assertThat(DataFolder.resolve(null, env, "Linux", "/home/ana")).isEqualTo(Path.of("/srv/rebound-env"));
        assertThat(DataFolder.resolve(null, Map.of(), "Linux", "/home/ana")).isEqualTo(Path.of("/home/ana/.rebound"));
    }

    @Test
    void theDefaultIsThePerUserAppDataPlaceOfEachSystem() {
        assertThat(DataFolder.resolve(null, Map.of("APPDATA", "C:\\Users\\Ana\\AppData\\Roaming"), "Windows 11",
                "C:\\Users\\Ana").toString()).endsWith("Rebound");
        assertThat(DataFolder.resolve(null, Map.of(), "Mac OS X", "/Users/ana"))
                .isEqualTo(Path.of("/Users/ana/Library/Application Support/Rebound"));
    }

    @Test
    void optionsParseBothSpellingsAndRefuseWhatTheyDoNotKnow() throws Exception {
        assertThat(LaunchOptions.parse(List.of("--data-dir", "/a", "--smoke")))
                .isEqualTo(new LaunchOptions("/a", true, false, false, false));
        assertThat(LaunchOptions.parse(List.of("--data-dir=/b"))).isEqualTo(new LaunchOptions("/b", false, false, false, false));
        assertThat(LaunchOptions.parse(List.of("--sign-in-from-env")).signInFromEnvironment()).isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--data-dir"))).hasMessageContaining("--data-dir needs");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--colour"))).hasMessage("Unknown option: --colour");
    }

    @Test
    void aWordThatIsNeitherAnOptionNorTheDataFolderNamesACommand() {
        assertThat(LaunchOptions.namesCommand(List.of())).isFalse();
        assertThat(LaunchOptions.namesCommand(List.of("--data-dir", "backup", "--smoke"))).isFalse();
        assertThat(LaunchOptions.namesCommand(List.of("--data-dir=/a", "--help"))).isFalse();
        assertThat(LaunchOptions.namesCommand(List.of("--data-dir", "/a", "backup"))).isTrue();
        assertThat(LaunchOptions.namesCommand(List.of("readiness", "--patient", "x"))).isTrue();
        assertThat(LaunchOptions.namesCommand(List.of("--smoke", "frobnicate"))).isTrue();
    }

    @Test
    void theWindowTakesTheClinicsServerWithBothSpellings() throws Exception {
        assertThat(LaunchOptions.parse(List.of("--database", "postgresql://db/rebound")).database())
                .isEqualTo("postgresql://db/rebound");
        assertThat(LaunchOptions.parse(List.of("--database=postgresql://db/rebound", "--smoke")))
                .isEqualTo(new LaunchOptions(null, true, false, false, false, "postgresql://db/rebound"));
        assertThat(LaunchOptions.namesCommand(List.of("--database", "postgresql://db/rebound"))).isFalse();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--database"))).hasMessageStartingWith(
                "--database needs the server's address");
        // before the command name, the address is the option's value, not a command
        assertThat(CommandName.in(List.of("--database", "postgresql://db/rebound", "import", "f")))
                .contains("import");
    }

    @Test
    void theHelpListsTheWindowOptionsAndTheCommands() {
        assertThat(Launcher.help()).contains("--smoke").contains("--data-dir DIR").contains("--database URL")
                .contains("readiness")
                .contains("backup").contains("Exit codes");
    }

    @Test
    void versionPrintsTheVersionTheBuildAndTheJavaRuntimeAndStartsNoWindow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Launcher.run(new String[] {"--version"}, new PrintStream(out, true),
                new PrintStream(err, true), Map.of());

        assertThat(exit).isZero();
        assertThat(out.toString()).matches("Rebound \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(built [^)]+\\), Java .+\\R");
        assertThat(err.toString()).isEmpty();
        assertThat(Launcher.help()).contains("--version");
    }

    @Test
    void failuresAreLoggedWithoutTheirMessagesWhichMayQuotePatientData() {
        Exception failure = new IllegalStateException("Could not save Zoë Ødegård",
                new SQLException("Value too long: 'Zoë Ødegård 1990-03-14'", "22001", 22001));
        String logged = FailureLog.redacted(failure);
        assertThat(logged).contains("IllegalStateException").contains("SQLState 22001").doesNotContain("Zoë")
                .doesNotContain("1990");
    }
}
