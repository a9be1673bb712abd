package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.Services;
import app.rebound.store.AuditStore;
import app.rebound.store.Database;
import app.rebound.store.KeyFile;

/**
 * A cut-short database through the headless commands (issue 18, finding 2: the first {@code export} said
 * "damaged" but had changed the file, the second exported 0 patients and made its user an administrator).
 */
class DamagedDatabaseCommandTest {

    @TempDir
    Path temp;

    @Test
    void everyCutOfTheFileIsRefusedUnchangedByExportOrExportsEveryPatient() throws Exception {
        Path folder = temp.resolve("clinic");
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            for (int i = 0; i < 6; i++) {
                VisitFixture.seed(services, "Zoë" + i, "Ødegård", 4, i);
            }
        }
        byte[] whole = Files.readAllBytes(Database.file(folder));
        byte[] head = Files.readAllBytes(folder.resolve(AuditStore.HEAD_FILE));
        byte[] keys = Files.readAllBytes(folder.resolve(KeyFile.FILE_NAME));
        Path out = temp.resolve("export.json");
        int refused = 0;
        for (int length : cuts(whole.length)) {
            byte[] cut = Arrays.copyOf(whole, length);
            Files.write(Database.file(folder), cut);
            Files.write(folder.resolve(AuditStore.HEAD_FILE), head);
            String what = "cut to " + length + " of " + whole.length;

            // twice: the second run must find what the first left, which is the file as it was
            for (int run = 1; run <= 2; run++) {
                Cli.Result result = Cli.run("export", "--out", out.toString(), "--data-dir", folder.toString());
                if (result.code() == 0) {
                    assertThat(result.out()).as(what).contains("Exported 6 patients");
                    break;
                }
                assertThat(result.code()).as(what + ": " + result.err()).isEqualTo(4);
                assertThat(result.err()).as(what).contains("damaged or cut short").contains("restore a backup");
                assertThat(same(Database.file(folder), cut)).as(what + ", run " + run).isTrue();
                assertThat(same(folder.resolve(AuditStore.HEAD_FILE), head)).as(what).isTrue();
                assertThat(same(folder.resolve(KeyFile.FILE_NAME), keys)).as(what).isTrue();
                if (run == 2) {
                    refused++;
                }
            }
        }
        assertThat(refused).isPositive();
    }

    /** 0, a few bytes, and every 4 KiB boundary short of the whole file. */
    private static List<Integer> cuts(int length) {
        List<Integer> cuts = new ArrayList<>(List.of(0, 100, 4095));
        for (int at = 4096; at < length; at += 4096) {
            cuts.add(at);
        }
        return cuts;
    }

    /** Whether the file holds exactly these bytes (a byte-array assertion would print all of both). */
    private static boolean same(Path file, byte[] bytes) throws IOException {
        return Arrays.equals(Files.readAllBytes(file), bytes);
    }
}
