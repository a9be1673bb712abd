package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way Rebound replaces a file: forced, moved in one step, the folder forced; never through a link. */
class AtomicFileTest {

    @TempDir
    Path temp;

    /** What was forced, in order, and what the target held at that moment. */
    private final List<String> forced = new ArrayList<>();

    private AtomicFile recording(Path target) {
        return new AtomicFile((channel, path) -> {
            channel.force(true);
            String held = Files.exists(target) ? Files.readString(target) : "<none>";
            forced.add((Files.isDirectory(path) ? "folder " : "file ") + path.getFileName() + " -> " + held);
        });
    }

    @Test
    void theNewContentIsForcedBeforeTheMoveAndTheFolderAfterIt() throws Exception {
        Path target = temp.resolve("rebound.keys");
        Files.writeString(target, "old");

        recording(target).save(target, out -> out.write("new".getBytes(StandardCharsets.US_ASCII)), written -> { });

        assertThat(forced).hasSize(2);
        assertThat(forced.get(0)).matches("file \\.rebound-[0-9a-f]{16}\\.part -> old");
        assertThat(forced.get(1)).isEqualTo("folder " + temp.getFileName() + " -> new");
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(namesIn(temp)).containsExactly("rebound.keys");
    }

    @Test
    void aFinishedFileIsForcedThenMovedThenItsFolderForced() throws Exception {
        Path staged = Files.createDirectory(temp.resolve(".rebound-compacting")).resolve("rebound.mv.db");
        Files.writeString(staged, "compacted");
        Path target = temp.resolve("rebound.mv.db");
        Files.writeString(target, "original");

        recording(target).move(staged, target, true);

        assertThat(forced).containsExactly("file rebound.mv.db -> original", "folder " + temp.getFileName()
                + " -> compacted", "folder .rebound-compacting -> compacted");
    }

    @Test
    void theNewFileIsTheOwnersOnlyAndNoTemporaryFileStays() throws Exception {
        assumeThat(FilePermissions.isPosix(temp)).as("POSIX permissions").isTrue();
        Path target = temp.resolve("export.json");

        AtomicFile.write(target, out -> out.write(1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(namesIn(temp)).containsExactly("export.json");
    }

    @Test
    void aFailedCheckOrWriteKeepsTheOldFileAndLeavesNothing() throws Exception {
        Path target = temp.resolve("backup.zip");
        Files.writeString(target, "old backup");

        assertThatThrownBy(() -> AtomicFile.write(target, out -> out.write(2), written -> {
            throw new IOException("not a backup");
        })).hasMessage("not a backup");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(3);
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(Files.readString(target)).isEqualTo("old backup");
        assertThat(namesIn(temp)).containsExactly("backup.zip");
    }

    @Test
    void aSymbolicLinkInTheTargetsPlaceIsRefusedAndWhatItPointsToStays() throws Exception {
        Path elsewhere = Files.writeString(temp.resolve("someone-elses-file"), "theirs");
        Path folder = Files.createDirectory(temp.resolve("data"));
        Path link = Files.createSymbolicLink(folder.resolve("rebound.signin"), elsewhere);

        assertThatThrownBy(() -> AtomicFile.write(link, out -> out.write("6 0\n".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(Files.readString(elsewhere)).isEqualTo("theirs");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(namesIn(folder)).containsExactly("rebound.signin");
    }

    @Test
    void leftoversOfAKilledWriteGoButNotAFileBeingWrittenNorOtherFiles() throws Exception {
        Files.writeString(temp.resolve(".rebound-0123456789abcdef.part"), "a killed backup's copy");
        Files.writeString(temp.resolve("rebound.keys.part"), "kept: not AtomicFile's name");
        Files.writeString(temp.resolve("rebound-20260101-120000.zip"), "a backup");
        Path target = temp.resolve("rebound-20260102-120000.zip");

        AtomicFile.write(target, out -> {
            out.write(7);
            // another part of the program cleans up while this file is being written
            AtomicFile.deleteLeftovers(temp);
        });

        assertThat(namesIn(temp)).containsExactlyInAnyOrder("rebound.keys.part",
                "rebound-20260101-120000.zip", "rebound-20260102-120000.zip");
        assertThat(Files.readAllBytes(target)).containsExactly(7);
    }

    @Test
    void aPartialFileAnotherProgramHoldsLockedStaysHoweverLongNothingWroteToIt() throws Exception {
        // another workstation's backup into the same (shared) backup folder, still making its copy of the
        // records: its partial file has not been written to for an hour, and it holds the file locked
        Path theirs = Files.writeString(temp.resolve(".rebound-0123456789abcdef.part"), "zip header");
        Files.setLastModifiedTime(theirs, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        try (FileChannel writing = FileChannel.open(theirs, StandardOpenOption.WRITE);
                FileLock held = writing.lock()) {
            AtomicFile.deleteLeftoversOlderThan(temp, Duration.ofMinutes(10), Instant.now());
            assertThat(theirs).hasContent("zip header");
            AtomicFile.deleteLeftovers(temp);
            assertThat(theirs).hasContent("zip header");
        }
        // the program was killed: its lock went with it, and the file is a leftover
        AtomicFile.deleteLeftoversOlderThan(temp, Duration.ofMinutes(10), Instant.now());
        assertThat(theirs).doesNotExist();
    }

    @Test
    void theFileBeingWrittenIsLockedWhileItsContentIsMade() throws Exception {
        List<Boolean> lockedDuringWrite = new ArrayList<>();
        AtomicFile.write(temp.resolve("backup.zip"), out -> {
            Path partial;
            try (Stream<Path> files = Files.list(temp)) {
                partial = files.filter(f -> f.getFileName().toString().endsWith(".part")).findFirst().orElseThrow();
            }
            // as another program's clean-up sees it (in this JVM the lock shows as overlapping)
            try (FileChannel other = FileChannel.open(partial, StandardOpenOption.READ)) {
                try (FileLock free = other.tryLock(0, Long.MAX_VALUE, true)) {
                    lockedDuringWrite.add(free == null);
                } catch (OverlappingFileLockException e) {
                    lockedDuringWrite.add(true);
                }
            }
            out.write(7);
        });
        assertThat(lockedDuringWrite).containsExactly(true);
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
