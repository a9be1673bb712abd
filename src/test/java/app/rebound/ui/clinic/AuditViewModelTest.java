package app.rebound.ui.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import app.rebound.domain.AuditEvent;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;

/** The audit trail's view model without the JavaFX toolkit, on a real clinic file. */
class AuditViewModelTest extends OnClinicFile {


    private void patients(int count) {
        for (int i = 0; i < count; i++) {
            services.patients().save(PatientFixture.patient("Ana-María " + i, "O'Neil")
                    .dateOfBirth(LocalDate.of(1990, 1, 1)).build());
        }
    }

    @Test
    void theTrailIsShownNewestFirstPageByPageWithoutARowTwice() {
        patients(AuditViewModel.PAGE + 5);
        AuditViewModel audit = new AuditViewModel(services.audit(), tasks, dialogs, null);
        audit.reload();
        int total = services.audit().count();
        assertThat(audit.events()).hasSize(AuditViewModel.PAGE);
        assertThat(audit.moreProperty().get()).isTrue();
        assertThat(audit.shownProperty().get()).isEqualTo(Messages.format("audit.shown", AuditViewModel.PAGE, total));
        assertThat(audit.events().get(0).seq()).isGreaterThan(audit.events().get(1).seq());

        audit.showMore();
        assertThat(audit.events()).hasSize(total);
        assertThat(audit.events().stream().map(AuditEvent::seq).distinct()).hasSize(total);
        assertThat(audit.moreProperty().get()).isFalse();
        assertThat(audit.busyProperty().get()).isFalse();
    }

    @Test
    void theChecksVerdictAndTheExportAreSaid() throws Exception {
        patients(3);
        AuditViewModel audit = new AuditViewModel(services.audit(), tasks, dialogs, null);
        audit.check();
        int total = services.audit().count();
        assertThat(audit.verdictProperty().get()).isEqualTo(new AuditViewModel.Verdict(
                AuditViewModel.Verdict.State.INTACT, Messages.format("audit.intact", total)));

        Path file = folder.resolveSibling(folder.getFileName() + "-audit.csv");
        dialogs.answer(file);
        audit.export();
        assertThat(Files.readAllLines(file)).hasSizeGreaterThan(total);
        assertThat(audit.statusProperty().get()).contains(file.toString());
        assertThat(audit.events()).as("read again after the export").isNotEmpty();
        Files.delete(file);
    }

    @Test
    void onlyTheSelectedPatientsRowsWhenAsked() {
        patients(3);
        Patient zoe = zoe();
        AuditViewModel audit = new AuditViewModel(services.audit(), tasks, dialogs, zoe.id());
        audit.reload();
        assertThat(audit.events()).hasSizeGreaterThan(1);
        audit.patientOnlyProperty().set(true);
        assertThat(audit.events()).isNotEmpty().allSatisfy(e -> assertThat(e.patientId()).isEqualTo(zoe.id()));
        assertThat(audit.shownProperty().get()).isEqualTo(Messages.format("audit.shownAll", audit.events().size()));
    }
}
