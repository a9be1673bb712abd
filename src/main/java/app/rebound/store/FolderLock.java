package app.rebound.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;

/**
 * One Rebound at a time on a data folder: the window (or a command) holds a lock on
 * {@value #FILE_NAME} for as long as it runs, and a second start finds it taken at once, before any
 * sign-in, instead of failing later inside the database. The operating system releases the lock when
 * the process ends, however it ends.
 */
public final class FolderLock implements AutoCloseable {

    public static final String FILE_NAME = "rebound.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The folder's lock, or empty when another process (or this one) holds it. */
    public static Optional<FolderLock> tryLock(Path folder) throws IOException {
        FilePermissions.createFolder(folder);
        FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), FilePermissions.ownerOnlyFile(folder));
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new FolderLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the process is ending or the file is gone; the operating system drops the lock anyway
        }
    }
}
