package app.rebound.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import app.rebound.store.AtomicFile;

/**
 * Help, Save a support file: a zip for the clinic's IT person or Rebound's developers with what
 * helps find a fault (the logs, the versions, the settings and the data folder's layout) and nothing of a
 * patient: the logs never hold a name, a date of birth or notes (LogConfiguration, FailureLog), the
 * database, key file and backups are not included, and the data folder is described by its file names,
 * sizes and permissions only.
 */
public final class SupportFile {

    /** The most of one log file that is included: the end of it, where the fault is. */
    static final int LOG_TAIL_BYTES = 2 * 1024 * 1024;

    /** Names of the files and folders Rebound makes in the data folder: only these are listed by name. */
    private static final Pattern REBOUNDS_OWN = Pattern.compile(
            "(\\.?rebound[A-Za-z0-9._-]*|logs|logs/rebound[0-9.-]*\\.log|backups|backups/\\.?rebound-[0-9]{8}-[0-9]{6}[A-Za-z0-9.-]*)");

    private final Path dataFolder;
    private final SettingsService settings;
    private final Clock clock;

    public SupportFile(Path dataFolder, SettingsService settings, Clock clock) {
        this.dataFolder = dataFolder;
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes the zip to {@code out} (a crash leaves no half file); returns the names of its entries. */
    public List<String> write(Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<Path> logs = logs();
        AtomicFile.write(out, stream -> {
            try (ZipOutputStream zip = new ZipOutputStream(stream, StandardCharsets.UTF_8)) {
                text(zip, "versions.txt", versions());
                text(zip, "settings.txt", settingsText());
                text(zip, "data-folder.txt", folderListing());
                text(zip, "components.txt", components());
                for (Path log : logs) {
                    zip.putNextEntry(new ZipEntry("logs/" + log.getFileName()));
                    tail(log, zip);
                    zip.closeEntry();
                }
            }
        });
        List<String> names = new ArrayList<>(List.of("versions.txt", "settings.txt", "data-folder.txt",
                "components.txt"));
        logs.forEach(log -> names.add("logs/" + log.getFileName()));
        return names;
    }

    private String versions() {
        Runtime runtime = Runtime.getRuntime();
        return ProductInfo.versionLine() + "\n"
                + "Written: " + Instant.now(clock) + "\n"
                + "Operating system: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")\n"
                + "Java VM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + "\n"
                + "Java home: " + System.getProperty("java.home") + "\n"
                + "JavaFX: " + System.getProperty("javafx.runtime.version", "not started") + "\n"
                + "Locale: " + Locale.getDefault().toLanguageTag() + "\n"
                + "Time zone: " + ZoneId.systemDefault() + "\n"
                + "Processors: " + runtime.availableProcessors() + "\n"
                + "Memory: " + runtime.maxMemory() / (1024 * 1024) + " MB at most, "
                + runtime.totalMemory() / (1024 * 1024) + " MB taken\n";
    }

    private String settingsText() {
        return "Paper size: " + settings.load().paperSize() + "\n"
                + "Clinic logo set: " + (settings.load().logo() != null ? "yes" : "no") + "\n"
                + "Idle minutes before the lock: " + settings.idleMinutes() + "\n"
                + "Backup folder: " + settings.backupFolder().map(f -> "chosen").orElse("the data folder's backups")
                + "\n";
    }

    private static String components() {
        StringBuilder text = new StringBuilder();
        for (ProductInfo.Component c : ProductInfo.components()) {
            text.append(c.name()).append(' ').append(c.version()).append(" (").append(c.licence()).append(")\n");
        }
        return text.toString();
    }

    /** Every file of the data folder by its path, size, permissions and time; never its content. */
    private String folderListing() throws IOException {
        StringBuilder text = new StringBuilder("Data folder (names, sizes and permissions only)\n");
        if (!Files.isDirectory(dataFolder)) {
            return text.append("(missing)\n").toString();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataFolder, 3)) {
            files = walk.sorted(Comparator.naturalOrder()).toList();
        }
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String permissions = "";
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (posix != null) {
                permissions = PosixFilePermissions.toString(posix.readAttributes().permissions()) + " ";
            }
            String kind = attributes.isDirectory() ? "folder" : attributes.isSymbolicLink() ? "link" : attributes.size()
                    + " bytes";
            String name = dataFolder.relativize(file).toString();
            if (!file.equals(dataFolder) && !REBOUNDS_OWN.matcher(name.replace('\\', '/')).matches()) {
                // a file someone put here may be named after a patient ("Zoë's handout.pdf")
                name = "(a file Rebound did not make; its name is left out)";
            }
            text.append(permissions).append(name).append("  ").append(kind).append("  ")
                    .append(attributes.lastModifiedTime()).append('\n');
        }
        return text.toString();
    }

    private List<Path> logs() throws IOException {
        Path folder = dataFolder.resolve("logs");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static void tail(Path log, OutputStream out) throws IOException {
        long size = Files.size(log);
        try (InputStream in = Files.newInputStream(log, LinkOption.NOFOLLOW_LINKS)) {
            in.skipNBytes(Math.max(0, size - LOG_TAIL_BYTES));
            in.transferTo(out);
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
