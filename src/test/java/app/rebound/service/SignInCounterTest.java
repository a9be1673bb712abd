package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.AuditEvent;

/** The wrong-password counter file: never written through a link, and its deletion found by the next sign-in. */
class SignInCounterTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ClinicAccess access = new ClinicAccess(clock, Locale.UK, TestKeys.ITERATIONS);

    private Path clinic() throws Exception {
        Path folder = temp.resolve("clinic");
        access.setUp(folder, new ClinicAccess.NewClinic("Fjord Physio", "anna", "Anna Hansen",
                TestKeys.PASSWORD.toCharArray())).services().close();
        return folder;
    }

    private void wrongPassword(Path folder) {
        assertThatThrownBy(() -> access.signIn(folder, "anna", "not the password".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aLinkInTheCountersPlaceIsNeverWrittenThroughAndTheCountGoesOn() throws Exception {
        Path folder = clinic();
        Path victim = Files.writeString(temp.resolve("victim.txt"), "someone else's file\n");
        Path counter = folder.resolve(SignInThrottle.FILE_NAME);
        Files.delete(counter);
        Files.createSymbolicLink(counter, victim);
        // and where the counter used to be written before it was moved into place
        Path oldPartial = Files.createSymbolicLink(folder.resolve(SignInThrottle.FILE_NAME + ".part"), victim);

        wrongPassword(folder);
        wrongPassword(folder);

        assertThat(Files.readString(victim)).isEqualTo("someone else's file\n");
        assertThat(Files.isSymbolicLink(counter)).isFalse();
        assertThat(new SignInThrottle(folder, clock).read().failures()).isEqualTo(2);
        assertThat(Files.isSymbolicLink(oldPartial)).as("left alone, not written through").isTrue();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).filteredOn(name -> name.endsWith(".part"))
                    .containsExactly(SignInThrottle.FILE_NAME + ".part");
        }
    }

    @Test
    void aDeletedCounterIsReportedInTheAuditTrailAtTheNextSignIn() throws Exception {
        Path folder = clinic();
        for (int i = 0; i < SignInThrottle.FREE_ATTEMPTS; i++) {
            wrongPassword(folder);
        }
        assertThatThrownBy(() -> access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()))
                .as("five wrong passwords ask for a wait").isInstanceOf(SignInDelayedException.class);

        // deleting the file resets the wait: the database, which nobody without a password can change, notices
        Files.delete(folder.resolve(SignInThrottle.FILE_NAME));
        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            List<AuditEvent> newest = services.audit().newestFirst(null, 0, 3);
            // the five wrong passwords went with the file; that it went is what the trail keeps
            assertThat(newest).extracting(e -> e.action().name()).containsExactly("SIGN_IN", "SIGN_IN_FAILED",
                    "ACCOUNT");
            assertThat(newest.get(1).detail()).contains(SignInThrottle.FILE_NAME).contains("deleted");
        }
    }

    @Test
    void anOldCopyOfTheCounterPutBackIsReportedAndAnUntouchedOneIsNot() throws Exception {
        Path folder = clinic();
        Path counter = folder.resolve(SignInThrottle.FILE_NAME);
        String afterSetUp = Files.readString(counter, StandardCharsets.US_ASCII);
        access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray()).close();
        wrongPassword(folder);
        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.audit().newestFirst(null, 0, 5)).extracting(AuditEvent::detail)
                    .noneMatch(detail -> detail != null && detail.contains(SignInThrottle.FILE_NAME));
        }

        Files.writeString(counter, afterSetUp, StandardCharsets.US_ASCII);
        try (Services services = access.signIn(folder, "anna", TestKeys.PASSWORD.toCharArray())) {
            assertThat(services.audit().newestFirst(null, 0, 1).get(0).action().name()).isEqualTo("SIGN_IN");
            assertThat(services.audit().newestFirst(null, 0, 2).get(1).detail()).contains("put back from a copy");
        }
    }
}
