package app.rebound.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.LoggerFactory;

import app.rebound.store.AtomicFile;
import app.rebound.store.SmallFile;

/**
 * Where the partial files of the backups being written are noted: a file in the data folder that names
 * each one (its path only; no patient's data) from before any of the records go into it until it is moved
 * into place or deleted. A backup killed while writing (a power cut, the process ended) left its hidden
 * partial file, a whole copy of the records with erased patients in it, wherever the clinician chose to
 * write the backup; the next start or backup removes it however soon that is. (A partial file nothing
 * noted, another workstation's or an older version's, is removed only once nothing has written to it for a
 * while: see {@link BackupService#LEFTOVER_QUIET}.)
 *
 * <p>Best-effort by design: a list that cannot be written costs the backup nothing, only this clean-up.
 * What the file names is trusted no further than {@link AtomicFile#deleteLeftover} allows: only Rebound's
 * own temporary names, never a link, never a file being written.
 */
final class PartialBackups implements AtomicFile.Journal {

    static final String FILE_NAME = "rebound.backups-writing";
    /** The most names kept (a folder gone for good must not grow the list for ever); the newest stay. */
    static final int MOST = 50;
    /** The longest list read: anything longer was not written by Rebound. */
    private static final int LARGEST = 64 * 1024;

    private static final Object LOCK = new Object();

    private final Path file;

    PartialBackups(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    @Override
    public void begun(Path partial) {
        synchronized (LOCK) {
            Set<String> noted = read();
            noted.add(partial.toAbsolutePath().normalize().toString());
            write(noted);
        }
    }

    @Override
    public void ended(Path partial) {
        synchronized (LOCK) {
            Set<String> noted = read();
            if (noted.remove(partial.toAbsolutePath().normalize().toString())) {
                write(noted);
            }
        }
    }

    /** Deletes every noted partial file that no backup is writing now; keeps the names of those it cannot yet. */
    void removeLeftovers() {
        synchronized (LOCK) {
            Set<String> noted = read();
            if (noted.isEmpty()) {
                return;
            }
            Set<String> kept = new LinkedHashSet<>();
            for (String name : noted) {
                try {
                    if (!AtomicFile.deleteLeftover(Path.of(name))) {
                        kept.add(name);
                    }
                } catch (InvalidPathException notAPath) {
                    // not a name Rebound wrote: forgotten
                } catch (IOException | SecurityException e) {
                    kept.add(name);
                    log("Could not remove what a killed backup left", e);
                }
            }
            if (!kept.equals(noted)) {
                write(kept);
            }
        }
    }

    private Set<String> read() {
        Set<String> noted = new LinkedHashSet<>();
        try {
            // a pipe, a link or a folder in its place was not written by Rebound: never opened (a pipe would
            // hold every start, command and backup for ever)
            if (SmallFile.sizeOf(file) > LARGEST) {
                return noted;
            }
            byte[] bytes = SmallFile.read(file, LARGEST);
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    noted.add(line);
                }
            }
        } catch (NoSuchFileException none) {
            // nothing noted
        } catch (IOException | SecurityException e) {
            log("Could not read the list of backups being written", e);
        }
        return noted;
    }

    private void write(Set<String> noted) {
        try {
            if (noted.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            List<String> newest = new ArrayList<>(noted);
            String text = String.join("\n", newest.subList(Math.max(0, newest.size() - MOST), newest.size())) + "\n";
            AtomicFile.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | SecurityException e) {
            log("Could not note a backup being written", e);
        }
    }

    private static void log(String what, Exception e) {
        // the class only: a path may name the clinician's folders
        LoggerFactory.getLogger(PartialBackups.class).warn("{} ({})", what, e.getClass().getSimpleName());
    }
}
