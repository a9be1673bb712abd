package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.PaperSize;
import app.rebound.domain.ValidationException;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.visit.Stage;
import app.rebound.handout.Handout;
import app.rebound.handout.HandoutRenderer;

/** The clinic's own exercises and photos, on a real H2 file, and a photo printed in the handout. */
class ExerciseCatalogueTest {

    /** A real 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgL8sDAAGLAPQ8xSAqAAAAAElFTkSuQmCC");

    @TempDir
    Path folder;

    private Services services;

    @BeforeEach
    void open() {
        services = TestKeys.services(folder, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                Locale.UK);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static Exercise wallSit(String code) {
        return new Exercise(code, "Wall sit with a ball", Stage.BUILD, ExerciseKind.GENERAL,
                "Strong thighs for downhill running.", List.of("Lean on a wall.", "Slide down to a chair height."),
                List.of("Breathe out as you slide down."), new Dose(3, 1, 30, 1, 3), null, null, null);
    }

    @Test
    void theClinicsOwnExerciseIsKeptAndOfferedBesideTheLibrary() {
        ExerciseCatalogue catalogue = services.exercises();
        int shipped = catalogue.all().size();
        catalogue.saveClinicExercise(wallSit("wall-sit-ball"), true);

        assertThat(catalogue.all()).hasSize(shipped + 1);
        assertThat(catalogue.byCode("wall-sit-ball")).contains(wallSit("wall-sit-ball"));
        assertThat(catalogue.isShipped("wall-sit-ball")).isFalse();
    }

    @Test
    void aCodeThatIsTakenOrMalformedIsRefusedWithItsField() {
        ExerciseCatalogue catalogue = services.exercises();
        assertThatThrownBy(() -> catalogue.saveClinicExercise(wallSit("pf-find"), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("code"));
        assertThatThrownBy(() -> catalogue.saveClinicExercise(wallSit("Wall Sit!"), true))
                .isInstanceOf(ValidationException.class);
        assertThat(catalogue.byCode("Wall Sit!")).isEmpty();
    }

    @Test
    void aPhotoReplacesTheDrawingAndTheHandoutPrintsIt() throws Exception {
        ExerciseCatalogue catalogue = services.exercises();
        catalogue.setPhoto("single-leg-bridge", ExercisePhoto.of(PNG));
        assertThat(catalogue.photos()).containsKey("single-leg-bridge");

        Exercise bridge = catalogue.byCode("single-leg-bridge").orElseThrow();
        Handout handout = new Handout(null, null, null, PaperSize.A4, "Zoë Ødegård",
                LocalDate.of(2026, 11, 22), Stage.BUILD,
                List.of(new Handout.Item(bridge, bridge.defaultDose(), null, catalogue.photos().get("single-leg-bridge"))),
                List.of(), 4);
        try (PDDocument pdf = Loader.loadPDF(new HandoutRenderer().render(handout))) {
            long images = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
        }

        catalogue.setPhoto("single-leg-bridge", null);
        assertThat(catalogue.photos()).isEmpty();
    }

    @Test
    void anExerciseInASavedProgrammeCannotBeDeleted() {
        ExerciseCatalogue catalogue = services.exercises();
        catalogue.saveClinicExercise(wallSit("wall-sit-ball"), true);
        assertThat(catalogue.deleteClinicExercise("wall-sit-ball")).isTrue();
        assertThat(catalogue.byCode("wall-sit-ball")).isEmpty();
        assertThatThrownBy(() -> catalogue.deleteClinicExercise("pf-find")).isInstanceOf(IllegalArgumentException.class);
    }
}
