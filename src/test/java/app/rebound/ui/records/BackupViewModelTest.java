package app.rebound.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.domain.PatientFixture;
import app.rebound.service.AutomaticBackups;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;

/** Backing up and restoring without the JavaFX toolkit, on real clinic files. */
class BackupViewModelTest extends OnClinicFile {

    @TempDir
    Path files;

    private final List<String> screen = new ArrayList<>();
    private final Deque<BackupViewModel.Credentials> typed = new ArrayDeque<>();
    private BackupViewModel backups;

    @BeforeEach
    void open() {
        zoe();
        backups = new BackupViewModel(tasks, dialogs, new BackupViewModel.Screen() {
            @Override
            public Optional<BackupViewModel.Credentials> askCredentials(String id, String headerKey, String text,
                    String suggestedUser, String goAheadKey) {
                screen.add("ask " + id + " for " + suggestedUser);
                return Optional.ofNullable(typed.poll());
            }

            @Override
            public void say(String message) {
                screen.add("say " + message);
            }

            @Override
            public void quit() {
                screen.add("quit");
            }
        }, CLOCK);
    }

    private Path backUp() {
        Path file = files.resolve("backup.zip");
        dialogs.answer(file);
        backups.backupNow(services);
        return file;
    }

    @Test
    void aBackupIsWrittenWhereSheChoseAndSaysHowManyPatients() {
        Path file = backUp();
        assertThat(dialogs.shown()).containsExactly("save: " + Messages.get("backup.saveTitle") + " | rebound-backup-2026-11-22.zip");
        assertThat(file).exists();
        assertThat(screen).containsExactly("say " + Messages.format("backup.done", file.getFileName(),
                Messages.format("backup.patients", 1)));
    }

    @Test
    void noFileChosenWritesNothing() {
        backups.backupNow(services);
        assertThat(tasks.submitted()).isZero();
        assertThat(screen).isEmpty();
    }

    @Test
    void aRestoreWithAPasswordThatDoesNotOpenTheBackupClosesNothing() {
        Path file = backUp();
        screen.clear();
        dialogs.answer(file);
        typed.add(new BackupViewModel.Credentials(TestKeys.USER, "not the password".toCharArray()));
        List<String> closed = new ArrayList<>();
        backups.restoreFromFile(services, folder, () -> closed.add("closed"));
        assertThat(screen).containsExactly("ask restoreBackup for " + TestKeys.USER);
        assertThat(dialogs.errors()).containsExactly(Messages.get("backup.restore.wrongPassword"));
        assertThat(closed).isEmpty();
    }

    @Test
    void aRestoreWithTheRightPasswordClosesTheRecordsRestoresAndQuits() throws Exception {
        Path file = backUp();
        services.patients().save(PatientFixture.patient("Ana-María", "O'Neil").dateOfBirth(LocalDate.of(1991, 1, 1))
                .build());
        screen.clear();
        dialogs.answer(file);
        typed.add(new BackupViewModel.Credentials(TestKeys.USER, TestKeys.PASSWORD.toCharArray()));
        backups.restoreFromFile(services, folder, () -> {
            services.close();
            services = null;
        });
        assertThat(screen).containsExactly("ask restoreBackup for " + TestKeys.USER,
                "say " + Messages.format("backup.restored", file.getFileName()), "quit");
        services = TestKeys.signIn(folder, CLOCK, Locale.UK);
        assertThat(services.patients().search("", true).patients()).as("as backed up: Zoë only").hasSize(1);
    }

    @Test
    void noAutomaticBackupToOfferIsSaidWithWhereTheyWouldBe() throws Exception {
        backups.offerLatestBackup(folder);
        assertThat(dialogs.errors()).containsExactly(Messages.format("backup.offer.none",
                folder.resolve(AutomaticBackups.DEFAULT_FOLDER)));
        assertThat(screen).isEmpty();
        assertThat(Files.exists(folder.resolve(AutomaticBackups.DEFAULT_FOLDER))).isFalse();
    }
}
