package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;

/**
 * A save that has returned is on disk: another process ({@link DraftSaver}) saves a visit in a loop
 * and confirms each save, and is killed (SIGKILL on Linux: no shutdown hooks, nothing closed) in the
 * middle of its saving. Every confirmed save must be in the database afterwards, and the visit must be
 * one whole save, never a mixture of two.
 */
class VisitKillTest {

    /** Confirmations to wait for before killing, by repetition; then a random pause of up to 25 ms. */
    private static final int[] KILL_AFTER = {30, 47, 113};

    private static final Pattern VISIT = Pattern.compile("visit ([0-9a-f-]{36})");
    private static final Pattern CONFIRMED = Pattern.compile("confirmed (\\d+)");

    @TempDir
    Path folder;

    @RepeatedTest(3)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyConfirmedSaveSurvivesTheProcessBeingKilled(RepetitionInfo repetition, TestReporter report)
            throws Exception {
        int killAfter = KILL_AFTER[repetition.getCurrentRepetition() - 1];
        long pause = ThreadLocalRandom.current().nextLong(25);
        Path data = folder.resolve("data");
        Path output = folder.resolve("saver-stdout.txt");
        Path errors = folder.resolve("saver-stderr.txt");

        Process saver = start(data, output, errors);
        Progress progress;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            for (progress = Progress.of(output); progress.confirmed < killAfter; progress = Progress.of(output)) {
                if (!saver.isAlive()) {
                    fail("the saver ended by itself (exit %d) after %d confirmations; stdout:%n%s%nstderr:%n%s",
                            saver.exitValue(), Progress.of(output).confirmed, tail(output), tail(errors));
                }
                if (System.nanoTime() > deadline) {
                    fail("only %d confirmations in 90 s; stdout:%n%s%nstderr:%n%s", progress.confirmed,
                            tail(output), tail(errors));
                }
                Thread.sleep(2);
            }

            // a moment more, so that the kill falls anywhere in a save: reading, writing or committing
            Thread.sleep(pause);
            saver.destroyForcibly();
            assertThat(saver.waitFor(30, TimeUnit.SECONDS)).as("the saver ends once killed").isTrue();
        } finally {
            if (saver.isAlive()) {
                saver.destroyForcibly();
                saver.waitFor(30, TimeUnit.SECONDS);
            }
        }

        assertThat(saver.exitValue()).as("killed, not ended by itself").isNotIn(0, 3);
        // everything it printed before it died is in the file; a line cut short by the kill is not counted
        progress = Progress.of(output);
        assertThat(progress.gaps).as("confirmations come one after another").isEmpty();
        assertThat(progress.visitId).as("the saver names its visit").isNotNull();
        int confirmed = progress.confirmed;
        assertThat(confirmed).isGreaterThanOrEqualTo(killAfter);

        try (Database database = Database.open(data, app.rebound.TestKeys.KEY)) {
            Visit stored = new VisitStore(database).find(progress.visitId).orElseThrow();
            assertThat(stored.notes()).startsWith("save ");
            int saved = Integer.parseInt(stored.notes().substring("save ".length()));
            report.publishEntry("killed", "after " + confirmed + " confirmations and " + pause + " ms; stored save "
                    + saved);
            assertThat(saved).as("the last confirmed save (%d) or the one after it, being saved when killed %d ms"
                    + " after confirmation %d", confirmed, pause, killAfter).isBetween(confirmed, confirmed + 1);
            // one transaction: every section is from that same save
            assertThat(stored.strength(StrengthTest.CALF_RAISE).left()).isEqualTo(Math.min(saved, 200));
            assertThat(stored.outcomes().psfs()).hasSize(1);
            assertThat(stored.outcomes().psfs().get(0).score()).isEqualTo(saved % 11);
            assertThat(new PatientStore(database).count()).isEqualTo(1);
        }
    }

    /** What the saver has printed so far: its visit and its last confirmation, from whole lines only. */
    private static final class Progress {

        UUID visitId;
        int confirmed;
        final List<String> gaps = new ArrayList<>();

        static Progress of(Path output) throws IOException {
            Progress p = new Progress();
            if (!Files.exists(output)) {
                return p;
            }
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
            // up to the last line break: a line being written (or cut by the kill) is not read
            String whole = text.substring(0, text.lastIndexOf('\n') + 1);
            for (String line : whole.lines().toList()) {
                Matcher visit = VISIT.matcher(line);
                Matcher confirmation = CONFIRMED.matcher(line);
                if (visit.matches()) {
                    p.visitId = UUID.fromString(visit.group(1));
                } else if (confirmation.matches()) {
                    int n = Integer.parseInt(confirmation.group(1));
                    if (n != p.confirmed + 1) {
                        p.gaps.add(line + " after " + p.confirmed);
                    }
                    p.confirmed = n;
                }
                // anything else (a log line) is not ours to judge here
            }
            return p;
        }
    }

    private Process start(Path data, Path output, Path errors) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = snapshot(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, "-Xmx256m", "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", DraftSaver.class.getName(), data.toString());
        // to a file, not a pipe: what it wrote stays readable after the kill, with no reader to race
        builder.redirectOutput(output.toFile());
        builder.redirectError(errors.toFile());
        builder.environment().put("CLASSPATH", "");
        // its standard input stays a pipe from this JVM: should this JVM die, the saver stops too
        return builder.start();
    }

    /**
     * The class path with its folders (target/classes, target/test-classes) copied, so that a build
     * running beside this test and rewriting them cannot take classes from under the saver.
     */
    private String snapshot(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (entry.isEmpty() || !Files.isDirectory(source)) {
                entries.add(entry);
                continue;
            }
            Path copy = folder.resolve("classpath").resolve(String.valueOf(n++));
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            entries.add(copy.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(nothing: " + e + ")";
        }
    }
}
