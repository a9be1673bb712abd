package app.rebound.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command writes: its folder must exist, and it must not be a folder itself. */
final class OutputFile {

    private OutputFile() {
    }

    static Path check(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw CommandRefused.invalid(file + " is a folder; give a file name to write");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw CommandRefused.invalid("no folder " + parent + " to write " + file.getFileName() + " in");
        }
        return absolute;
    }
}
