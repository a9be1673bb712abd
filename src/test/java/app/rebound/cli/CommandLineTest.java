package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The entry point of every command: help, wrong usage, where the data is, and what is refused. */
class CommandLineTest {

    private static final List<String> COMMANDS = List.of("import", "export", "readiness", "programme", "handout", "report",
            "backup", "restore");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"import", "export", "readiness", "programme", "handout", "report", "backup", "restore"})
    void everyCommandHasHelpAndNeedsNoData(String command) {
        Path missing = temp.resolve("nothing here");

        Cli.Result result = Cli.run(Cli.home(missing), command, "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: java -jar rebound.jar " + command).contains("--data-dir")
                .contains("Exit codes");
        assertThat(result.err()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void helpAfterTheDataDirOrBeforeTheCommandIsTheCommandsHelp() {
        assertThat(Cli.run("--data-dir", temp.toString(), "readiness", "-h").out())
                .contains("Usage: java -jar rebound.jar readiness");
        assertThat(Cli.run("--help", "handout").out()).contains("Usage: java -jar rebound.jar handout");
    }

    @Test
    void theTopLevelHelpListsTheWindowOptionsAndEveryCommand() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--smoke").contains("--data-dir DIR").contains("start the window")
                .contains("Exit codes");
        for (String command : COMMANDS) {
            assertThat(result.out()).containsPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void anUnknownCommandIsWrongUsage() {
        Cli.Result result = Cli.run("--data-dir", temp.toString(), "frobnicate");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().startsWith("Unknown command: frobnicate")
                .contains("import, export, readiness, programme, handout, report, backup, restore, demo-data, init, audit");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownOptionOrAMissingOneIsWrongUsage() {
        CliData.seed(temp);

        Cli.Result unknown = Cli.run("readiness", "--data-dir", temp.toString(), "--colour", "red");
        Cli.Result missing = Cli.run("handout", "--data-dir", temp.toString(), "--patient", UUID.randomUUID().toString());
        Cli.Result windowOption = Cli.run("readiness", "--smoke", "--patient", UUID.randomUUID().toString());

        for (Cli.Result result : List.of(unknown, missing, windowOption)) {
            assertThat(result.code()).isEqualTo(1);
            assertThat(result.errLines()).hasSize(1);
            assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(unknown.err()).contains("--colour").contains("readiness --help");
        assertThat(missing.err()).contains("--out");
    }

    @Test
    void twoDifferentDataFoldersAreWrongUsage() {
        Cli.Result result = Cli.run("--data-dir", temp.resolve("a").toString(), "readiness", "--data-dir",
                temp.resolve("b").toString(), "--patient", UUID.randomUUID().toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString().contains("--data-dir given twice");
    }

    @ParameterizedTest(name = "{0} in a folder without records")
    @ValueSource(strings = {"export", "readiness", "programme", "handout", "report", "backup"})
    void everyReadingCommandRefusesAFolderWithoutRecordsAndCreatesNothing(String command) throws Exception {
        Path missing = temp.resolve("missing");
        Path empty = Files.createDirectory(temp.resolve("empty"));
        String patient = UUID.randomUUID().toString();
        String[] options = switch (command) {
            case "export" -> new String[] {"--out", temp.resolve("out.json").toString()};
            case "readiness" -> new String[] {"--patient", patient};
            case "programme" -> new String[] {"--patient", patient, "--json"};
            case "backup" -> new String[] {"--out", temp.resolve("out.zip").toString()};
            default -> new String[] {"--patient", patient, "--out", temp.resolve("out.pdf").toString()};
        };

        for (Path folder : List.of(missing, empty)) {
            Cli.Result result = Cli.run(Stream.concat(Stream.of(command, "--data-dir", folder.toString()),
                    Stream.of(options)).toArray(String[]::new));

            assertThat(result.code()).as(command).isEqualTo(2);
            assertThat(result.errLines()).singleElement().asString().startsWith("no Rebound data in " + folder + ";")
                    .contains(" init ");
        }
        assertThat(missing).doesNotExist();
        assertThat(empty).isEmptyDirectory();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).containsExactlyInAnyOrder(empty);
        }
    }

    @Test
    void theDataDirMayComeBeforeOrAfterTheCommandInEitherSpelling() {
        CliData.Seeded seeded = CliData.seed(temp);
        String zoe = seeded.zoe().id().toString();

        assertThat(Cli.run("--data-dir", temp.toString(), "readiness", "--patient", zoe).code()).isZero();
        assertThat(Cli.run("readiness", "--data-dir", temp.toString(), "--patient", zoe).code()).isZero();
        assertThat(Cli.run("readiness", "--patient", zoe, "--data-dir=" + temp).code()).isZero();
        assertThat(Cli.run("--data-dir=" + temp, "readiness", "--patient", zoe).code()).isZero();
        // the same folder twice is no contradiction
        assertThat(Cli.run("--data-dir", temp.toString(), "readiness", "--patient", zoe, "--data-dir", temp.toString())
                .code()).isZero();
    }

    @Test
    void theDataDirWinsOverReboundHomeWhichIsUsedWithoutIt() throws Exception {
        Path records = temp.resolve("records");
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        CliData.Seeded seeded = CliData.seed(records);
        String zoe = seeded.zoe().id().toString();

        Cli.Result fromHome = Cli.run(Cli.home(records), "readiness", "--patient", zoe);
        Cli.Result optionWins = Cli.run(Cli.home(elsewhere), "readiness", "--data-dir", records.toString(),
                "--patient", zoe);
        Cli.Result homeWithoutData = Cli.run(Cli.home(elsewhere), "readiness", "--patient", zoe);

        assertThat(fromHome.code()).isZero();
        assertThat(optionWins.code()).isZero();
        assertThat(homeWithoutData.code()).isEqualTo(2);
        assertThat(homeWithoutData.err()).contains("no Rebound data in " + elsewhere);
    }

    @Test
    void anUnknownOrMalformedPatientIdIsInvalidInput() {
        CliData.seed(temp);
        String unknown = UUID.randomUUID().toString();

        for (String id : List.of(unknown, "not-an-id", "1-2-3-4-5")) {
            for (String command : List.of("readiness", "handout", "report", "export")) {
                List<String> args = new ArrayList<>(List.of(command, "--data-dir", temp.toString(),
                        "--patient", id));
                if (!command.equals("readiness")) {
                    args.addAll(List.of("--out", temp.resolve("out.file").toString()));
                }
                Cli.Result result = Cli.run(args.toArray(String[]::new));

                assertThat(result.code()).as(command + " " + id).isEqualTo(2);
                assertThat(result.errLines()).singleElement().isEqualTo("no patient with id " + id);
            }
        }
        assertThat(temp.resolve("out.file")).doesNotExist();
    }

    @Test
    void anUnknownVisitIsInvalidInputAndSoIsAnotherPatientsVisit() {
        CliData.Seeded seeded = CliData.seed(temp);
        String otherVisit = CliData.visits(temp, seeded.li()).get(0).id().toString();
        String unknown = UUID.randomUUID().toString();

        Cli.Result result = Cli.run("readiness", "--data-dir", temp.toString(), "--patient",
                seeded.zoe().id().toString(), "--visit", unknown);
        Cli.Result another = Cli.run("readiness", "--data-dir", temp.toString(), "--patient",
                seeded.zoe().id().toString(), "--visit", otherVisit);

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("no visit with id " + unknown);
        assertThat(another.code()).isEqualTo(2);
        assertThat(another.err()).contains("is not a visit of patient " + seeded.zoe().id());
    }

    @Test
    void anOutputFolderThatDoesNotExistIsInvalidInput() {
        CliData.Seeded seeded = CliData.seed(temp);
        Path out = temp.resolve("no such folder").resolve("report.pdf");

        Cli.Result result = Cli.run("report", "--data-dir", temp.toString(), "--patient", seeded.zoe().id().toString(),
                "--out", out.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("no folder ");
        assertThat(out.getParent()).doesNotExist();
    }

    @Test
    void messagesNeverNameThePatient() {
        CliData.Seeded seeded = CliData.seed(temp);

        Cli.Result result = Cli.run("readiness", "--data-dir", temp.toString(), "--patient",
                seeded.zoe().id().toString());

        assertThat(result.out()).doesNotContain("Zoë").doesNotContain("Ødegård").doesNotContain("1991");
    }

    @Test
    void noCommandAtAllIsWrongUsageHere() {
        assertThat(Cli.run("--data-dir", temp.toString()).code()).isEqualTo(1);
        assertThat(Cli.run("--colour").code()).isEqualTo(1);
    }
}
