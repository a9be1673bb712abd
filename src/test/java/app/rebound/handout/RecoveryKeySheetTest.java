package app.rebound.handout;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import app.rebound.domain.PaperSize;

class RecoveryKeySheetTest {

    @Test
    void theSheetHoldsTheKeyTheClinicAndWhatToDoOnOnePageWithEmbeddedFonts() throws Exception {
        byte[] pdf = RecoveryKeySheet.render(PaperSize.A4, "Fysioterapi Ødegård 北京", "2026-11-22",
                "733A-5CFQ-YKEN-6Q0S-ZA8P-P6F0-N3DK-DTW2", "anna", "3F2A 91C0 5B7E 0D44 A1B2 C3D4 E5F6 0718");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", " ")).contains("733A-5CFQ-YKEN-6Q0S-ZA8P-P6F0-N3DK-DTW2")
                    .contains("Fysioterapi Ødegård 北京").contains("2026-11-22")
                    .contains("Use the recovery key").contains("locked away")
                    .contains("Signing key of the administrator anna: 3F2A 91C0 5B7E 0D44 A1B2 C3D4 E5F6 0718");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }
}
