package app.rebound.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import app.rebound.store.AtomicFile;
import app.rebound.store.SmallFile;

/**
 * Wrong passwords in a row, kept in the data folder ({@value #FILE_NAME}) so that closing the program
 * does not start the count again. From the {@value #FREE_ATTEMPTS}th wrong password in a row, the
 * next attempt must wait: 5 s, then 10 s, 20 s, … up to 15 minutes. A right password ends the wait.
 *
 * <p>The file is written through {@link AtomicFile} (a new temporary file, never through a link; a link
 * put in its place is removed, not followed). Nothing secret can protect it before a password is known,
 * so deleting it resets the wait; that is why each right password also writes a fresh random counter id
 * into the file and into the encrypted database ({@link SettingsService#signInCounter}): at the next sign-in a
 * file that was deleted, replaced or rolled back in between no longer carries the id the database holds,
 * and the audit trail says so (see {@link ClinicAccess}).
 */
final class SignInThrottle {

    static final String FILE_NAME = "rebound.signin";
    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(15);
    private static final int LONGEST_FILE = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the file holds. */
    record State(int failures, long lastFailureMillis, String counterId) {
        static final State NONE = new State(0, 0, "");
    }

    /** A right password: the wrong ones before it, and the counter id the file held (empty if none). */
    record Success(int failuresBefore, String previousCounterId, String counterId) {
    }

    private final Path file;
    private final Clock clock;

    SignInThrottle(Path folder, Clock clock) {
        this.file = folder.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** How long the next attempt must still wait (zero: it may go ahead). */
    Duration wait(int failures, long lastFailureMillis) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(20, failures - FREE_ATTEMPTS));
        if (delay.compareTo(LONGEST_DELAY) > 0) {
            delay = LONGEST_DELAY;
        }
        long left = lastFailureMillis + delay.toMillis() - clock.millis();
        return left <= 0 ? Duration.ZERO : Duration.ofMillis(left);
    }

    /** @throws SignInDelayedException when the last wrong passwords ask for a wait first */
    void check() {
        State state = read();
        Duration left = wait(state.failures(), state.lastFailureMillis());
        if (!left.isZero()) {
            throw new SignInDelayedException(left);
        }
    }

    /** Counts a wrong password; returns the wrong passwords in a row so far. */
    int failed() {
        State state = read();
        int failures = state.failures() + 1;
        write(new State(failures, clock.millis(), state.counterId()));
        return failures;
    }

    /** A right password: starts the count again under a new counter id (to be kept in the database too). */
    Success succeeded() {
        State state = read();
        String id = HexFormat.of().formatHex(randomBytes());
        boolean written = write(new State(0, 0, id));
        // an id the file does not hold would be reported as a changed file at the next sign-in
        return new Success(state.failures(), state.counterId(), written ? id : state.counterId());
    }

    /** What the file holds; {@link State#NONE} when it is missing, a link, or not what Rebound writes. */
    State read() {
        // NOFOLLOW_LINKS: a link in the file's place is never read through
        try {
            // never through a link, and never a pipe (its opening would wait for ever)
            byte[] bytes = SmallFile.read(file, LONGEST_FILE);
            String[] parts = new String(bytes, StandardCharsets.US_ASCII).strip()
                    .split(" ");
            return new State((int) Math.min(Integer.MAX_VALUE, Math.max(0, Long.parseLong(parts[0]))),
                    Long.parseLong(parts[1]), parts.length > 2 ? parts[2] : "");
        } catch (IOException | RuntimeException e) {
            return State.NONE;
        }
    }

    /** Whether the file was written. */
    private boolean write(State state) {
        try {
            if (Files.isSymbolicLink(file)) {
                // put there by someone else: the link goes, whatever it points to stays as it was
                Files.delete(file);
            }
            byte[] text = (state.failures() + " " + state.lastFailureMillis() + " " + state.counterId() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            AtomicFile.write(file, out -> out.write(text));
            return true;
        } catch (IOException e) {
            // not being able to count is no reason to let the clinician in or keep her out
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
