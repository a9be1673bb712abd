package app.rebound.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The data folder and what Rebound keeps in it are the clinician's account's alone: the folder and
 * its folders (logs, backups) {@code rwx------} (700), its files {@code rw-------} (600), on file
 * systems with POSIX permissions (Linux, macOS). Elsewhere (Windows) the folder inherits the rights of
 * the user's profile folder it sits in, and nothing is changed.
 */
public final class FilePermissions {

    /** 700. */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** 600. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** The folders inside the data folder whose files are Rebound's too. */
    private static final List<String> OWN_FOLDERS = List.of("logs", "backups");

    private FilePermissions() {
    }

    /** Whether the file system of {@code path} (or of its nearest existing parent) has POSIX permissions. */
    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file readable and writable by its owner only (none where there is no POSIX). */
    static FileAttribute<?>[] ownerOnlyFile(Path folder) {
        return isPosix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }

    /** Creates {@code folder} (and its missing parents) if it is not there; one it creates is 700. */
    public static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        restrict(folder, FOLDER);
    }

    /** Creates an empty file readable and writable by its owner only, unless something is there already. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, ownerOnlyFile(file.getParent()));
        } catch (FileAlreadyExistsException e) {
            // a file (or a link, not followed) is there: tightened by secureDataFolder, not replaced
        }
    }

    /** Makes a file 600 (where there are POSIX permissions); links are left alone. */
    public static void ownerOnly(Path file) throws IOException {
        restrict(file, FILE);
    }

    /**
     * Creates the data folder if needed and makes it 700, its files 600, and the same for its {@code logs}
     * and {@code backups} folders, also when they were made earlier with wider permissions. Links in it
     * are not followed. Called at every start, before anything is written.
     */
    public static void secureDataFolder(Path folder) throws IOException {
        createFolder(folder);
        restrict(folder, FOLDER);
        restrictEntries(folder);
        for (String name : OWN_FOLDERS) {
            Path own = folder.resolve(name);
            if (Files.isDirectory(own, LinkOption.NOFOLLOW_LINKS)) {
                restrict(own, FOLDER);
                restrictEntries(own);
            }
        }
    }

    private static void restrictEntries(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FILE);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FOLDER);
                }
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return;
        }
        if (!view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }
}
