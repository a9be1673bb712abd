package app.rebound.store;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The clinic's server this workstation's window signs in to, as chosen in the window's first start: one
 * address in {@value #FILE_NAME} in the data folder, never a user name or a password (the address refuses
 * them). Written through {@link AtomicFile}, so readable by the account alone (600), and replaced whole.
 */
public final class ServerChoiceFile {

    public static final String FILE_NAME = "rebound.server";

    private static final String KEY = "database=";
    /** Longer than any address Rebound writes: a larger file is not read. */
    private static final long LONGEST = 4096;

    private ServerChoiceFile() {
    }

    /**
     * The server chosen in {@code folder}, empty when none was (or the file is not one Rebound wrote: the
     * window then offers the choice again).
     */
    public static Optional<ServerAddress> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > LONGEST) {
                return Optional.empty();
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.strip();
                if (text.startsWith(KEY)) {
                    return Optional.of(ServerAddress.parse(text.substring(KEY.length())));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code server} as the window's choice in {@code folder} (made if missing). */
    public static void write(Path folder, ServerAddress server) throws IOException {
        FilePermissions.createFolder(folder);
        Path file = folder.resolve(FILE_NAME);
        if (Files.isSymbolicLink(file)) {
            // never written through: the link goes, whatever it points to stays
            Files.delete(file);
        }
        byte[] text = ("# Rebound: the clinic's server the window signs in to (an address, never a login)\n"
                + KEY + url(server) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(text));
    }

    /** Forgets the choice: the window opens this computer's records again. */
    public static void forget(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(FILE_NAME));
    }

    /** The address with its settings (a certificate authority, say), as {@link ServerAddress#parse} reads it. */
    static String url(ServerAddress server) {
        StringBuilder url = new StringBuilder(server.toString());
        char separator = '?';
        for (Map.Entry<String, String> setting : new TreeMap<>(server.parameters()).entrySet()) {
            url.append(separator).append(setting.getKey()).append('=')
                    .append(URLEncoder.encode(setting.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
