package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/** The handout preview is rendered at the screen's output scale: sharp at 150 % and 200 %, never enlarged. */
class HandoutPreviewScaleTest {

    @TempDir
    Path folder;

    @Test
    void pagesAreRenderedWithOnePixelPerScreenPixelAtEveryScale() throws Exception {
        try (Services services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK)) {
            Patient patient = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
            Visit visit = VisitFixture.visits(patient, 1, 3).get(0);
            services.visits().save(visit);
            ProgrammeService.Context context = services.programmes().open(visit.id());
            byte[] pdf = services.programmes().handout(context, context.programme());

            List<ProgrammeService.PagePixels> at100 = services.programmes().preview(pdf, 1);
            List<ProgrammeService.PagePixels> at150 = services.programmes().preview(pdf, 1.5);
            List<ProgrammeService.PagePixels> at200 = services.programmes().preview(pdf, 2);

            // A4 is 595 x 842 points: 794 pixels wide at 96 dpi
            assertThat(at100.get(0).width()).isBetween(793, 795);
            assertThat(at150.get(0).width()).isBetween(2 * 794 * 3 / 4 - 2, 2 * 794 * 3 / 4 + 2);
            assertThat(at200.get(0).width()).isBetween(2 * 793, 2 * 795);
            assertThat(at200).hasSameSizeAs(at100);
            assertThat(services.programmes().preview(pdf, 0.5).get(0).width()).as("never below 96 dpi")
                    .isEqualTo(at100.get(0).width());
            assertThat(services.programmes().preview(pdf, Double.NaN).get(0).width()).isEqualTo(at100.get(0).width());
        }
    }
}
