package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.rebound.TestKeys;
import app.rebound.store.Database;

/** {@code import} and {@code export} through the entry point. */
class RecordCommandsTest {

    @TempDir
    Path temp;

    @Test
    void exportThenImportIntoANewClinic() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path file = temp.resolve("all.json");
        Path elsewhere = temp.resolve("elsewhere");
        Cli.Result init = Cli.run("--data-dir", elsewhere.toString(), "init", "--clinic", "Other clinic", "--user",
                TestKeys.USER);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).containsPattern("(?m)^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$");

        Cli.Result export = Cli.run("export", "--data-dir", records.toString(), "--out", file.toString());
        Cli.Result imported = Cli.run("--data-dir", elsewhere.toString(), "import", file.toString());
        Cli.Result again = Cli.run("--data-dir", elsewhere.toString(), "import", file.toString());

        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).isEqualTo("Exported 2 patients to " + file + System.lineSeparator());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("2 patients added");
        assertThat(again.out()).startsWith("0 patients added, 0 updated, 2 unchanged");
        assertThat(CliData.visits(elsewhere, seeded.zoe())).isEqualTo(CliData.visits(records, seeded.zoe()));
    }

    @Test
    void exportOfNamedPatients() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path file = temp.resolve("zoe.json");

        Cli.Result result = Cli.run("export", "--patient", seeded.zoe().id().toString(), "--data-dir",
                records.toString(), "--out", file.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Exported 1 patient to");
        assertThat(Files.readString(file)).contains(seeded.zoe().id().toString())
                .doesNotContain(seeded.li().id().toString());
    }

    @Test
    void exportOfAnUnknownPatientWritesNothing() {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        Path file = temp.resolve("some.json");
        UUID unknown = UUID.randomUUID();

        Cli.Result result = Cli.run("export", "--data-dir", records.toString(), "--patient",
                seeded.zoe().id().toString(), "--patient", unknown.toString(), "--out", file.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("no patient with id " + unknown);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileWithAnErrorIsRefusedWithTheErrorAndWritesNothing() throws Exception {
        Path records = temp.resolve("records");
        CliData.seed(records);
        Path file = temp.resolve("all.json");
        assertThat(Cli.run("export", "--data-dir", records.toString(), "--out", file.toString()).code()).isZero();
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"power\": \\d", "\"power\": 7"));
        Path elsewhere = temp.resolve("elsewhere");
        CliData.open(elsewhere).close();

        Cli.Result result = Cli.run("import", file.toString(), "--data-dir", elsewhere.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()[0]).isEqualTo("all.json refused, nothing was written: 1 error");
        assertThat(result.errLines()[1]).contains("pelvicFloor.power: 7");
        assertThat(result.err()).doesNotContain("Exception");
        try (var services = CliData.open(elsewhere)) {
            assertThat(services.patients().search("", true).patients()).isEmpty();
        }
    }

    @Test
    void aProgrammeOnAReferVisitIsRefusedWithExitTwoNamingItsProgrammeAndNothingIsImported() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        UUID latest = CliData.visits(records, seeded.zoe()).get(3).id();
        try (var services = CliData.open(records)) {
            services.programmes().save(latest, services.programmes().open(latest).programme());
        }
        Path file = temp.resolve("all.json");
        assertThat(Cli.run("export", "--data-dir", records.toString(), "--out", file.toString()).code()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode)
                mapper.readTree(file.toFile());
        // the first visit of the first patient that has a programme gets a red flag
        String where = null;
        var patients = root.withArray("patients");
        for (int p = 0; p < patients.size() && where == null; p++) {
            var visits = patients.get(p).withArray("visits");
            for (int v = 0; v < visits.size() && where == null; v++) {
                var visit = (ObjectNode) visits.get(v);
                if (visit.has("programme")) {
                    visit.putArray("redFlags").add("FEVER");
                    where = "patients[" + p + "].visits[" + v + "].programme";
                }
            }
        }
        assertThat(where).as("the seeded records hold a programme").isNotNull();
        mapper.writeValue(file.toFile(), root);
        Path elsewhere = temp.resolve("elsewhere");
        CliData.open(elsewhere).close();

        Cli.Result result = Cli.run("import", file.toString(), "--data-dir", elsewhere.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()[0]).isEqualTo("all.json refused, nothing was written: 1 error");
        assertThat(result.errLines()[1].strip()).startsWith(where + ": ").contains("red flag (FEVER)", "REFER");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain(seeded.zoe().givenName());
        try (var services = CliData.open(elsewhere)) {
            assertThat(services.patients().search("", true).patients()).isEmpty();
        }
    }

    @Test
    void aMissingFileIsRefusedBeforeAnythingIsCreated() {
        Path elsewhere = temp.resolve("elsewhere");

        Cli.Result result = Cli.run("import", temp.resolve("nothing.json").toString(), "--data-dir",
                elsewhere.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("no record file ");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void aFileThatIsNotJsonIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.json"), "Dear colleague,");

        CliData.open(temp.resolve("records")).close();
        Cli.Result result = Cli.run("import", file.toString(), "--data-dir", temp.resolve("records").toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()[0]).startsWith("notes.json refused, nothing was written");
    }
}
