package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A full disk, a file size limit and a refused write are told apart from damage, wherever in the chain they are. */
class StorageProblemTest {

    /** As H2 and jOOQ wrap the disk's exception: an SQL exception around a store exception around it. */
    private static Throwable wrapped(Throwable disk) {
        return new RuntimeException("DataAccessException", new SQLException("General error", "HY000", 50000,
                new IllegalStateException("Writing to file failed", disk)));
    }

    @Test
    void theOperatingSystemsErrorsAreFoundDeepInTheChain() {
        assertThat(StorageProblem.in(wrapped(new IOException("File too large"))))
                .contains(StorageProblem.FILE_TOO_LARGE);
        assertThat(StorageProblem.in(wrapped(new IOException("No space left on device"))))
                .contains(StorageProblem.DISK_FULL);
        assertThat(StorageProblem.in(wrapped(new IOException("Disk quota exceeded"))))
                .contains(StorageProblem.DISK_FULL);
        assertThat(StorageProblem.in(wrapped(new IOException("There is not enough space on the disk"))))
                .contains(StorageProblem.DISK_FULL);
        assertThat(StorageProblem.in(new UncheckedIOException(new AccessDeniedException("/data/rebound.keys"))))
                .contains(StorageProblem.NOT_PERMITTED);
        assertThat(StorageProblem.in(wrapped(new FileSystemException("/data/rebound.mv.db", null,
                "Read-only file system")))).contains(StorageProblem.NOT_PERMITTED);
        assertThat(StorageProblem.in(wrapped(new IOException("Permission denied"))))
                .contains(StorageProblem.NOT_PERMITTED);
        assertThat(StorageProblem.in(new SQLException("read only", "90097", 90097)))
                .contains(StorageProblem.NOT_PERMITTED);
    }

    @Test
    void damageAndOtherFailuresAreNoDiskProblem() {
        assertThat(StorageProblem.in(wrapped(new EOFException()))).isEmpty();
        assertThat(StorageProblem.in(wrapped(new NoSuchFileException("/data/rebound.mv.db")))).isEmpty();
        assertThat(StorageProblem.in(new SQLException("File corrupted", "90030", 90030))).isEqualTo(Optional.empty());
        assertThat(StorageProblem.in(new IllegalStateException("Chunk 12 not found"))).isEmpty();
        assertThat(StorageProblem.in(null)).isEmpty();
    }

    @Test
    void aFailedBatchCarriesTheDisksErrorAsItsNextExceptionNotItsCause() {
        // what an import's batch of rows threw on a full disk: H2's batch exception, the error in its chain
        BatchUpdateException batch = new BatchUpdateException("batch failed", "90028", 90028,
                new int[0], null);
        batch.setNextException(new SQLException("IO Exception", "90028", 90028,
                new IllegalStateException("Writing to file failed", new IOException("No space left on device"))));

        assertThat(StorageProblem.in(new RuntimeException("DataAccessException", batch)))
                .contains(StorageProblem.DISK_FULL);

        RuntimeException suppressedToo = new RuntimeException("closing failed");
        suppressedToo.addSuppressed(new IOException("File too large"));
        assertThat(StorageProblem.in(suppressedToo)).contains(StorageProblem.FILE_TOO_LARGE);
    }

    @Test
    void aChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(StorageProblem.in(a)).isEmpty();
    }
}
