package app.rebound.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;

/**
 * Wrong passwords in a row, kept in the data folder ({@value #FILE_NAME}) so that closing the program
 * does not start the count again. From the {@value #FREE_ATTEMPTS}th wrong password in a row, the
 * next attempt must wait: 5 s, then 10 s, 20 s, … up to 15 minutes. A right password ends the wait.
 */
final class SignInThrottle {

    static final String FILE_NAME = "rebound.signin";
    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

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
        long[] state = read();
        Duration left = wait((int) state[0], state[1]);
        if (!left.isZero()) {
            throw new SignInDelayedException(left);
        }
    }

    /** Counts a wrong password; returns the wrong passwords in a row so far. */
    int failed() {
        long[] state = read();
        int failures = (int) state[0] + 1;
        write(failures, clock.millis());
        return failures;
    }

    /** A right password: returns the wrong ones before it, and starts the count again. */
    int succeeded() {
        int failures = (int) read()[0];
        if (failures > 0) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                write(0, 0);
            }
        }
        return failures;
    }

    private long[] read() {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            return new long[] {Math.max(0, Long.parseLong(parts[0])), Long.parseLong(parts[1])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private void write(int failures, long millis) {
        try {
            Path partial = file.resolveSibling(FILE_NAME + ".part");
            Files.writeString(partial, failures + " " + millis + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not being able to count is no reason to let the clinician in or keep her out
        }
    }
}
