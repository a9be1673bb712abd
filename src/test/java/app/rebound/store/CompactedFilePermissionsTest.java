package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

/**
 * The database file stays its owner's alone when a compaction replaces it (on close after an erase, or
 * when asked): the compacted copy was made with the process's default permissions (644 under the usual
 * umask) and moved into place as it was.
 */
class CompactedFilePermissionsTest {

    @TempDir
    Path folder;

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void aCompactedDatabaseAndTheEraseMarkerAreReadableByTheOwnerOnly() throws Exception {
        Database database = Database.open(folder, TestKeys.KEY);
        database.erased();
        assertThat(permissions(folder.resolve(Database.ERASED_MARKER))).isEqualTo("rw-------");

        database.closeCompacted();

        assertThat(folder.resolve(Database.ERASED_MARKER)).as("the compaction it asked for was done").doesNotExist();
        assertThat(permissions(Database.file(folder))).isEqualTo("rw-------");
        try (Database again = Database.openExisting(folder, TestKeys.KEY)) {
            assertThat(again.dsl().fetchOne("SELECT 1")).isNotNull();
        }
    }
}
