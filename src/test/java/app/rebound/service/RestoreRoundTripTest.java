package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.PatientDataScan;
import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.records.RecordFile;
import app.rebound.store.RecoveryKey;

/** A backup restored into an empty folder holds exactly what was saved; a wrong key restores nothing. */
class RestoreRoundTripTest {

    @TempDir
    Path temp;

    private final BackupService backups = new BackupService(VisitFixture.CLOCK);

    private record Clinic(Path zip, List<UUID> ids, RecordFile snapshot, String recoveryKey) {
    }

    private Clinic clinicWithBackup() throws Exception {
        Path folder = temp.resolve("records");
        ClinicAccess.SetUp setUp = new ClinicAccess(VisitFixture.CLOCK, Locale.UK, TestKeys.ITERATIONS).setUp(folder,
                new ClinicAccess.NewClinic("Fjord Physio", TestKeys.USER, "Anna", TestKeys.PASSWORD.toCharArray()));
        try (Services services = setUp.services()) {
            Patient zoe = VisitFixture.seed(services, "Zoë", "Ødegård", 4, 7);
            Patient li = VisitFixture.seed(services, "小龙", "李", 2, 11);
            Patient ana = services.patients().save(VisitFixture.patient("Ana-María", "O'Neil"));
            services.patients().archive(ana.id());
            Visit last = services.visits().visitsOf(zoe.id()).stream().max(ReadinessRules.ORDER)
                    .orElseThrow();
            services.programmes().save(last.id(), services.programmes().open(last.id()).programme());
            services.progress().saveSummary(zoe.id(), "Steady progress; next the walk-run plan.");
            List<UUID> ids = List.of(zoe.id(), li.id(), ana.id());
            Path zip = temp.resolve("backup.zip");
            assertThat(new AutomaticBackups(services, VisitFixture.CLOCK).runTo(zip)).isEqualTo(3);
            return new Clinic(zip, ids, services.records().snapshot(ids), setUp.recoveryKey());
        }
    }

    @Test
    void aBackupRestoredWithThePasswordOrTheRecoveryKeyHoldsExactlyWhatWasSaved() throws Exception {
        Clinic clinic = clinicWithBackup();
        Path byPassword = temp.resolve("restored-password");
        Path byRecovery = temp.resolve("restored-recovery");

        BackupService.Restored first = backups.restore(clinic.zip(), byPassword, false,
                keys -> keys.unwrap(TestKeys.USER, TestKeys.PASSWORD.toCharArray()));
        BackupService.Restored second = backups.restore(clinic.zip(), byRecovery, false,
                keys -> RecoveryKey.parse(clinic.recoveryKey()).flatMap(keys::unwrap));

        assertThat(first.patients()).isEqualTo(3);
        assertThat(second.patients()).isEqualTo(3);
        for (Path folder : List.of(byPassword, byRecovery)) {
            try (Services services = TestKeys.signIn(folder, VisitFixture.CLOCK, Locale.UK)) {
                assertThat(services.records().snapshot(clinic.ids())).as(folder.toString()).isEqualTo(clinic.snapshot());
                assertThat(services.patients().search("", true).patients()).hasSize(3);
                assertThat(services.settings().load().clinicName()).isEqualTo("Fjord Physio");
                assertThat(services.audit().verify().intact()).as("the restored trail checks out").isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordOrRecoveryKeyRestoresNothing() throws Exception {
        Clinic clinic = clinicWithBackup();
        Path target = temp.resolve("target");

        assertThatThrownBy(() -> backups.restore(clinic.zip(), target, false,
                keys -> keys.unwrap(TestKeys.USER, "not the password".toCharArray())))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> backups.restore(clinic.zip(), target, false,
                keys -> keys.unwrap("mallory", TestKeys.PASSWORD.toCharArray())))
                .isInstanceOf(WrongPasswordException.class);
        assertThatThrownBy(() -> backups.restore(clinic.zip(), target, false,
                keys -> RecoveryKey.parse(RecoveryKey.random().text()).flatMap(keys::unwrap)))
                .isInstanceOf(WrongPasswordException.class);

        assertThat(target).doesNotExist();
        try (var left = Files.list(temp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("records", "backup.zip");
        }
    }

    @Test
    void theBackupHoldsNoPatientDataReadableWithoutTheKey() throws Exception {
        Clinic clinic = clinicWithBackup();
        PatientDataScan scan = new PatientDataScan(List.of("Zoë", "Ødegård", "小龙", "李小龙", "Ana-María", "O'Neil",
                "1991-03-14", "14/03/1991", "walk-run plan", "Steady progress"));

        List<String> found = new ArrayList<>();
        scan.scan(Files.readAllBytes(clinic.zip()), "backup.zip", found);

        assertThat(found).isEmpty();
        assertThat(scan.size()).isGreaterThan(30);
    }

    private static List<Path> reversed(List<Path> list) {
        List<Path> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void automaticBackupsKeepTheNewestFourteen() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        Path folder = temp.resolve("records");
        List<Path> made = new ArrayList<>();
        try (Services services = TestKeys.clinic(folder, clock, Locale.UK)) {
            VisitFixture.seed(services, "Zoë", "Ødegård", 1, 7);
            AutomaticBackups automatic = new AutomaticBackups(services, clock);
            assertThat(automatic.dueToday()).isTrue();
            for (int i = 0; i < 17; i++) {
                made.add(automatic.run("test " + i));
                clock.advance(Duration.ofHours(7));
            }
            assertThat(automatic.folder()).isEqualTo(folder.resolve(AutomaticBackups.DEFAULT_FOLDER));
            assertThat(AutomaticBackups.newestFirst(automatic.folder())).hasSize(AutomaticBackups.KEEP)
                    .containsExactlyElementsOf(reversed(made.subList(3, 17)));
            assertThat(AutomaticBackups.latestIn(folder)).contains(made.get(16));
            assertThat(made.subList(0, 3)).allSatisfy(old -> assertThat(old).doesNotExist());
            // a backup made twice in the same second gets a name of its own
            Path a = automatic.run("again");
            Path b = automatic.run("and again");
            assertThat(a).isNotEqualTo(b).exists();
            assertThat(b).exists();
            assertThat(services.settings().lastAutomaticBackup()).contains(LocalDate.now(clock).toString());
            assertThat(automatic.dueToday()).isFalse();
        }
        // the newest restores
        BackupService.Restored restored = AutomaticBackups.restoreOver(temp.resolve("again"), made.get(16),
                TestKeys.USER, TestKeys.PASSWORD.toCharArray(), clock);
        assertThat(restored.patients()).isEqualTo(1);
    }
}
