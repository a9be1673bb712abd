package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.app.Launcher;
import app.rebound.store.HoldDatabaseOpen;

/**
 * The commands as the clinic's IT staff run them: a JVM of their own, so that the exit code is the
 * process's, logging is the real one (into the data folder), and another process may hold the records.
 * It runs target/rebound.jar when that jar is at least as new as the compiled classes; otherwise (as in
 * {@code mvn verify}, where the tests run before the jar is made) the same main class on the class path.
 */
@Tag("process")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CommandProcessTest {

    @TempDir
    Path temp;

    @Test
    void recordsHeldByAnotherProcessAreAccessRefusedInOneLine() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        TestKeys.atProductionCost(records);
        Process holder = start(testClassPath(), List.of(HoldDatabaseOpen.class.getName(), records.toString()));
        try {
            assertThat(firstLine(holder)).isEqualTo("open");

            Done inProcess = Done.of(Cli.run("readiness", "--data-dir", records.toString(), "--patient",
                    seeded.zoe().id().toString()));
            Done separate = rebound("readiness", "--data-dir", records.toString(), "--patient",
                    seeded.zoe().id().toString());
            Done backup = rebound("backup", "--data-dir", records.toString(), "--out",
                    temp.resolve("b.zip").toString());

            for (Done done : List.of(inProcess, separate, backup)) {
                assertThat(done.code()).as(done.err()).isEqualTo(3);
                assertOneLineWithoutStackTrace(done.err());
                assertThat(done.err()).contains("in use by another program");
            }
            assertThat(temp.resolve("b.zip")).doesNotExist();
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(60, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void theRealEntryPointExitsWithTheCodeOfTheCommand() throws Exception {
        Path records = temp.resolve("records");
        CliData.Seeded seeded = CliData.seed(records);
        TestKeys.atProductionCost(records);

        Done ok = rebound("readiness", "--data-dir", records.toString(), "--patient", seeded.zoe().id().toString(),
                "--json");
        Done unknownPatient = rebound("readiness", "--data-dir", records.toString(), "--patient",
                "00000000-0000-0000-0000-000000000000");
        Done unknownOption = rebound("readiness", "--colour", "--data-dir", records.toString());

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"suggestedStage\"");
        assertThat(unknownPatient.code()).isEqualTo(2);
        assertThat(unknownPatient.err().strip()).isEqualTo("no patient with id 00000000-0000-0000-0000-000000000000");
        assertThat(unknownOption.code()).isEqualTo(1);
        assertOneLineWithoutStackTrace(unknownOption.err());
        assertThat(records.resolve("logs")).isDirectory();
    }

    @Test
    void aRefusedReadCreatesNoFolderAndNoLogAnywhere() throws Exception {
        Path missing = temp.resolve("missing");
        Path home = Files.createDirectory(temp.resolve("home"));

        Done done = rebound(List.of("-Duser.home=" + home), "report", "--data-dir", missing.toString(), "--patient",
                "00000000-0000-0000-0000-000000000000", "--out", temp.resolve("r.pdf").toString());

        assertThat(done.code()).isEqualTo(2);
        assertThat(done.err().strip()).startsWith("no Rebound data in " + missing + ";").contains(" init ");
        assertThat(missing).doesNotExist();
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void helpIsPrintedByTheRealEntryPoint() throws Exception {
        Done done = rebound("--help");

        assertThat(done.code()).isZero();
        assertThat(done.out()).contains("readiness").contains("restore").contains("--smoke");
    }

    private static void assertOneLineWithoutStackTrace(String err) {
        assertThat(err.strip().split("\\R")).hasSize(1);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    }

    record Done(int code, String out, String err) {
        static Done of(Cli.Result result) {
            return new Done(result.code(), result.out(), result.err());
        }
    }

    private Done rebound(String... args) throws Exception {
        return rebound(List.of(), args);
    }

    private Done rebound(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(jvmOptions);
        Path jar = Path.of("target", "rebound.jar");
        if (isFresh(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", mainClassPath(), Launcher.class.getName()));
        }
        command.addAll(Arrays.asList(args));
        Process process = start(null, command);
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("rebound " + String.join(" ", args) + " did not finish");
        }
        return new Done(process.exitValue(), out.get(), err.get());
    }

    private static Process start(String classPath, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (classPath != null) {
            command.addAll(List.of("-cp", classPath, "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CLASSPATH", "");
        builder.environment().remove("REBOUND_HOME");
        builder.environment().putAll(Cli.SIGNED_IN);
        // CI sets JAVA_TOOL_OPTIONS, and the JVM announces it on stderr, which is the line under test
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (classPath != null) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return builder.start();
    }

    /** The jar, when it holds the commands and is not older than the classes the tests were compiled with. */
    private static boolean isFresh(Path jar) throws IOException {
        Path launcher = Path.of("target", "classes", "app", "rebound", "app", "Launcher.class");
        Path commands = Path.of("target", "classes", "app", "rebound", "cli");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(launcher) || !Files.isDirectory(commands)) {
            return false;
        }
        long newestClass;
        try (Stream<Path> classes = Files.list(commands)) {
            newestClass = Stream.concat(classes, Stream.of(launcher)).mapToLong(p -> p.toFile().lastModified())
                    .max().orElse(Long.MAX_VALUE);
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("app/rebound/cli/Commands.class") != null
                    && jar.toFile().lastModified() >= newestClass;
        }
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The class path without the test classes, so that the program logs as it does for the clinic. */
    private static String mainClassPath() {
        return Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
