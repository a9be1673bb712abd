package app.rebound.store;

import java.io.IOException;
import java.nio.file.Path;

/** Run in a second JVM by DamagedDatabaseTest: takes the folder's lock, says "locked", holds it until stdin closes. */
public final class HoldFolderLock {

    private HoldFolderLock() {
    }

    public static void main(String[] args) throws IOException {
        try (FolderLock lock = FolderLock.tryLock(Path.of(args[0])).orElseThrow()) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to close our input
            }
        }
    }
}
