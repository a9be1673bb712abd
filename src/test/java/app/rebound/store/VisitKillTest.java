package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;

/**
 * A save that has returned is on disk: another process ({@link DraftSaver}) saves a visit in a loop
 * and confirms each save, and is killed (SIGKILL on Linux, no shutdown hooks, nothing flushed) in the
 * middle of its saving. Every confirmed save must be in the database afterwards, and the visit must
 * be one whole save, never a mixture of two.
 */
class VisitKillTest {

    /** Confirmations to wait for before killing, by repetition: a few more each time. */
    private static final int[] KILL_AFTER = {30, 47, 113};

    @TempDir
    Path folder;

    @RepeatedTest(3)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyConfirmedSaveSurvivesTheProcessBeingKilled(RepetitionInfo repetition) throws Exception {
        int killAfter = KILL_AFTER[repetition.getCurrentRepetition() - 1];
        Path data = folder.resolve("data");
        Path errors = folder.resolve("saver-stderr.txt");
        AtomicReference<UUID> visitId = new AtomicReference<>();
        AtomicInteger lastConfirmed = new AtomicInteger(0);
        List<String> unexpected = new CopyOnWriteArrayList<>();

        Process saver = start(data, errors);
        try {
            Thread reader = new Thread(() -> read(saver, visitId, lastConfirmed, unexpected), "saver-stdout");
            reader.setDaemon(true);
            reader.start();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (lastConfirmed.get() < killAfter) {
                if (!saver.isAlive()) {
                    reader.join(5_000);
                    fail("the saver ended by itself (exit %d) after %d confirmations; output %s; stderr:%n%s",
                            saver.exitValue(), lastConfirmed.get(), unexpected, tail(errors));
                }
                if (System.nanoTime() > deadline) {
                    fail("only %d confirmations in 90 s; output %s; stderr:%n%s", lastConfirmed.get(), unexpected,
                            tail(errors));
                }
                Thread.sleep(2);
            }

            saver.destroyForcibly();
            assertThat(saver.waitFor(30, TimeUnit.SECONDS)).as("the saver ends once killed").isTrue();
            // what it printed before it died is still in the pipe: read to the end to know the last confirmation
            reader.join(30_000);
            assertThat(reader.isAlive()).as("its output ends").isFalse();
        } finally {
            if (saver.isAlive()) {
                saver.destroyForcibly();
                saver.waitFor(30, TimeUnit.SECONDS);
            }
        }

        assertThat(saver.exitValue()).as("killed, not ended by itself").isNotIn(0, 3);
        assertThat(unexpected).as("every line of its output is understood").isEmpty();
        assertThat(visitId.get()).isNotNull();
        int confirmed = lastConfirmed.get();
        assertThat(confirmed).isGreaterThanOrEqualTo(killAfter);

        try (Database database = Database.open(data)) {
            Visit stored = new VisitStore(database).find(visitId.get()).orElseThrow();
            assertThat(stored.notes()).startsWith("save ");
            int saved = Integer.parseInt(stored.notes().substring("save ".length()));
            assertThat(saved).as("the last confirmed save (%d) or the one after it, being saved when killed",
                    confirmed).isBetween(confirmed, confirmed + 1);
            // one transaction: every section is from that same save
            assertThat(stored.strength(StrengthTest.CALF_RAISE).left()).isEqualTo(Math.min(saved, 200));
            assertThat(stored.outcomes().psfs()).hasSize(1);
            assertThat(stored.outcomes().psfs().get(0).score()).isEqualTo(saved % 11);
            assertThat(new PatientStore(database).count()).isEqualTo(1);
        }
    }

    private static Process start(Path data, Path errors) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, "-Xmx256m", "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", DraftSaver.class.getName(), data.toString());
        builder.redirectError(errors.toFile());
        builder.environment().put("CLASSPATH", "");
        return builder.start();
    }

    private static void read(Process saver, AtomicReference<UUID> visitId, AtomicInteger lastConfirmed,
            List<String> unexpected) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("visit ")) {
                    visitId.set(UUID.fromString(line.substring("visit ".length())));
                } else if (line.matches("confirmed \\d+")) {
                    int n = Integer.parseInt(line.substring("confirmed ".length()));
                    if (n != lastConfirmed.get() + 1) {
                        unexpected.add(line + " after " + lastConfirmed.get());
                    }
                    lastConfirmed.set(n);
                } else {
                    unexpected.add(line);
                }
            }
        } catch (IOException e) {
            unexpected.add("cannot read: " + e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
