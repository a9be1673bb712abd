package app.rebound.handout;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import app.rebound.domain.ClinicLogo;
import app.rebound.domain.Messages;

/** The top of a handout's or report's first page: the clinic's logo and name, and the clinician. */
final class Letterhead {

    private Letterhead() {
    }

    /** Draws at the cursor; the caller moves down past it. */
    static void draw(PageFlow flow, PDDocument document, String clinicName, ClinicLogo logo, String clinicianName)
            throws IOException {
        PDPageContentStream content = flow.content();
        float top = flow.y();
        float textLeft = flow.left();
        if (logo != null) {
            PDImageXObject image = PDImageXObject.createFromByteArray(document, logo.data(), "logo");
            float height = 44;
            float width = Math.min(160, image.getWidth() * height / image.getHeight());
            height = width * image.getHeight() / image.getWidth();
            content.drawImage(image, flow.left(), top - height, width, height);
            textLeft += width + 12;
        }
        float room = flow.left() + flow.width() - textLeft;
        if (clinicName != null) {
            content.setNonStrokingColor(PageFlow.MUTED);
            flow.text().show(content, flow.text().fit(clinicName, true, 12, room), true, 12, textLeft, top - 14);
        }
        if (clinicianName != null) {
            content.setNonStrokingColor(PageFlow.MUTED);
            flow.text().show(content, flow.text().fit(Messages.format("handout.clinician", clinicianName), false,
                    HandoutRenderer.BODY, room), false, HandoutRenderer.BODY, textLeft, top - 30);
        }
    }

    /** Writes a footer on every page, given the page number (from 1) and the number of pages. */
    static void footers(PDDocument document, StyledText text, java.util.function.BiFunction<Integer, Integer, String> footer)
            throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            org.apache.pdfbox.pdmodel.PDPage page = document.getPage(i);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.setNonStrokingColor(PageFlow.MUTED);
                float room = page.getMediaBox().getWidth() - 2 * PageFlow.MARGIN;
                text.show(content, text.fit(footer.apply(i + 1, total), false, 10f, room), false, 10f, PageFlow.MARGIN,
                        PageFlow.MARGIN - 16);
            }
        }
    }
}
