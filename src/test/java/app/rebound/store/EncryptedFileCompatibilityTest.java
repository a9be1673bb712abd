package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

/**
 * The database file is written by {@link EncryptedFileSystem} with the JDK's AES, and must stay byte for
 * byte in H2's own {@code CIPHER=AES} format: clinics' existing files open, and a file written now would
 * open with H2 alone.
 */
class EncryptedFileCompatibilityTest {

    private static final String NAMES = "Zoë Ødegård|李小龙|Ana-María O'Neil";

    @TempDir
    Path folder;

    private String h2CipherUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(Database.FILE_NAME).toAbsolutePath() + ";CIPHER=AES;TRACE_LEVEL_FILE=0";
    }

    private static String h2CipherPassword() {
        return new String(TestKeys.KEY.filePassword()) + " ";
    }

    private static void writeRows(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(100), note CLOB)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
            String[] names = NAMES.split("\\|");
            for (int i = 0; i < 3000; i++) {
                insert.setInt(1, i);
                insert.setString(2, names[i % names.length]);
                insert.setString(3, ("note " + i + " ").repeat(1 + i % 300));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void assertRows(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, name, note FROM t ORDER BY id")) {
            String[] names = NAMES.split("\\|");
            int i = 0;
            while (rows.next()) {
                assertThat(rows.getInt(1)).isEqualTo(i);
                assertThat(rows.getString(2)).isEqualTo(names[i % names.length]);
                assertThat(rows.getString(3)).isEqualTo(("note " + i + " ").repeat(1 + i % 300));
                i++;
            }
            assertThat(i).isEqualTo(3000);
        }
    }

    private String ourUrl(Path dir) {
        // held for the rest of the test run: this test's connections open and close without a Database
        return "jdbc:h2:" + EncryptedFileSystem.register(dir.resolve(Database.FILE_NAME), TestKeys.KEY).name()
                + ";TRACE_LEVEL_FILE=0";
    }

    @Test
    void aFileWrittenByH2sCipherOpensThroughOurs() throws Exception {
        try (Connection h2 = DriverManager.getConnection(h2CipherUrl(folder), "rebound", h2CipherPassword())) {
            writeRows(h2);
        }
        assertThat(DatabaseFiles.isEncrypted(Database.file(folder))).isTrue();
        try (Connection ours = DriverManager.getConnection(ourUrl(folder), "rebound", "")) {
            assertRows(ours);
        }
    }

    @Test
    void aFileWrittenThroughOursOpensWithH2sCipher() throws Exception {
        try (Connection ours = DriverManager.getConnection(ourUrl(folder), "rebound", "")) {
            writeRows(ours);
            try (Statement statement = ours.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
        }
        assertThat(DatabaseFiles.isEncrypted(Database.file(folder))).isTrue();
        try (Connection h2 = DriverManager.getConnection(h2CipherUrl(folder), "rebound", h2CipherPassword())) {
            assertRows(h2);
        }
    }

    @Test
    void theFileHoldsNoPlainText() throws Exception {
        try (Connection ours = DriverManager.getConnection(ourUrl(folder), "rebound", "")) {
            writeRows(ours);
        }
        String raw = new String(Files.readAllBytes(Database.file(folder)), StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("H2encrypt\n").doesNotContain("note 1", "O'Neil", "CREATE");
    }

    /**
     * Random writes and truncations, aligned and not, through our file against a byte array; the file
     * then reads back the same through H2's own encrypted file class, and a file written by H2's class
     * the way the MVStore writes (whole sectors) reads back the same through ours.
     */
    @Test
    void randomWritesReadBackTheSameThroughEitherImplementation() throws IOException {
        byte[] material = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        FilePathEncrypt.register();
        String h2Name = "encrypt:0123456789abcdef0123456789abcdef:";
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            Path ours = folder.resolve("ours-" + seed);
            byte[] model = new byte[0];
            try (FileChannel file = new EncryptedFile("ours", material, open(ours))) {
                for (int op = 0; op < 60; op++) {
                    if (random.nextInt(8) == 0 && model.length > 0) {
                        int newSize = random.nextInt(model.length + 1);
                        file.truncate(newSize);
                        model = Arrays.copyOf(model, newSize);
                    } else {
                        boolean aligned = random.nextBoolean();
                        int position = aligned ? 4096 * random.nextInt(12) : random.nextInt(50_000);
                        int length = aligned ? 4096 * (1 + random.nextInt(3)) : 1 + random.nextInt(9000);
                        byte[] bytes = new byte[length];
                        random.nextBytes(bytes);
                        assertThat(file.write(ByteBuffer.wrap(bytes), position)).isEqualTo(length);
                        if (position + length > model.length) {
                            model = Arrays.copyOf(model, position + length);
                        }
                        System.arraycopy(bytes, 0, model, position, length);
                    }
                    assertThat(file.size()).as("seed %d op %d", seed, op).isEqualTo(model.length);
                    if (model.length > 0) {
                        // a read between writes, of any length at any place: nothing left over from another
                        int from = random.nextInt(model.length);
                        int length = 1 + random.nextInt(Math.min(model.length - from, 20_000));
                        ByteBuffer read = ByteBuffer.allocate(length);
                        assertThat(file.read(read, from)).isEqualTo(length);
                        assertSame(Arrays.copyOfRange(model, from, from + length), read.array(),
                                "seed " + seed + " op " + op + ", read of " + length + " at " + from);
                    }
                }
                assertSame(model, readAll(file), "seed " + seed + ", read back in the same session");
            }
            try (FileChannel again = new EncryptedFile("ours", material, open(ours))) {
                assertSame(model, readAll(again), "seed " + seed + ", reopened");
            }
            try (FileChannel h2 = FilePath.get(h2Name + ours).open("r")) {
                assertSame(model, readAll(h2), "seed " + seed + ", through H2's class");
            }

            Path h2Written = folder.resolve("h2-" + seed);
            byte[] sectors = new byte[4096 * (1 + random.nextInt(20))];
            random.nextBytes(sectors);
            try (FileChannel h2 = FilePath.get(h2Name + h2Written).open("rw")) {
                h2.write(ByteBuffer.wrap(sectors), 0);
            }
            try (FileChannel file = new EncryptedFile("ours", material, open(h2Written))) {
                assertSame(sectors, readAll(file), "seed " + seed + ", H2's file through ours");
            }
        }
    }

    @Test
    void aFileCutShortInItsHeaderOrNotEncryptedIsRefusedNotOverwritten() throws IOException {
        byte[] material = new byte[32];
        Path cut = folder.resolve("cut");
        Files.write(cut, Arrays.copyOf("H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1), 100));
        try (FileChannel file = new EncryptedFile("cut", material, open(cut))) {
            assertThatThrownBy(file::size).isInstanceOf(IOException.class).hasMessageContaining("cut short");
        }
        assertThat(Files.size(cut)).isEqualTo(100);

        Path plain = folder.resolve("plain");
        Files.write(plain, new byte[3 * 4096]);
        try (FileChannel file = new EncryptedFile("plain", material, open(plain))) {
            assertThatThrownBy(() -> file.read(ByteBuffer.allocate(10), 0)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not in H2's encrypted format");
        }
    }

    private static void assertSame(byte[] expected, byte[] actual, String what) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(expected, actual)).as(what + ": first differing byte").isEqualTo(-1);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static byte[] readAll(FileChannel file) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) file.size());
        long position = 0;
        while (all.hasRemaining()) {
            int read = file.read(all, position);
            assertThat(read).isPositive();
            position += read;
        }
        return all.array();
    }
}
