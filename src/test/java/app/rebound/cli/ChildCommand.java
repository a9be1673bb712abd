package app.rebound.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import app.rebound.app.Launcher;

/** The program's entry point in a JVM of its own (optionally under a shell's {@code ulimit}), signed in as the tests are. */
final class ChildCommand {

    private ChildCommand() {
    }

    /** Starts {@code args} as a command; {@code limits} is put before it in a shell (e.g. "ulimit -f 64"), or null. */
    static Process start(String limits, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (limits != null) {
            command.addAll(List.of("/bin/bash", "-c", limits + " && exec \"$@\"", "rebound"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                mainClassPath(), Launcher.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CLASSPATH", "");
        builder.environment().remove("REBOUND_HOME");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(Cli.SIGNED_IN);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** The class path without the test classes, so that the program logs as it does for the clinic. */
    private static String mainClassPath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
