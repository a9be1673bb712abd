package app.rebound.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import app.rebound.store.Database;
import app.rebound.store.KeyFile;

/**
 * Whether a folder holds Rebound records, asked before logging is set up: {@code Database.existsIn}
 * would start the logging (the store class logs) and create a log folder in the default place.
 */
final class DataPresence {

    private DataPresence() {
    }

    /** Whether the folder is set up: it has a key file (see {@code KeyFile.FILE_NAME}). */
    static boolean isSetUp(Path folder) {
        return Files.isRegularFile(folder.resolve(KeyFile.FILE_NAME));
    }

    /** Whether the folder holds an encrypted database (H2's header for one): with no key file, it cannot be opened. */
    static boolean holdsEncryptedRecords(Path folder) {
        try (InputStream in = Files.newInputStream(folder.resolve(Database.FILE_NAME + ".mv.db"))) {
            return Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    static boolean holdsRecords(Path folder) {
        // Database.FILE_NAME is a constant: reading it does not load the store class
        return Files.isRegularFile(folder.resolve(Database.FILE_NAME + ".mv.db"));
    }
}
