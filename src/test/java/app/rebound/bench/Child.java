package app.rebound.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh JVM started with the same java binary and the same flags as every other child: the unit
 * of every start-up and memory measurement. Records when each output line arrived.
 */
final class Child {

    /** The JVM flags every child gets, app and baseline alike. */
    static final List<String> FLAGS = List.of("-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true");

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path of the suite (test classes, main classes and every dependency). */
    static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    /** A line of output and when it arrived, in ms since the process was started. */
    record Line(String text, double atMs) {
    }

    /** What a finished child said and how long it lived. */
    record Result(int exitCode, double wallMs, List<Line> lines) {

        String output() {
            StringBuilder all = new StringBuilder();
            lines.forEach(line -> all.append(line.text()).append('\n'));
            return all.toString();
        }

        /** When the first line matching {@code regex} arrived, or NaN. */
        double lineAt(String regex) {
            Pattern pattern = Pattern.compile(regex);
            for (Line line : lines) {
                if (pattern.matcher(line.text()).find()) {
                    return line.atMs();
                }
            }
            return Double.NaN;
        }

        /** The first group of the first line matching {@code regex}, as a number, or NaN. */
        double number(String regex) {
            Pattern pattern = Pattern.compile(regex);
            for (Line line : lines) {
                Matcher m = pattern.matcher(line.text());
                if (m.find()) {
                    return Double.parseDouble(m.group(1));
                }
            }
            return Double.NaN;
        }

        /** The "RESULT name value" lines of a bench child. */
        Map<String, Double> results() {
            Map<String, Double> results = new HashMap<>();
            for (Line line : lines) {
                String[] parts = line.text().trim().split("\\s+");
                if (parts.length == 3 && parts[0].equals("RESULT")) {
                    results.put(parts[1], Double.parseDouble(parts[2]));
                }
            }
            return results;
        }
    }

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private Consumer<String> echo = line -> { };

    private Child(List<String> command) {
        this.command.addAll(command);
    }

    /** {@code java FLAGS extra... -cp <test class path> mainClass args...} */
    static Child bench(List<String> extraFlags, Class<?> mainClass, String... args) {
        return onClassPath(extraFlags, testClassPath(), mainClass, args);
    }

    /** {@code java FLAGS extra... -cp classPath mainClass args...} */
    static Child onClassPath(List<String> extraFlags, String classPath, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new Child(command);
    }

    /** {@code java FLAGS -jar target/rebound.jar args...}, the way a clinician's shortcut starts it. */
    static Child app(Path jar, String... args) {
        return app(List.of(), jar, args);
    }

    /** As {@link #app(Path, String...)}, with JVM flags of its own (e.g. a class-data-sharing archive). */
    static Child app(List<String> extraFlags, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(FLAGS);
        command.addAll(extraFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        // the app and its commands sign in as the benchmark clinic's clinician
        return new Child(command).env(BenchClinic.CREDENTIALS);
    }

    /**
     * {@code LAUNCHER args...}: an installed app's own launcher (its bundled runtime and start-up
     * cache), signed in as the benchmark clinic's clinician like {@link #app}.
     */
    static Child launcher(Path launcher, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        return new Child(command).env(BenchClinic.CREDENTIALS);
    }

    Child env(Map<String, String> values) {
        environment.putAll(values);
        return this;
    }

    /** Prints each line of output as it comes (for long children, to show progress). */
    Child echo(String prefix) {
        echo = line -> System.out.println(prefix + line);
        return this;
    }

    /** Starts it and leaves it running, its output in {@code log}. */
    Process start(File log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.redirectOutput(log);
        return builder.start();
    }

    /** Runs it and insists that it succeeded. */
    Result runOk(long timeoutSeconds) throws IOException, InterruptedException {
        Result result = run(timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("exit " + result.exitCode() + " from " + this + "\n" + tail(result.output()));
        }
        return result;
    }

    static String tail(String output) {
        return output.length() <= 3000 ? output : "..." + output.substring(output.length() - 3000);
    }

    Result run(long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        // CI sets JAVA_TOOL_OPTIONS and the JVM announces it; the children must all start alike
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        Process process = builder.start();
        List<Line> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String text;
                while ((text = in.readLine()) != null) {
                    double at = (System.nanoTime() - start) / 1e6;
                    synchronized (lines) {
                        lines.add(new Line(text, at));
                    }
                    echo.accept(text);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e6;
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join(5_000);
        synchronized (lines) {
            return new Result(ended ? process.exitValue() : -1, wall, new ArrayList<>(lines));
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
