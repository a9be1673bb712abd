package app.rebound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for patient data in files: each text as UTF-8, UTF-16LE, UTF-16BE and decomposed (NFD) UTF-8,
 * in every file of a tree and in every entry of every zip file in it (zips in zips too).
 */
public final class PatientDataScan {

    private final Map<String, byte[]> needles = new LinkedHashMap<>();

    /** Texts shorter than four bytes in an encoding are left out there: random bytes match them too often. */
    public PatientDataScan(List<String> texts) {
        for (String text : texts) {
            add(text, "UTF-8", text.getBytes(StandardCharsets.UTF_8));
            add(text, "UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE));
            add(text, "UTF-16BE", text.getBytes(StandardCharsets.UTF_16BE));
            add(text, "NFD UTF-8", Normalizer.normalize(text, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8));
            add(text, "NFD UTF-16LE", Normalizer.normalize(text, Normalizer.Form.NFD)
                    .getBytes(Charset.forName("UTF-16LE")));
        }
    }

    private void add(String text, String encoding, byte[] bytes) {
        if (bytes.length >= 4) {
            needles.putIfAbsent("\"" + text + "\" as " + encoding, bytes);
        }
    }

    /** How many encodings of how many texts are looked for. */
    public int size() {
        return needles.size();
    }

    /** What was found where, e.g. {@code "Zoë" as UTF-16LE in backups/x.zip!rebound.mv.db}; empty when nothing. */
    public List<String> findIn(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.exists(root)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                continue; // gone meanwhile, or not ours to read
            }
            scan(bytes, root.relativize(file).toString(), found);
        }
        return found;
    }

    /** Scans bytes, and each entry inside when they are a zip. */
    public void scan(byte[] bytes, String where, List<String> found) throws IOException {
        for (Map.Entry<String, byte[]> needle : needles.entrySet()) {
            if (indexOf(bytes, needle.getValue()) >= 0) {
                found.add(needle.getKey() + " in " + where);
            }
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    scan(readAll(zip), where + "!" + entry.getName(), found);
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
