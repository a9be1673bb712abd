package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.store.AtomicFile;

/**
 * The partial files of backups noted in the data folder: a backup killed while writing into a folder the
 * clinician chose has its partial file (a whole copy of the records) removed at the next start or backup
 * however soon, where a partial file nobody noted waits {@link BackupService#LEFTOVER_QUIET}. Real H2 files.
 */
class PartialBackupsTest {

    @TempDir
    Path temp;

    private Path noted(Path records) {
        return records.resolve(PartialBackups.FILE_NAME);
    }

    private List<String> namesNoted(Path records) throws IOException {
        Path list = noted(records);
        return Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void aBackupNotesItsPartialFileBeforeItWritesTheRecordsAndForgetsItOnceItIsInPlaceOrGone() throws Exception {
        Path records = Files.createDirectory(temp.resolve("records"));
        Path stick = Files.createDirectory(temp.resolve("stick"));
        PartialBackups partials = new PartialBackups(records);
        List<String> whileWriting = new ArrayList<>();

        AtomicFile.write(stick.resolve("monday.zip"), out -> {
            whileWriting.addAll(namesNoted(records));
            out.write(1);
        }, written -> { }, partials);

        assertThat(whileWriting).singleElement().satisfies(name -> {
            assertThat(Path.of(name).getParent()).isEqualTo(stick.toAbsolutePath().normalize());
            assertThat(Path.of(name).getFileName().toString()).startsWith(".rebound-").endsWith(".part");
        });
        assertThat(noted(records)).doesNotExist();
        assertThat(names(stick)).containsExactly("monday.zip");

        assertThatThrownBy(() -> AtomicFile.write(stick.resolve("tuesday.zip"), out -> out.write(1), written -> {
            throw new IOException("the check refused it");
        }, partials)).hasMessage("the check refused it");
        assertThat(noted(records)).as("a failed backup deletes its partial file and forgets it").doesNotExist();
        assertThat(names(stick)).containsExactly("monday.zip");
    }

    @Test
    void aKilledBackupsPartialFileGoesAtTheNextBackupEvenAMomentLaterAndInAnotherFolder() throws Exception {
        Path records = temp.resolve("records");
        Path stick = Files.createDirectory(temp.resolve("stick"));
        // killed a moment ago while writing to the stick: noted, written to just now, no longer locked
        Path killed = Files.writeString(stick.resolve(".rebound-0123456789abcdef.part"), "a whole copy");
        // another program's, written to a moment ago and noted nowhere: it waits its quiet time
        Path others = Files.writeString(stick.resolve(".rebound-fedcba9876543210.part"), "being written");
        try (Services services = TestKeys.clinic(records)) {
            new PartialBackups(records).begun(killed);
            assertThat(namesNoted(records)).containsExactly(killed.toString());

            new BackupService(VisitFixture.CLOCK).backup(services.database(), temp.resolve("elsewhere.zip"));
        }

        assertThat(killed).doesNotExist();
        assertThat(others).hasContent("being written");
        assertThat(noted(records)).doesNotExist();
        assertThat(temp.resolve("elsewhere.zip")).exists();
    }

    @Test
    void theStartRemovesOnlyReboundsOwnPartialFilesNotBeingWrittenAndKeepsTheNamesItCannotYet() throws Exception {
        Path records = Files.createDirectory(temp.resolve("records"));
        Path stick = Files.createDirectory(temp.resolve("stick"));
        Path killed = Files.writeString(stick.resolve(".rebound-0123456789abcdef.part"), "a whole copy");
        Path hers = Files.writeString(stick.resolve("notes.txt"), "hers");
        Path link = Files.createSymbolicLink(stick.resolve(".rebound-00000000aaaaaaaa.part"), hers);
        Path folder = Files.createDirectory(stick.resolve(".rebound-00000000bbbbbbbb.part"));
        Path locked = Files.writeString(stick.resolve(".rebound-00000000cccccccc.part"), "being written");
        // a stick taken out since: its file is tried again next time
        Path away = temp.resolve("gone-stick").resolve(".rebound-00000000dddddddd.part");
        PartialBackups partials = new PartialBackups(records);
        for (Path partial : List.of(killed, hers, link, folder, locked, away)) {
            partials.begun(partial);
        }

        try (FileChannel channel = FileChannel.open(locked, StandardOpenOption.WRITE);
                FileLock writing = channel.lock()) {
            AutomaticBackups.removeLeftovers(records, records.resolve(AutomaticBackups.DEFAULT_FOLDER));
        }

        assertThat(killed).doesNotExist();
        assertThat(hers).hasContent("hers");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(folder).isDirectory();
        assertThat(locked).hasContent("being written");
        assertThat(namesNoted(records)).containsExactly(locked.toString(), away.toString());

        AutomaticBackups.removeLeftovers(records, records.resolve(AutomaticBackups.DEFAULT_FOLDER));

        assertThat(locked).as("its backup has ended without moving it into place").doesNotExist();
        assertThat(namesNoted(records)).containsExactly(away.toString());
    }

    @Test
    void aListThatIsALinkIsNeitherFollowedNorWrittenThroughAndTheBackupGoesOn() throws Exception {
        Path records = temp.resolve("records");
        try (Services services = TestKeys.clinic(records)) {
            Path hers = Files.writeString(temp.resolve("hers.txt"), "/etc/passwd\n");
            Files.createSymbolicLink(noted(records), hers);

            new BackupService(VisitFixture.CLOCK).backup(services.database(), temp.resolve("monday.zip"));

            assertThat(hers).hasContent("/etc/passwd\n");
            assertThat(temp.resolve("monday.zip")).exists();
        }
    }

    @Test
    void theListKeepsTheNewestNamesOnly() throws Exception {
        Path records = Files.createDirectory(temp.resolve("records"));
        PartialBackups partials = new PartialBackups(records);
        for (int i = 0; i < PartialBackups.MOST + 10; i++) {
            partials.begun(temp.resolve("away" + i).resolve(".rebound-0000000000000000.part"));
        }
        List<String> names = namesNoted(records);
        assertThat(names).hasSize(PartialBackups.MOST).last()
                .isEqualTo(temp.resolve("away" + (PartialBackups.MOST + 9)).resolve(".rebound-0000000000000000.part")
                        .toString());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
