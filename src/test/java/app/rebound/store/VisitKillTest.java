package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.AuditAction;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.Visit;

/**
 * A save that has returned is on disk, however the process ends. Another process ({@link DraftSaver})
 * opens the encrypted database (its key comes in an environment variable, never in a file), saves one
 * visit in a loop and confirms each save; it is killed with SIGKILL (no shutdown hooks, nothing closed,
 * nothing flushed by Java) {@value #ROUNDS} times at random moments, each time restarted on the same
 * data folder, so each round also opens a database the round before left killed. After every kill this
 * test opens the database and finds:
 * <ul>
 * <li>it opens (with the same key, never created anew), with its one patient and one visit;</li>
 * <li>the visit holds the last confirmed save of the round or the one after it (being saved when killed),
 * never an older one, so no save acknowledged in this or an earlier round is lost, and no save is
 * kept that was never made;</li>
 * <li>the visit is one whole save: notes, calf raise left and right and PSFS score all of that save,
 * never a mixture of two;</li>
 * <li>the audit trail is intact, and holds a row for every confirmed save of every round so far (and at
 * most one for each save made).</li>
 * </ul>
 * Where the kill falls is drawn from a seeded random (the seed is in the test report and in any failure;
 * run again with {@code -Drebound.kill.seed=<seed>} for the same plan, though not the same timing):
 * round 1 and most others are killed 0–25 ms after 3–40 confirmations; of rounds 2–50,
 * {@value #KILLED_IN_FIRST_SAVE} are killed 0–25 ms after the saver reports the database open, so during
 * or just after its first save of a database just reopened after a kill, and {@value #KILLED_OPENING} at a
 * random moment of the time it takes to open the database (opening after a kill, migrations checked).
 * <p>
 * It can fail: with the database opened {@code WRITE_DELAY=500} (commits returned before they are
 * written) the first round already finds save 29 stored after 32 were confirmed. What it does not prove:
 * that a save survives the power failing or the operating system crashing; SIGKILL leaves what was
 * written in the operating system's file cache.
 */
@Tag("process")
class VisitKillTest {

    static final int ROUNDS = 50;

    /** Rounds killed while the saver opens the database, and before its first save has returned. */
    private static final int KILLED_OPENING = 3;
    private static final int KILLED_IN_FIRST_SAVE = 6;
    /** Otherwise confirmations to wait for before killing: 3–40. */
    private static final int MIN_CONFIRMATIONS = 3;
    private static final int MAX_CONFIRMATIONS = 40;
    /** The random pause before the kill, once the saver has got so far (while opening: up to its time to open). */
    private static final int MAX_PAUSE_MS = 25;

    private static final int OPENING = -1;
    private static final int FIRST_SAVE = 0;

    private static final Pattern VISIT = Pattern.compile("visit ([0-9a-f-]{36})");
    private static final Pattern CONFIRMED = Pattern.compile("confirmed (\\d+)");

    @TempDir
    Path folder;

    @Test
    // a guard against a hang only: every round has deadlines of its own (60 s to get so far, 30 s to end
    // once killed); on a machine loaded many times over its cores a round took 3–32 s, and fifty of them
    // went past the 300 s this once had
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everyConfirmedSaveSurvivesFiftyKillsAtRandomMoments(TestReporter report) throws Exception {
        long seed = Long.getLong("rebound.kill.seed", new Random().nextLong());
        publish(report, "seed", seed + " (run again with -Drebound.kill.seed=" + seed + ")");
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<Integer> plan = plan(random);
        Path data = folder.resolve("data");
        Saver saver = new Saver(snapshot(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"))), null);
        saver = saver.withClassesArchived(folder.resolve("warm-up"), folder.resolve("saver.jsa"), report);

        UUID visitId = null;
        int stored = 0;
        int confirmedInAll = 0;
        int inFirstSave = 0;
        long openMs = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int waitFor = plan.get(round - 1);
            double at = random.nextDouble();
            // while opening: anywhere in the time the last round took to open; otherwise 0–25 ms on
            long pause = Math.round(at * (waitFor == OPENING ? openMs : MAX_PAUSE_MS));
            int first = stored + 1;
            String name = String.format("round %02d", round);
            String where = waitFor == OPENING ? "opening" : waitFor == FIRST_SAVE ? "opened"
                    : waitFor + " confirmations";
            long roundStarted = System.nanoTime();
            try {
                Path output = folder.resolve(String.format("round-%02d.out", round));
                Path errors = folder.resolve(String.format("round-%02d.err", round));
                Killed killed = killed(saver.start(data, first, visitId, output, errors), waitFor, pause, first,
                        output, errors);
                Progress progress = killed.progress();
                if (killed.openMs() >= 0) {
                    openMs = killed.openMs();
                }

                assertThat(progress.gaps).as("confirmations from save %d on, one after another", first).isEmpty();
                if (visitId == null) {
                    assertThat(progress.visitId).as("the saver names its visit").isNotNull();
                    visitId = progress.visitId;
                } else if (progress.visitId != null) {
                    assertThat(progress.visitId).as("the visit it goes on saving").isEqualTo(visitId);
                }
                if (waitFor > 0) {
                    assertThat(progress.confirmed).isGreaterThanOrEqualTo(waitFor);
                }
                int lastConfirmed = first - 1 + progress.confirmed;

                int saved = check(data, visitId, lastConfirmed, confirmedInAll + progress.confirmed,
                        "killed " + pause + " ms after " + where + ", " + progress.confirmed + " confirmed");
                publish(report, name, "killed " + pause + " ms after " + where + ": saves " + first + "–"
                        + lastConfirmed + " confirmed (" + progress.confirmed + "), stored save " + saved + " ("
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStarted) + " ms)");
                if (progress.confirmed == 0 && progress.visitId != null) {
                    inFirstSave++;
                }
                confirmedInAll += progress.confirmed;
                stored = saved;
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", " + name + " (killed " + pause + " ms after " + where
                        + "): " + e.getMessage(), e);
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        publish(report, "summary", ROUNDS + " kills in " + seconds + " s; " + confirmedInAll
                + " confirmed saves, all kept; " + inFirstSave + " killed with the database open and no save of the"
                + " round confirmed yet");
    }

    /** To the test report, and to standard output too, since Maven's test reports leave report entries out. */
    private static void publish(TestReporter report, String key, String value) {
        report.publishEntry(key, value);
        System.out.println("VisitKillTest " + key + ": " + value);
    }

    /**
     * Where each round is killed: the first after 3–40 confirmations (it makes the patient and visit the
     * others go on with); of the others, a few while opening, a few before their first save returns.
     */
    private static List<Integer> plan(Random random) {
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < KILLED_OPENING; i++) {
            later.add(OPENING);
        }
        for (int i = 0; i < KILLED_IN_FIRST_SAVE; i++) {
            later.add(FIRST_SAVE);
        }
        while (later.size() < ROUNDS - 1) {
            later.add(confirmations(random));
        }
        Collections.shuffle(later, random);
        List<Integer> plan = new ArrayList<>();
        plan.add(confirmations(random));
        plan.addAll(later);
        return plan;
    }

    private static int confirmations(Random random) {
        return MIN_CONFIRMATIONS + random.nextInt(MAX_CONFIRMATIONS - MIN_CONFIRMATIONS + 1);
    }

    /** What the killed saver had printed, and how long it took to open the database (-1: not seen). */
    private record Killed(Progress progress, long openMs) {
    }

    /**
     * Waits for the saver to get as far as {@code waitFor} says, then {@code pause} ms, kills it, and
     * reads what it printed.
     */
    private static Killed killed(Process saver, int waitFor, long pause, int first, Path output, Path errors)
            throws Exception {
        long opening = -1;
        long opened = -1;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (Progress progress = Progress.of(output, first); ; progress = Progress.of(output, first)) {
                if (opening < 0 && progress.opening) {
                    opening = System.nanoTime();
                }
                if (opened < 0 && progress.visitId != null) {
                    opened = System.nanoTime();
                }
                if (progress.reached(waitFor)) {
                    break;
                }
                if (!saver.isAlive()) {
                    fail("the saver ended by itself (exit %d); stdout:%n%s%nstderr:%n%s", saver.exitValue(),
                            tail(output), tail(errors));
                }
                if (System.nanoTime() > deadline) {
                    fail("not so far in 60 s; stdout:%n%s%nstderr:%n%s", tail(output), tail(errors));
                }
                Thread.sleep(1);
            }
            // a moment more, so that the kill falls anywhere: opening, reading, writing or committing
            Thread.sleep(pause);
            if (!saver.isAlive()) {
                fail("the saver ended by itself (exit %d) before the kill; stdout:%n%s%nstderr:%n%s",
                        saver.exitValue(), tail(output), tail(errors));
            }
            saver.destroyForcibly();
            assertThat(saver.waitFor(60, TimeUnit.SECONDS)).as("the saver ends once killed").isTrue();
        } finally {
            if (saver.isAlive()) {
                saver.destroyForcibly();
                saver.waitFor(60, TimeUnit.SECONDS);
            }
            saver.getOutputStream().close();
        }
        assertThat(saver.exitValue()).as("killed (SIGKILL), not ended by itself").isEqualTo(128 + 9);
        // everything it printed before it died is in the file; a line cut short by the kill is not counted
        return new Killed(Progress.of(output, first),
                opening >= 0 && opened >= 0 ? TimeUnit.NANOSECONDS.toMillis(opened - opening) : -1);
    }

    /** Opens the database after a kill and checks it; returns the save the visit holds. */
    private static int check(Path data, UUID visitId, int lastConfirmed, int confirmedInAll, String what) {
        try (Database database = Database.openExisting(data, TestKeys.KEY)) {
            Visit stored = new VisitStore(database).find(visitId).orElseThrow();
            assertThat(stored.notes()).as("notes").startsWith("save ");
            int saved = Integer.parseInt(stored.notes().substring("save ".length()));
            assertThat(saved).as("the last confirmed save (%d) or the one after it; %s", lastConfirmed, what)
                    .isBetween(lastConfirmed, lastConfirmed + 1);
            // one transaction: every section is from that same save
            assertThat(stored.strength(StrengthTest.CALF_RAISE).left()).as("calf raise left of save %d", saved)
                    .isEqualTo(DraftSaver.left(saved));
            assertThat(stored.strength(StrengthTest.CALF_RAISE).right()).as("calf raise right of save %d", saved)
                    .isEqualTo(DraftSaver.right(saved));
            assertThat(stored.outcomes().psfs()).hasSize(1);
            assertThat(stored.outcomes().psfs().get(0).score()).as("PSFS of save %d", saved).isEqualTo(saved % 11);
            assertThat(new PatientStore(database).count()).as("patients").isEqualTo(1);
            assertThat(new VisitStore(database).forPatient(stored.patientId())).as("visits").hasSize(1);

            AuditStore audit = new AuditStore(database);
            AuditStore.Verification trail = audit.verify();
            assertThat(trail.intact()).as("audit trail intact: %s", trail.problem()).isTrue();
            int[] saveRows = new int[1];
            audit.forEach(event -> {
                if (event.action() == AuditAction.CHANGE && ("visit " + visitId).equals(event.detail())) {
                    saveRows[0]++;
                }
            });
            // each save writes its row after the visit: every confirmed save has one; a save made has at most one
            assertThat(saveRows[0]).as("audit rows of the visit's saves").isBetween(confirmedInAll, saved);
            return saved;
        }
    }

    /** What the saver has printed so far: whether it is opening, its visit, and its confirmations, from whole lines only. */
    private static final class Progress {

        boolean opening;
        UUID visitId;
        int confirmed;
        final List<String> gaps = new ArrayList<>();

        boolean reached(int waitFor) {
            return waitFor == OPENING ? opening : waitFor == FIRST_SAVE ? visitId != null : confirmed >= waitFor;
        }

        static Progress of(Path output, int first) throws IOException {
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
                if (line.equals("opening")) {
                    p.opening = true;
                } else if (visit.matches()) {
                    p.visitId = UUID.fromString(visit.group(1));
                } else if (confirmation.matches()) {
                    int n = Integer.parseInt(confirmation.group(1));
                    if (n != first + p.confirmed) {
                        p.gaps.add(line + " after " + p.confirmed + " confirmations");
                    }
                    p.confirmed++;
                }
                // anything else (a log line) is not ours to judge here
            }
            return p;
        }
    }

    /** How a saver JVM is started: its class path (jars only) and, once made, an archive of its classes. */
    private record Saver(String classPath, Path classArchive) {

        Process start(Path data, int first, UUID visitId, Path output, Path errors, String... options)
                throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, "-Xmx256m",
                    // a quick start: 50 JVMs on a busy machine
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"));
            if (classArchive != null) {
                command.add("-XX:SharedArchiveFile=" + classArchive);
            }
            command.addAll(List.of(options));
            command.addAll(List.of(DraftSaver.class.getName(), data.toString(), String.valueOf(first)));
            if (visitId != null) {
                command.add(visitId.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            // to a file, not a pipe: what it wrote stays readable after the kill, with no reader to race
            builder.redirectOutput(output.toFile());
            builder.redirectError(errors.toFile());
            builder.environment().put("CLASSPATH", "");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            // the key in the environment, as hex: never written to a file
            builder.environment().put(DraftSaver.KEY_VARIABLE, DraftSaver.hex(TestKeys.KEY));
            // its standard input stays a pipe from this JVM: should this JVM die, the saver stops too
            return builder.start();
        }

        /**
         * Runs a saver once on a database of its own, lets it end (its input closed) and keeps the classes it
         * loaded in an archive (AppCDS), which halves the time the 50 savers take to open the database. Without
         * the archive (a Java that cannot make one) the savers start as they are, only slower.
         */
        Saver withClassesArchived(Path scratch, Path archive, TestReporter report) throws Exception {
            Path output = scratch.resolveSibling("warm-up.out");
            Path errors = scratch.resolveSibling("warm-up.err");
            Process warmUp = start(scratch, 1, null, output, errors, "-XX:ArchiveClassesAtExit=" + archive);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (Progress.of(output, 1).confirmed < 20 && warmUp.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            } finally {
                warmUp.getOutputStream().close();
                if (!warmUp.waitFor(60, TimeUnit.SECONDS)) {
                    warmUp.destroyForcibly();
                    warmUp.waitFor(60, TimeUnit.SECONDS);
                }
            }
            if (!Files.isRegularFile(archive)) {
                publish(report, "class archive", "none made, savers start without one: " + tail(errors));
                return this;
            }
            return new Saver(classPath, archive);
        }
    }

    /**
     * The class path with its folders (target/classes, target/test-classes) copied into jars: a build
     * running beside this test and rewriting them cannot take classes from under the saver, and a class
     * archive takes jars only.
     */
    private String snapshot(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (entry.isEmpty()) {
                continue;
            }
            if (!Files.isDirectory(source)) {
                entries.add(entry);
                continue;
            }
            Path copy = folder.resolve("classpath-" + n++ + ".jar");
            try (Stream<Path> files = Files.walk(source);
                    JarOutputStream jar = new JarOutputStream(Files.newOutputStream(copy))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = source.relativize(file).toString().replace(File.separatorChar, '/');
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(file)) {
                        jar.putNextEntry(new JarEntry(name + "/"));
                    } else {
                        jar.putNextEntry(new JarEntry(name));
                        Files.copy(file, jar);
                    }
                    jar.closeEntry();
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
