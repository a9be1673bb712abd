package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.LegacyFolders;
import app.rebound.PatientDataScan;
import app.rebound.TestKeys;
import app.rebound.domain.BirthMode;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * After saving patients, visits, programmes and summaries and making a backup, no file in the data folder
 * (database, key file, logs, backups and the entries of zip files) and no file left in the system's temp
 * folder holds a patient's name, date of birth or notes: as UTF-8, UTF-16 (both byte orders) or
 * decomposed Unicode.
 */
class NoPatientDataInFilesTest {

    private static final String PHRASE = "quokka lighthouse sunrise";
    private static final LocalDate BORN = LocalDate.of(1987, 2, 28);

    private static final List<String> SECRETS = List.of("Zoë", "Ødegård", "Zoë Ødegård", "小龙", "李小龙",
            "Ana-María", "O'Neil", "odegard", "ana-maria", "1987-02-28", "28/02/1987", "28.02.1987", PHRASE,
            "Quokka Lighthouse", "+47 9988 7766", "zoe.odegard@example.org");

    @TempDir
    Path temp;

    @Test
    void noFileHoldsAPatientsNameBirthDateOrNotes() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = listing(tmp);
        Path folder = temp.resolve("data");

        try (Services services = TestKeys.clinic(folder, VisitFixture.CLOCK, Locale.UK)) {
            List<Patient> patients = List.of(
                    save(services, "Zoë", "Ødegård", "+47 9988 7766", "zoe.odegard@example.org"),
                    save(services, "小龙", "李", null, null),
                    save(services, "Ana-María", "O'Neil", null, null));
            for (Patient patient : patients) {
                List<Visit> visits = VisitFixture.visits(patient, 3, patient.givenName().length());
                for (Visit visit : visits) {
                    services.visits().save(visit);
                }
                Visit last = services.visits().visitsOf(patient.id()).stream()
                        .max(ReadinessRules.ORDER).orElseThrow();
                services.programmes().save(last.id(), services.programmes().open(last.id()).programme());
                services.progress().saveSummary(patient.id(), "Summary: " + PHRASE);
                services.patients().load(patient.id());
                services.progress().load(patient.id());
                services.progress().report(services.progress().load(patient.id()));
            }
            services.patients().search("Zoë", false);
            services.patients().search("odeg", false);
            new AutomaticBackups(services, VisitFixture.CLOCK).run("on close");
        }
        TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK).close();

        PatientDataScan scan = new PatientDataScan(SECRETS);
        List<String> found = new ArrayList<>(scan.findIn(temp));
        for (Path created : newIn(tmp, tmpBefore)) {
            for (String hit : scan.findIn(created)) {
                found.add(hit + " (temp folder: " + created + ")");
            }
        }

        assertThat(found).isEmpty();
        assertThat(files(folder)).as("the scan looked at the database, key file and backup")
                .anyMatch(p -> p.endsWith("rebound.mv.db")).anyMatch(p -> p.endsWith("rebound.keys"))
                .anyMatch(p -> p.toString().endsWith(".zip"));
    }

    @Test
    void theScanFindsTheDataWhereItIsInTheClear() throws Exception {
        // the control: the same scan finds the patient in a database made before encryption
        Path folder = temp.resolve("plain");
        LegacyFolders.create(folder, "Old Clinic");
        LegacyFolders.addPatient(folder, "Zoë", "Ødegård", BORN, "notes: " + PHRASE);
        Files.writeString(temp.resolve("utf16.txt"), "李小龙", StandardCharsets.UTF_16BE);
        Files.writeString(temp.resolve("nfd.txt"), Normalizer.normalize("Ana-María",
                Normalizer.Form.NFD));

        Files.writeString(temp.resolve("utf16le.txt"), "28/02/1987", StandardCharsets.UTF_16LE);
        try (var zip = new ZipOutputStream(Files.newOutputStream(temp.resolve("x.zip")))) {
            zip.putNextEntry(new ZipEntry("inside.txt"));
            zip.write("Zoë Ødegård Zoë Ødegård Zoë Ødegård".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        List<String> found = new PatientDataScan(SECRETS).findIn(temp);

        // (H2 stores short names compressed, so the plain file shows the long notes, not necessarily the name)
        assertThat(String.join("\n", found)).contains("\"" + PHRASE + "\" as UTF-8 in plain")
                .contains("\"李小龙\" as UTF-16BE in utf16.txt").contains("\"Ana-María\" as NFD UTF-8 in nfd.txt")
                .contains("\"28/02/1987\" as UTF-16LE in utf16le.txt")
                .contains("\"Zoë Ødegård\" as UTF-8 in x.zip!inside.txt");
    }

    private static Patient save(Services services, String given, String family, String phone, String email) {
        return services.patients().save(PatientFixture.patient(given, family).id(UUID.randomUUID())
                .dateOfBirth(BORN).phone(phone).email(email).notes("Notes: " + PHRASE)
                .birth(LocalDate.of(2026, 3, 2), BirthMode.VAGINAL, null).build());
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return new HashSet<>(list.toList());
        }
    }

    private static List<Path> newIn(Path folder, Set<Path> before) throws IOException {
        List<Path> created = new ArrayList<>(listing(folder));
        created.removeAll(before);
        return created;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
