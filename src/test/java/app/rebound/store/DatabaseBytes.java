package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.h2.store.fs.FilePath;

import app.rebound.service.Services;

/** What a database file holds among its decrypted bytes, for tests that check nothing of an erased patient is left. */
final class DatabaseBytes {

    private DatabaseBytes() {
    }

    /** The database file of a backup, unzipped into a folder of its own beside the backup. */
    static Path unzip(Path zip) throws IOException {
        Path unzipped = Files.createTempDirectory(zip.getParent(), "unzipped");
        try (ZipFile file = new ZipFile(zip.toFile());
                InputStream in = file.getInputStream(file.getEntry(Database.FILE_NAME + ".mv.db"))) {
            Files.copy(in, Database.file(unzipped));
        }
        return unzipped;
    }

    /**
     * Whether the database file in {@code dataFolder} holds {@code text} among its decrypted bytes, in use
     * or not, as they are or inside a page that H2 compressed: a compacted file's pages are LZF-compressed
     * (SHUTDOWN COMPACT writes with compression on), so text in them is not found as it is. Every offset of
     * the file is tried as the start of an LZF stream ({@link #expand}); a real compressed page decodes
     * whole from its own start, so no page escapes the search, whatever H2's page layout.
     */
    static boolean holds(Path dataFolder, Services services, String text) throws IOException {
        byte[] file;
        try (EncryptedFileSystem.Registration files = EncryptedFileSystem.register(
                dataFolder.resolve(Database.FILE_NAME), services.database().key());
                InputStream in = FilePath.get(files.name() + ".mv.db").newInputStream()) {
            file = in.readAllBytes();
        }
        byte[] wanted = text.getBytes(StandardCharsets.ISO_8859_1);
        if (indexOf(file, file.length, wanted) >= 0) {
            return true;
        }
        byte[] out = new byte[EXPANDED_MAX];
        for (int at = 0; at < file.length; at++) {
            if (indexOf(out, expand(file, at, out), wanted) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** More than an H2 page holds uncompressed, so a page's text is always within what is decoded. */
    private static final int EXPANDED_MAX = 1 << 17;

    /**
     * Decodes an LZF stream (H2's {@code CompressLZF} format) starting at {@code at} into {@code out}, until
     * the input ends, the output is full or the bytes stop being a valid stream (a back reference before
     * the start); returns how many bytes were decoded. From an offset that is no stream's start this
     * decodes garbage, usually only a few bytes.
     */
    private static int expand(byte[] in, int at, byte[] out) {
        int outAt = 0;
        while (at < in.length && outAt < out.length) {
            int control = in[at++] & 0xff;
            if (control < 32) {
                int length = Math.min(control + 1, Math.min(in.length - at, out.length - outAt));
                System.arraycopy(in, at, out, outAt, length);
                at += length;
                outAt += length;
                continue;
            }
            int length = control >> 5;
            if (length == 7) {
                if (at >= in.length) {
                    break;
                }
                length += in[at++] & 0xff;
            }
            length += 2;
            if (at >= in.length) {
                break;
            }
            int from = outAt - ((control & 0x1f) << 8) - 1 - (in[at++] & 0xff);
            if (from < 0) {
                break;
            }
            for (int i = 0; i < length && outAt < out.length; i++) {
                out[outAt++] = out[from++];
            }
        }
        return outAt;
    }

    static int indexOf(byte[] bytes, int length, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
