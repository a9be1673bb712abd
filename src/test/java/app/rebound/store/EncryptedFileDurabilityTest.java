package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.store.fs.FileBaseDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save is durable when H2's write of its commit has reached the disk before the commit returns: the
 * encrypted file forces every write before returning it, so a power cut cannot take a confirmed save.
 */
class EncryptedFileDurabilityTest {

    @TempDir
    Path folder;

    @Test
    void everyWriteIsForcedToTheDiskBeforeItReturns() throws IOException {
        byte[] material = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        try (Recording disk = new Recording(FileChannel.open(folder.resolve("file"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
                FileChannel file = new EncryptedFile("file", material, disk)) {
            for (int i = 0; i < 50; i++) {
                // aligned chunks as the MVStore writes them, a partial sector, and a write past the end
                int position = switch (i % 3) {
                    case 0 -> 4096 * random.nextInt(10);
                    case 1 -> random.nextInt(30_000);
                    default -> (int) file.size() + 5000;
                };
                byte[] bytes = new byte[1 + random.nextInt(9000)];
                random.nextBytes(bytes);
                disk.events.clear();
                file.write(ByteBuffer.wrap(bytes), position);
                assertThat(disk.events).as("write %d at %d", i, position).contains("write");
                assertThat(disk.events.get(disk.events.size() - 1)).as("write %d: last thing done", i)
                        .isEqualTo("force");
            }
        }
    }

    /** A file channel that records what is done to the disk, in order. */
    private static final class Recording extends FileBaseDefault {
        private final FileChannel disk;
        final List<String> events = new ArrayList<>();

        Recording(FileChannel disk) {
            this.disk = disk;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return disk.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            events.add("write");
            return disk.write(src, position);
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            events.add("truncate");
            disk.truncate(size);
        }

        @Override
        public long size() throws IOException {
            return disk.size();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            events.add("force");
            disk.force(metaData);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
