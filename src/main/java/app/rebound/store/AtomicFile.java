package app.rebound.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way Rebound replaces a file: the new content goes to a temporary file created anew
 * ({@code CREATE_NEW}, readable by the owner only, never through a link) in the same folder, is forced
 * to the disk, checked if asked, moved into place in one step ({@code ATOMIC_MOVE}), and then the
 * folder itself is forced to the disk, so that the move survives a power cut too. A crash leaves the
 * old file or the new one, never half a file, and nothing in the system's temp folder. A target that is
 * a symbolic link is refused: Rebound never writes through a link. The temporary files are named
 * {@code .rebound-<random>.part} (never after the target, whose name may hold a patient's name);
 * {@link #deleteLeftovers} removes those a killed process left.
 */
public final class AtomicFile {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A check of the written temporary file before it replaces the target; throws to keep the old file. */
    @FunctionalInterface
    public interface Check {
        void check(Path written) throws IOException;
    }

    /**
     * Told of the temporary file a write makes (before any content goes in) and of its end (moved into
     * place, or deleted): a backup notes its partial file where it can be found again after a kill.
     */
    public interface Journal {
        Journal NONE = new Journal() {
            @Override
            public void begun(Path partial) {
            }

            @Override
            public void ended(Path partial) {
            }
        };

        void begun(Path partial) throws IOException;

        void ended(Path partial);
    }

    /** Forces what was written through a channel to the disk (a test records the order instead). */
    @FunctionalInterface
    interface Disk {
        void force(FileChannel channel, Path path) throws IOException;
    }

    static final String PREFIX = ".rebound-";
    static final String SUFFIX = ".part";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The temporary files being written now, in this process: {@link #deleteLeftovers} leaves them. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();
    private static final AtomicFile ON_DISK = new AtomicFile((channel, path) -> channel.force(true));

    private final Disk disk;

    AtomicFile(Disk disk) {
        this.disk = disk;
    }

    /** Replaces (or creates) {@code file} with what {@code content} writes. */
    public static void write(Path file, Content content) throws IOException {
        ON_DISK.save(file, content, written -> { }, Journal.NONE);
    }

    /** As {@link #write}, with a check of the written file before it replaces the old one. */
    public static void write(Path file, Content content, Check check) throws IOException {
        ON_DISK.save(file, content, check, Journal.NONE);
    }

    /** As {@link #write(Path, Content, Check)}, telling {@code journal} of the temporary file. */
    public static void write(Path file, Content content, Check check, Journal journal) throws IOException {
        ON_DISK.save(file, content, check, journal);
    }

    /**
     * Moves a finished file (a staged database) over {@code target} in one step: the file is forced to
     * the disk first, the target's folder after.
     */
    public static void replace(Path source, Path target) throws IOException {
        ON_DISK.move(source, target, true);
    }

    /** Renames {@code source} to {@code target}, which must not exist (keeping a file aside), and forces the folder. */
    public static void rename(Path source, Path target) throws IOException {
        ON_DISK.move(source, target, false);
    }

    /** Forces a folder's entries (files created, moved or deleted in it) to the disk, where the system allows. */
    public static void forceFolder(Path folder) throws IOException {
        ON_DISK.syncFolder(folder);
    }

    /**
     * Deletes the temporary files that a process killed while writing left in {@code folder} (a backup's
     * may hold a whole copy of the records, erased patients included); not those being written now, by this
     * program or another one (each holds a lock on the file it writes: a killed one's lock is gone with it;
     * an automatic backup folder may be a shared one that another workstation backs up into too).
     */
    public static void deleteLeftovers(Path folder) throws IOException {
        // written before the end of time: every file that is still there
        deleteLeftoversOlderThan(folder, Duration.ZERO, Instant.MAX);
    }

    /**
     * As {@link #deleteLeftovers}, for a folder other programs may write to at the same time (a backup
     * folder the clinician chose): only those not written to for {@code quiet}, as a file being written is
     * written to all the time, and never one another program holds locked (a backup whose copy of the records
     * is still being made, or checked, writes nothing for a while); a link or a folder of that name is left alone.
     */
    public static void deleteLeftoversOlderThan(Path folder, Duration quiet, Instant now)
            throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path left : files) {
                if (!WRITING.contains(left.toAbsolutePath().normalize())
                        && Files.isRegularFile(left, LinkOption.NOFOLLOW_LINKS)
                        && lastWritten(left).isBefore(now.minus(quiet))
                        && !lockedElsewhere(left)) {
                    Files.deleteIfExists(left);
                }
            }
        }
    }

    /**
     * Deletes one temporary file a killed write left, named by a {@link Journal} that noted it: whatever its
     * age, unless it is being written now (here or by another program) or is not one of ours (a link, a
     * folder, another name). Returns whether it is settled (gone, or not ours to delete): false when it is
     * still being written, or its folder cannot be reached now (a USB stick taken out), to be tried again.
     */
    public static boolean deleteLeftover(Path partial) throws IOException {
        Path file = partial.toAbsolutePath().normalize();
        Path name = file.getFileName();
        if (name == null || !name.toString().startsWith(PREFIX) || !name.toString().endsWith(SUFFIX)) {
            return true;
        }
        if (WRITING.contains(file)) {
            return false;
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isDirectory(file.getParent());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (lockedElsewhere(file)) {
            return false;
        }
        Files.deleteIfExists(file);
        return true;
    }

    void save(Path file, Content content, Check check) throws IOException {
        save(file, content, check, Journal.NONE);
    }

    void save(Path file, Content content, Check check, Journal journal) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        refuseLink(target);
        Path folder = target.getParent();
        Path partial = createTemporary(folder);
        boolean gone = false;
        try {
            journal.begun(partial);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = Channels.newOutputStream(channel)) {
                // held while the content is written (released with the channel): another program's clean-up
                // leaves the file alone however long the content takes before it writes (a backup's copy)
                lockQuietly(channel);
                content.writeTo(new Unclosed(out));
                out.flush();
                disk.force(channel, partial);
            }
            check.check(partial);
            refuseLink(target);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(folder);
        } finally {
            try {
                Files.deleteIfExists(partial);
                gone = true;
            } finally {
                WRITING.remove(partial);
                if (gone) {
                    journal.ended(partial);
                }
            }
        }
    }

    void move(Path source, Path target, boolean replace) throws IOException {
        Path to = target.toAbsolutePath().normalize();
        refuseLink(to);
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            disk.force(channel, source);
        }
        if (replace) {
            Files.move(source, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.move(source, to, StandardCopyOption.ATOMIC_MOVE);
        }
        syncFolder(to.getParent());
        Path from = source.toAbsolutePath().normalize().getParent();
        if (!from.equals(to.getParent())) {
            syncFolder(from);
        }
    }

    private void syncFolder(Path folder) throws IOException {
        if (!FilePermissions.isPosix(folder)) {
            // Windows opens no folder as a file; NTFS journals its renames
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            disk.force(channel, folder);
        }
    }

    /** When {@code file} was last written; the end of time when it is gone (another program moved it into place). */
    private static Instant lastWritten(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (NoSuchFileException e) {
            return Instant.MAX;
        }
    }

    /** Locks the file being written, where the file system allows it; a write goes on without the lock. */
    private static void lockQuietly(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (IOException | UnsupportedOperationException | OverlappingFileLockException e) {
            // no locks here (some network file systems): the clean-ups judge by the file's age alone
        }
    }

    /**
     * Whether another program (or another part of this one) holds a lock on {@code file}: it is being
     * written. A file that cannot be opened (another account's) counts as held; a file system without locks
     * as not held.
     */
    private static boolean lockedElsewhere(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
        try (channel) {
            try (FileLock free = channel.tryLock(0, Long.MAX_VALUE, true)) {
                return free == null;
            } catch (OverlappingFileLockException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        } catch (IOException e) {
            return true;
        }
    }

    /** A new temporary file in {@code folder}, which must exist (as the folder of a file chosen to write must). */
    private static Path createTemporary(Path folder) throws IOException {
        FileAttribute<?>[] ownerOnly = FilePermissions.ownerOnlyFile(folder);
        while (true) {
            Path partial = folder.resolve(PREFIX + HexFormat.of().formatHex(randomBytes()) + SUFFIX);
            WRITING.add(partial);
            try {
                // CREATE_NEW: fails on anything already there, a link included, instead of writing through it
                Files.createFile(partial, ownerOnly);
                return partial;
            } catch (FileAlreadyExistsException taken) {
                WRITING.remove(partial);
            } catch (IOException | RuntimeException e) {
                WRITING.remove(partial);
                throw e;
            }
        }
    }

    /** The temporary file's stream as the content sees it: closing it only flushes, the file is forced after. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void refuseLink(Path target) throws AccessDeniedException {
        if (Files.isSymbolicLink(target)) {
            throw new AccessDeniedException(target.toString(), null,
                    "a symbolic link: Rebound does not write through links");
        }
    }
}
