package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.PatientDataScan;
import app.rebound.TestKeys;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** Help, Save a support file: the logs, versions, settings and the folder's layout, and nothing of a patient. */
class SupportFileTest {

    private static final List<String> SECRETS = List.of("Zoë", "Ødegård", "Zoë Ødegård", "小龙", "李小龙",
            "Ana-María", "O'Neil", "1987-02-28", "28/02/1987", "quokka lighthouse sunrise", "+47 9988 7766",
            "zoe.odegard@example.org");

    @TempDir
    Path temp;

    private static Map<String, String> entries(Path zip) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theSupportFileHoldsLogsVersionsSettingsAndTheLayoutButNothingOfAPatient() throws Exception {
        Path folder = temp.resolve("data");
        Path out = temp.resolve("out").resolve("support.zip");
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            for (String[] name : List.of(new String[] {"Zoë", "Ødegård"}, new String[] {"小龙", "李"},
                    new String[] {"Ana-María", "O'Neil"})) {
                Patient patient = services.patients().save(PatientFixture.patient(name[0], name[1])
                        .id(UUID.randomUUID()).dateOfBirth(LocalDate.of(1987, 2, 28)).phone("+47 9988 7766")
                        .email("zoe.odegard@example.org").notes("quokka lighthouse sunrise")
                        .birth(LocalDate.of(2026, 3, 2), BirthMode.VAGINAL, null).build());
                for (Visit visit : VisitFixture.visits(patient, 3, 7)) {
                    services.visits().save(visit);
                }
            }
            new AutomaticBackups(services, VisitFixture.CLOCK).run("on close");
            Files.createDirectories(folder.resolve("logs"));
            Files.writeString(folder.resolve("logs/rebound.log"),
                    "2026-11-22 10:00:00 INFO  app.rebound.app.ReboundApp - Records open in 812 ms\n");
            // a file a clinician saved into the data folder by hand, named after her patient
            Files.writeString(folder.resolve("Zoë Ødegård handout.txt"), "Zoë Ødegård 28/02/1987");

            List<String> names = new SupportFile(folder, services.settings(), VisitFixture.CLOCK).write(out);

            assertThat(names).contains("versions.txt", "settings.txt", "data-folder.txt", "components.txt",
                    "logs/rebound.log");
        }
        Map<String, String> entries = entries(out);
        assertThat(entries.keySet()).containsExactly("versions.txt", "settings.txt", "data-folder.txt",
                "components.txt", "logs/rebound.log");
        assertThat(entries.get("versions.txt")).startsWith("Rebound " + ProductInfo.version()).contains("Java VM");
        assertThat(entries.get("logs/rebound.log")).contains("Records open in 812 ms");
        assertThat(entries.get("data-folder.txt")).contains("rebound.mv.db").contains("backups/rebound-")
                .contains("a file Rebound did not make");
        assertThat(entries.get("components.txt")).contains("com.h2database:h2 2.3.232");

        Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
        Files.copy(out, unpacked.resolve("support.zip"));
        List<String> found = new ArrayList<>(new PatientDataScan(SECRETS).findIn(unpacked));
        assertThat(found).isEmpty();
        // the control: the same scan finds the patient in the data folder the support file describes
        assertThat(new PatientDataScan(SECRETS).findIn(folder)).isNotEmpty();
    }

    @Test
    void onlyTheEndOfALongLogIsIncluded() throws Exception {
        Path folder = temp.resolve("data");
        Path out = temp.resolve("support.zip");
        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            Files.createDirectories(folder.resolve("logs"));
            String line = "2026-11-22 10:00:00 INFO  app.rebound.app.ReboundApp - a line of the log\n";
            Files.writeString(folder.resolve("logs/rebound.log"), line.repeat(SupportFile.LOG_TAIL_BYTES / line.length() * 2)
                    + "the last line\n");

            new SupportFile(folder, services.settings(), VisitFixture.CLOCK).write(out);
        }
        String log = entries(out).get("logs/rebound.log");
        assertThat(log.length()).isEqualTo(SupportFile.LOG_TAIL_BYTES);
        assertThat(log).endsWith("the last line\n");
    }
}
