package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.ServerChoiceFile;

/** The server chosen in the window: checked field by field, kept in the data folder without any password. */
class ServerChoiceTest {

    @TempDir
    Path folder;

    @BeforeEach
    void uk() {
        Locale.setDefault(Locale.UK);
    }

    @Test
    void theChoiceIsKeptAsAnAddressAloneReadableByTheAccountAlone() throws Exception {
        ServerChoice chosen = ServerChoice.of(" db.clinic.example ", "5433", "rebound");

        chosen.keepIn(folder);

        Path file = folder.resolve(ServerChoiceFile.FILE_NAME);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("database=postgresql://db.clinic.example:5433/rebound")
                .doesNotContainIgnoringCase("password").doesNotContain("user=");
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly(
                "database=postgresql://db.clinic.example:5433/rebound");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ServerChoice.saved(folder)).contains(chosen);
        // no temporary file of the atomic write is left beside it
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ServerChoiceFile.FILE_NAME);
        }

        ServerChoice.of("192.168.1.20", "", "clinic").keepIn(folder);
        assertThat(ServerChoice.saved(folder).orElseThrow()).hasToString("postgresql://192.168.1.20:5432/clinic");
        ServerChoice.forget(folder);
        assertThat(ServerChoice.saved(folder)).isEmpty();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aFileNotWrittenByReboundIsNoChoice() throws Exception {
        Path file = folder.resolve(ServerChoiceFile.FILE_NAME);
        Files.writeString(file, "database=postgresql://anna:secret@db.clinic.example/rebound\n");
        assertThat(ServerChoice.saved(folder)).isEmpty();
        Files.writeString(file, "something else\n");
        assertThat(ServerChoice.saved(folder)).isEmpty();
    }

    @Test
    void eachFieldThatIsWrongSaysWhatToType() {
        assertThat(fields(() -> ServerChoice.of("", "", ""))).containsExactly(
                "serverHost:" + message("validation.server.hostRequired"),
                "serverDatabase:" + message("validation.server.databaseRequired"));
        assertThat(fields(() -> ServerChoice.of("db clinic", "70000", "re bound"))).containsExactly(
                "serverHost:" + message("validation.server.host"),
                "serverPort:" + message("validation.server.port"),
                "serverDatabase:" + message("validation.server.database"));
        assertThat(fields(() -> ServerChoice.of("db.clinic.example", "five", "rebound"))).containsExactly(
                "serverPort:" + message("validation.server.port"));
        assertThat(ServerChoice.of("[::1]", "5432", "rebound")).hasToString("postgresql://[::1]:5432/rebound");
    }

    private static String message(String key) {
        return Violation.of("x", key).message();
    }

    private static List<String> fields(Runnable choice) {
        try {
            choice.run();
        } catch (ValidationException e) {
            return e.violations().stream().map(v -> v.field() + ":" + v.message()).toList();
        }
        throw new AssertionError("no violation");
    }

    @Test
    void anAddressAsTheOptionGivesItIsReadTheSameWay() {
        assertThat(ServerChoice.parse("jdbc:postgresql://db.clinic.example/rebound"))
                .hasToString("postgresql://db.clinic.example:5432/rebound");
        assertThatThrownBy(() -> ServerChoice.parse("postgresql://db.clinic.example/rebound?sslmode=require"))
                .hasMessageContaining("sslmode=require is refused");
    }
}
