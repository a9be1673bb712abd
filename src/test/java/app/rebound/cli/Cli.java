package app.rebound.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import app.rebound.TestKeys;
import app.rebound.app.Launcher;

/** Runs the jar's entry point in this JVM with its own output, error and environment, as the tests' hands. */
final class Cli {

    /** What one run gave: the exit code and everything printed. */
    record Result(int code, String out, String err) {

        /** The error output as lines, for "one line, no stack trace". */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }
    }

    private Cli() {
    }

    /** Runs with no REBOUND_HOME (the folder comes from --data-dir). */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** The credentials of {@link app.rebound.TestKeys}, given to every run unless the test names its own. */
    static final Map<String, String> SIGNED_IN = Map.of("REBOUND_USER", TestKeys.USER,
            "REBOUND_PASSWORD", TestKeys.PASSWORD);

    static Result run(Map<String, String> given, String... args) {
        Map<String, String> environment = new HashMap<>(SIGNED_IN);
        environment.putAll(given);
        return runBare(environment, args);
    }

    /** Runs with exactly this environment: no credentials unless it names them. */
    static Result runBare(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Launcher.run(args, o, e, environment);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> home(Path folder) {
        return Map.of("REBOUND_HOME", folder.toString());
    }
}
