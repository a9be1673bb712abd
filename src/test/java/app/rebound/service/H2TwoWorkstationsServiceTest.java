package app.rebound.service;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;

/** {@link TwoWorkstationsServiceContract} on the embedded H2: two sets of services on the folder's one database. */
class H2TwoWorkstationsServiceTest extends TwoWorkstationsServiceContract {

    @TempDir
    Path folder;

    @Override
    Services[] openTwo() {
        Services first = TestKeys.clinic(folder, clock, Locale.UK);
        return new Services[] {first, SecondWorkstation.beside(first, clock, SecondWorkstation.ZOE)};
    }

    @Override
    void closeTwo(Services[] both) {
        SecondWorkstation.close(both[1]);
        both[0].close();
    }

    @Override
    String secondName() {
        return "Zoë Physio";
    }
}
