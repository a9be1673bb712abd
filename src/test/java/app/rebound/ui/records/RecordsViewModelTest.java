package app.rebound.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientSummary;
import app.rebound.service.ImportSummary;
import app.rebound.ui.kit.OnClinicFile;
import app.rebound.ui.kit.RecordingDialogs;

/** Import, export and the first start's offer without the JavaFX toolkit, on real clinic files. */
class RecordsViewModelTest extends OnClinicFile {

    @TempDir
    Path files;

    private final List<String> screen = new ArrayList<>();
    private final List<String> working = new ArrayList<>();
    private Optional<List<UUID>> exportChoice = Optional.empty();
    private boolean samplesWanted;
    private int imported;
    private RecordsViewModel records;

    @BeforeEach
    void open() {
        records = new RecordsViewModel(tasks, () -> services, () -> imported++, dialogs, new RecordsViewModel.Screen() {
            @Override
            public void imported(ImportSummary summary) {
                screen.add("imported " + summary.describe());
            }

            @Override
            public void refused(List<String> errors) {
                screen.add("refused " + errors.size());
            }

            @Override
            public void exported(int count, Path file) {
                screen.add("exported " + count + " to " + file.getFileName());
            }

            @Override
            public boolean wantsSamples() {
                screen.add("offer");
                return samplesWanted;
            }

            @Override
            public Optional<List<UUID>> chooseForExport(List<PatientSummary> listed, UUID current) {
                screen.add("choose from " + listed.size());
                return exportChoice;
            }
        });
        records.workingProperty().addListener((obs, was, now) -> working.add(now));
    }

    @Test
    void aRefusedFileListsItsErrorsAndWritesNothing() throws Exception {
        Path file = files.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"something else\"}", StandardCharsets.UTF_8);
        records.importFile(file);
        assertThat(screen).singleElement().asString().startsWith("refused ");
        assertThat(imported).isZero();
        assertThat(services.patients().search("", true).patients()).isEmpty();
        assertThat(working).containsExactly(Messages.get("records.import.progress"), "");
        assertThat(records.busyProperty().get()).isFalse();
    }

    @Test
    void exportAsksWhoThenWhereAndWritesWhatAnotherClinicImports() throws Exception {
        Patient zoe = zoe();
        Path file = files.resolve("zoe.json");
        exportChoice = Optional.of(List.of(zoe.id()));
        dialogs.answer(file);
        records.exportRecords(zoe.id());
        assertThat(screen).containsExactly("choose from 1", "exported 1 to zoe.json");
        assertThat(dialogs.shown()).singleElement().asString().startsWith("save: " + Messages.get("records.export.title"));
        assertThat(working).containsExactly(Messages.get("records.export.progress"), "");

        services.close();
        services = TestKeys.clinic(files.resolve("other clinic"));
        screen.clear();
        records.importFile(file);
        assertThat(imported).isEqualTo(1);
        assertThat(screen).singleElement().asString().startsWith("imported ");
        assertThat(services.patients().search("Ødegård", false).patients()).hasSize(1);
    }

    @Test
    void cancellingAChoiceWritesNothingAndAsksNothingMore() {
        zoe();
        records.exportRecords(null);
        assertThat(screen).containsExactly("choose from 1");
        assertThat(dialogs.shown()).isEmpty();
        records.importRecords();
        assertThat(dialogs.shown()).containsExactly("open: " + Messages.get("records.import.title"));
        assertThat(tasks.submitted()).as("only the export's list").isEqualTo(1);
    }

    @Test
    void theSamplesAreOfferedOnceOnAnEmptyClinic() {
        records.offerSamples();
        assertThat(screen).containsExactly("offer");
        records.offerSamples();
        assertThat(screen).as("asked once").containsExactly("offer");
        assertThat(services.patients().search("", true).patients()).isEmpty();
    }

    @Test
    void takingTheSamplesImportsThem() {
        samplesWanted = true;
        records.offerSamples();
        assertThat(imported).isEqualTo(1);
        assertThat(services.patients().search("", true).patients()).isNotEmpty();
    }

    @Test
    void aClinicWithPatientsIsNotOfferedSamples() {
        zoe();
        records.offerSamples();
        assertThat(screen).isEmpty();
    }
}
