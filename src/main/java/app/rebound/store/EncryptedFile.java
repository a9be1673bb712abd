package app.rebound.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.h2.security.SHA256;
import org.h2.store.fs.FileBaseDefault;

/**
 * A file in H2's encrypted format (what {@code CIPHER=AES} writes), read and written with the JDK's AES
 * ({@link XtsSectors}).
 *
 * <p>The layout: a 4 KiB header block ({@code "H2encrypt\n"}, then an 8-byte random salt, then zeros),
 * then the data in 4 KiB sectors, sector {@code n} at {@code 4096 * (n + 1)}. The AES key is PBKDF2 of
 * the key material with that salt (H2's, 10 iterations, 128 bits). The logical size is the physical size
 * less the header; when the logical size is not a whole number of sectors, the file ends with one more
 * short run of {@code size % 4096} bytes past the last sector, and the size is read back by taking one
 * sector off.
 *
 * <p>Every write is forced to the disk ({@code fdatasync}) before it returns. H2 writes a commit as
 * one chunk, with {@code WRITE_DELAY=0} before the commit returns, so a saved change survives a power
 * cut as well as a killed process; H2's own file classes leave that to the operating system.
 *
 * <p>Unlike H2's own class, a file that is neither empty nor starts with the header is refused: a file
 * cut short inside its header is damage, never a new file to write a fresh header over.
 */
final class EncryptedFile extends FileBaseDefault {

    static final int HEADER_LENGTH = XtsSectors.SECTOR;
    private static final int SECTOR = XtsSectors.SECTOR;
    private static final long MASK = SECTOR - 1;
    private static final byte[] MAGIC = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_LENGTH = 8;
    private static final int PBKDF2_ITERATIONS = 10;
    private static final int KEY_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEPT_SCRATCH = 4 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();

    private final FileChannel base;
    private final String name;
    private byte[] keyMaterial;
    private volatile XtsSectors sectors;
    private volatile long size;

    /** Nothing is read or written here: the caller may lock the file first. */
    EncryptedFile(String name, byte[] keyMaterial, FileChannel base) {
        this.name = name;
        this.keyMaterial = keyMaterial.clone();
        this.base = base;
    }

    /** The logical size of a file of {@code physical} bytes in this format. */
    static long logicalSize(long physical) {
        long size = Math.max(0, physical - HEADER_LENGTH);
        return (size & MASK) != 0 ? size - SECTOR : size;
    }

    /** The cipher, for a read or write at {@code position}, which must not be negative. */
    private XtsSectors sectorsAt(long position) throws IOException {
        if (position < 0) {
            throw new IllegalArgumentException("negative position");
        }
        return sectors();
    }

    private XtsSectors sectors() throws IOException {
        XtsSectors ready = sectors;
        return ready != null ? ready : start();
    }

    private synchronized XtsSectors start() throws IOException {
        if (sectors != null) {
            return sectors;
        }
        long physical = base.size();
        byte[] salt;
        if (physical == 0) {
            byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
            salt = new byte[SALT_LENGTH];
            RANDOM.nextBytes(salt);
            System.arraycopy(salt, 0, header, MAGIC.length, SALT_LENGTH);
            writeFully(ByteBuffer.wrap(header), 0);
            size = 0;
        } else {
            if (physical < HEADER_LENGTH) {
                throw new IOException("The encrypted file " + name + " is cut short inside its header");
            }
            byte[] header = new byte[MAGIC.length + SALT_LENGTH];
            readFully(ByteBuffer.wrap(header), 0);
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new IOException("The file " + name + " is not in H2's encrypted format");
            }
            salt = Arrays.copyOfRange(header, MAGIC.length, header.length);
            size = logicalSize(physical);
        }
        byte[] aesKey = SHA256.getPBKDF2(keyMaterial, salt, PBKDF2_ITERATIONS, KEY_BYTES);
        XtsSectors ready;
        try {
            ready = new XtsSectors(aesKey);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
        Arrays.fill(keyMaterial, (byte) 0);
        keyMaterial = null;
        sectors = ready;
        return ready;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        XtsSectors xts = sectorsAt(position);
        if (dst.remaining() == 0) {
            return 0;
        }
        long end = size;
        if (position >= end) {
            return -1;
        }
        int length = (int) Math.min(dst.remaining(), end - position);
        long first = position & ~MASK;
        int span = (int) (roundUp(position + length) - first);
        byte[] plain = scratch(span);
        readSectors(xts, first, span, plain);
        dst.put(plain, (int) (position - first), length);
        return length;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        XtsSectors xts = sectorsAt(position);
        int length = src.remaining();
        if (length == 0) {
            return 0;
        }
        // a write past the end fills the gap with zeros first, as it reads in a plain file
        for (long end = size; end < position; end = size) {
            writeSectors(xts, ByteBuffer.allocate((int) Math.min(position - end, 1 << 20)), end);
        }
        writeSectors(xts, src, position);
        // on the disk before H2 goes on: a commit it has written survives a power cut, not only a crash
        base.force(false);
        return length;
    }

    /** Encrypts and writes {@code src} at {@code position}, and moves the size on if it ends further. */
    private void writeSectors(XtsSectors xts, ByteBuffer src, long position) throws IOException {
        int length = src.remaining();
        long first = position & ~MASK;
        int span = (int) (roundUp(position + length) - first);
        byte[] buffer = scratch(span);
        if (first != position || span != length) {
            // a partial sector at either end: what is there already stays around the new bytes
            int existing = (int) Math.max(0, Math.min(span, roundUp(size) - first));
            if (existing > 0) {
                readSectors(xts, first, existing, buffer);
            }
            // past the end (a file cut shorter earlier) reads as zeros, as a gap in a plain file does
            int kept = (int) Math.max(0, Math.min(existing, size - first));
            Arrays.fill(buffer, kept, span, (byte) 0);
        }
        src.get(buffer, (int) (position - first), length);
        for (int at = 0; at < span; at += SECTOR) {
            xts.encrypt((first + at) / SECTOR, buffer, at);
        }
        writeFully(ByteBuffer.wrap(buffer, 0, span), HEADER_LENGTH + first);
        long newSize = Math.max(size, position + length);
        if (newSize != size) {
            markSize(newSize);
        }
    }

    /**
     * Makes the physical length say {@code newSize}: the sectors up to it, then the short run of
     * {@code newSize % 4096} bytes when it is not a whole number of sectors, and nothing after.
     */
    private void markSize(long newSize) throws IOException {
        long tail = newSize & MASK;
        long physical = HEADER_LENGTH + roundUp(newSize) + tail;
        if (tail > 0) {
            writeFully(ByteBuffer.allocate((int) tail), HEADER_LENGTH + roundUp(newSize));
        }
        if (base.size() > physical) {
            base.truncate(physical);
        }
        size = newSize;
    }

    @Override
    protected void implTruncate(long newSize) throws IOException {
        if (newSize < 0) {
            throw new IllegalArgumentException("negative size");
        }
        sectors();
        if (newSize >= size) {
            return;
        }
        // the short run that marks a size within a sector may lie past the current end: written, not cut
        markSize(newSize);
    }

    @Override
    public long size() throws IOException {
        sectors();
        return size;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long length, boolean shared) throws IOException {
        return base.tryLock(position, length, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        base.close();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Reads and decrypts {@code length} bytes of whole sectors from {@code first} into the start of {@code into}. */
    private void readSectors(XtsSectors xts, long first, int length, byte[] into) throws IOException {
        readFully(ByteBuffer.wrap(into, 0, length), HEADER_LENGTH + first);
        for (int at = 0; at < length; at += SECTOR) {
            xts.decrypt((first + at) / SECTOR, into, at);
        }
    }

    /**
     * An array of at least {@code length} bytes for this thread's read or write, its contents left over
     * from the last one. Kept for the next call up to {@value #KEPT_SCRATCH} bytes: a new array for each
     * read and write was 2.7 GB of garbage in an import of 10,000 patients.
     */
    private static byte[] scratch(int length) {
        byte[] kept = SCRATCH.get();
        if (kept != null && kept.length >= length) {
            return kept;
        }
        byte[] made = new byte[length];
        if (length <= KEPT_SCRATCH) {
            SCRATCH.set(made);
        }
        return made;
    }

    private void readFully(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int read = base.read(dst, at);
            if (read < 0) {
                throw new EOFException("The encrypted file " + name + " ends early");
            }
            at += read;
        }
    }

    private void writeFully(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += base.write(src, at);
        }
    }

    private static long roundUp(long n) {
        return (n + MASK) & ~MASK;
    }
}
