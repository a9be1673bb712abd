package app.rebound.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on a folder whose window is open knocks on its socket, and that window comes to the front. */
class FrontDoorTest {

    @TempDir
    Path folder;

    @Test
    void aKnockBringsTheOpenWindowToTheFrontAndAClosedDoorAnswersNoMore() {
        AtomicInteger toFront = new AtomicInteger();
        Optional<FrontDoor> door = FrontDoor.open(folder, toFront::incrementAndGet);
        assertThat(door).isPresent();

        assertThat(FrontDoor.knock(folder)).isTrue();
        assertThat(FrontDoor.knock(folder)).isTrue();
        assertThat(toFront).hasValue(2);

        door.get().close();
        assertThat(FrontDoor.knock(folder)).isFalse();
        assertThat(folder.resolve(FrontDoor.FILE_NAME)).doesNotExist();
        assertThat(toFront).hasValue(2);
    }

    @Test
    void theSocketIsTheOwnersAloneAndNoTcpPortIsOpened() throws Exception {
        try (FrontDoor door = FrontDoor.open(folder, () -> { }).orElseThrow()) {
            Path socket = folder.resolve(FrontDoor.FILE_NAME);
            assertThat(Files.isRegularFile(socket)).as("a socket, not a file").isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        }
    }

    @Test
    void aSocketLeftByACrashIsNoAnswerAndTheNextWindowReplacesIt() throws Exception {
        Files.writeString(folder.resolve(FrontDoor.FILE_NAME), "left behind");

        assertThat(FrontDoor.knock(folder)).as("nobody listens").isFalse();

        AtomicInteger toFront = new AtomicInteger();
        try (FrontDoor door = FrontDoor.open(folder, toFront::incrementAndGet).orElseThrow()) {
            assertThat(FrontDoor.knock(folder)).isTrue();
        }
        assertThat(toFront).hasValue(1);
    }

    @Test
    void aCallerThatSaysNothingHoldsUpNoOther() throws Exception {
        AtomicInteger toFront = new AtomicInteger();
        try (FrontDoor door = FrontDoor.open(folder, toFront::incrementAndGet).orElseThrow();
                SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(folder.resolve(FrontDoor.FILE_NAME)));

            assertThat(FrontDoor.knock(folder)).isTrue();
        }
        assertThat(toFront).hasValue(1);
    }

    @Test
    void aFolderTooDeepForASocketHasNoDoorAndAKnockThereIsNoAnswer() throws Exception {
        Path deep = Files.createDirectories(folder.resolve("a".repeat(60)).resolve("b".repeat(60)));

        assertThat(FrontDoor.open(deep, () -> { })).isEmpty();
        assertThat(FrontDoor.knock(deep)).isFalse();
    }
}
