package app.rebound.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads one of the small files Rebound keeps beside the database (the sign-in count, the audit trail's end
 * marker, the list of backups being written): only a plain file, never through a link, and no further than
 * such a file can be long. Anything else in its place is refused before it is opened: a named pipe (FIFO)
 * would block the opening for ever (every command, the start and the close backup waiting on it), a link
 * to {@code /dev/zero} or a huge file would be read without end.
 */
public final class SmallFile {

    private SmallFile() {
    }

    /**
     * The file's first {@code largest} bytes at most (a longer file is read only that far).
     *
     * @throws java.nio.file.NoSuchFileException when it is missing
     * @throws IOException when it is not a plain file (a link, a pipe, a folder, a device) or cannot be read
     */
    public static byte[] read(Path file, int largest) throws IOException {
        BasicFileAttributes what = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!what.isRegularFile()) {
            throw new IOException("not a plain file");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.allocate(largest);
            while (bytes.hasRemaining() && channel.read(bytes) > 0) {
                // a file longer than Rebound writes is read only as far as it could be
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    /** The file's size, or -1 when it is not a plain file (not following a link). */
    public static long sizeOf(Path file) throws IOException {
        BasicFileAttributes what = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return what.isRegularFile() ? what.size() : -1;
    }
}
