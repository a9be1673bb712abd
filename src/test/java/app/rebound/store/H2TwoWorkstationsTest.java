package app.rebound.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

/** {@link TwoWorkstationsContract} on the embedded H2: two stores on the one database of the folder. */
class H2TwoWorkstationsTest extends TwoWorkstationsContract {

    @TempDir
    Path folder;

    @Override
    Database[] openTwo() {
        Database database = Database.open(folder, TestKeys.KEY);
        return new Database[] {database};
    }
}
