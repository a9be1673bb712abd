package app.rebound.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What dropped on the patient list is taken as a record file to import: one .json file, nothing else. */
class DroppedRecordFileTest {

    @TempDir
    Path folder;

    @Test
    void oneJsonFileIsTakenWhateverTheCaseOfItsEnding() throws Exception {
        File lower = Files.writeString(folder.resolve("records.json"), "{}").toFile();
        File upper = Files.writeString(folder.resolve("EXPORT.JSON"), "{}").toFile();

        assertThat(PatientListView.recordFile(List.of(lower))).isEqualTo(lower.toPath());
        assertThat(PatientListView.recordFile(List.of(upper))).isEqualTo(upper.toPath());
    }

    @Test
    void severalFilesAFolderOrAnotherKindOfFileAreNotTaken() throws Exception {
        File one = Files.writeString(folder.resolve("a.json"), "{}").toFile();
        File two = Files.writeString(folder.resolve("b.json"), "{}").toFile();
        File photo = Files.write(folder.resolve("photo.png"), new byte[] {1}).toFile();
        File named = Files.createDirectory(folder.resolve("folder.json")).toFile();

        assertThat(PatientListView.recordFile(List.of(one, two))).isNull();
        assertThat(PatientListView.recordFile(List.of())).isNull();
        assertThat(PatientListView.recordFile(List.of(photo))).isNull();
        assertThat(PatientListView.recordFile(List.of(named))).isNull();
        assertThat(PatientListView.recordFile(List.of(folder.resolve("gone.json").toFile()))).isNull();
    }
}
