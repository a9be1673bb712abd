package app.rebound.handout;

import java.io.IOException;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.Messages;

/** The top of a handout's or report's first page: the clinic's logo and name, and the clinician. */
final class Letterhead {

    private Letterhead() {
    }

    /** Draws at the cursor and returns its height, which the caller moves down past. */
    static float draw(PageFlow flow, PDDocument document, String clinicName, ClinicLogo logo, String clinicianName)
            throws IOException {
        PDPageContentStream content = flow.content();
        float top = flow.y();
        float left = flow.left();
        float logoWidth = 0;
        float logoHeight = 0;
        if (logo != null) {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, logo.data(), "logo");
            float height = 44;
            float width = Math.min(160, image.getWidth() * height / image.getHeight());
            float drawnHeight = width * image.getHeight() / image.getWidth();
            var figure = flow.begin("Figure");
            figure.setAlternateDescription(clinicName == null ? Messages.get("document.logo")
                    : Messages.format("document.logoOf", clinicName));
            flow.tagged(() -> content.drawImage(image, left, top - drawnHeight, width, drawnHeight));
            flow.end();
            logoWidth = width + 12;
            logoHeight = drawnHeight;
        }
        float textLeft = left + logoWidth;
        float room = flow.left() + flow.width() - textLeft;
        if (clinicName != null) {
            flow.begin("P");
            flow.tagged(() -> {
                content.setNonStrokingColor(PageFlow.MUTED);
                flow.text().show(content, flow.text().fit(clinicName, true, 12, room), true, 12, textLeft, top - 14);
            });
            flow.end();
        }
        if (clinicianName != null) {
            flow.begin("P");
            flow.tagged(() -> {
                content.setNonStrokingColor(PageFlow.MUTED);
                flow.text().show(content, flow.text().fit(Messages.format("handout.clinician", clinicianName), false,
                        HandoutRenderer.BODY, room), false, HandoutRenderer.BODY, textLeft, top - 30);
            });
            flow.end();
        }
        // the name and the clinician take two lines (36 points); a logo may stand taller
        return Math.max(logoHeight, clinicName == null && clinicianName == null ? 0 : 36) + 12;
    }

    /** Writes a footer on every page, given the page number (from 1) and the number of pages. */
    static void footers(PDDocument document, StyledText text, BiFunction<Integer, Integer, String> footer)
            throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float room = page.getMediaBox().getWidth() - 2 * PageFlow.MARGIN;
                String line = text.fit(footer.apply(i + 1, total), false, 10f, room);
                // the same on every page: a running footer a screen reader skips
                StructureTree.artifact(content, "Pagination", () -> {
                    content.setNonStrokingColor(PageFlow.MUTED);
                    text.show(content, line, false, 10f, PageFlow.MARGIN, PageFlow.MARGIN - 16);
                });
            }
        }
    }
}
