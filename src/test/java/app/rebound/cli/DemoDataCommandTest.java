package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.service.Services;

/** {@code demo-data} through the entry point. */
class DemoDataCommandTest {

    @TempDir
    Path temp;

    @Test
    void addsPatientsToANewClinicAndSaysSoInOneLine() {
        Path records = temp.resolve("demo");
        CliData.open(records).close();

        Cli.Result result = Cli.run("demo-data", "--patients", "25", "--seed", "3", "--data-dir", records.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).matches("Added 25 patients with \\d+ visits in \\d+\\.\\d s\\R");
        assertThat(result.err()).isEmpty();
        assertThat(storedPatients(records)).isEqualTo(25);
    }

    @Test
    void aFolderWithPatientsIsRefusedWithoutAdd() {
        Path records = temp.resolve("clinic");
        CliData.seed(records);

        Cli.Result refused = Cli.run(Cli.home(records), "demo-data", "--patients", "5");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.errLines()).singleElement().asString()
                .isEqualTo(records + " already holds patients; add --add to add made-up patients to them");
        assertThat(refused.out()).isEmpty();
        assertThat(storedPatients(records)).isEqualTo(2);

        Cli.Result added = Cli.run(Cli.home(records), "demo-data", "--add", "--patients", "5");

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("Added 5 patients with ");
        assertThat(storedPatients(records)).isEqualTo(7);
    }

    @Test
    void progressGoesToStandardErrorAsTheChunksAreWritten() {
        Path records = temp.resolve("demo");
        CliData.open(records).close();

        Cli.Result result = Cli.run("demo-data", "--data-dir", records.toString(), "--patients", "2500",
                "--average-visits", "1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.errLines()).containsExactly("demo-data: 2000 of 2500 patients written (80 %)");
        assertThat(result.out()).startsWith("Added 2500 patients with ");
    }

    @Test
    void helpNeedsNoData() {
        Path missing = temp.resolve("nothing here");

        Cli.Result result = Cli.run(Cli.home(missing), "demo-data", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: java -jar rebound.jar demo-data").contains("--patients")
                .contains("--seed").contains("--average-visits").contains("--add").contains("--data-dir")
                .contains("Exit codes");
        assertThat(result.err()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void aMissingOrImpossibleCountIsWrongUsageAndCreatesNothing() {
        Path missing = temp.resolve("nothing here");

        Cli.Result none = Cli.run(Cli.home(missing), "demo-data");
        Cli.Result zero = Cli.run(Cli.home(missing), "demo-data", "--patients", "0");
        Cli.Result average = Cli.run(Cli.home(missing), "demo-data", "--patients", "3", "--average-visits", "99");

        for (Cli.Result result : List.of(none, zero, average)) {
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.errLines()).hasSize(1);
            assertThat(result.err()).contains("demo-data --help");
        }
        assertThat(zero.err()).startsWith("--patients must be 1 to 1000000");
        assertThat(missing).doesNotExist();
    }

    private static int storedPatients(Path folder) {
        try (Services services = CliData.open(folder)) {
            return services.demoData().storedPatients();
        }
    }
}
