package app.rebound.handout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import app.rebound.domain.PaperSize;

/**
 * A handout's or report's PDF: the embedded fonts, pages flowing on the clinic's paper, a footer on
 * every page, the title in the document's information. The caller lays out the body.
 */
final class PdfDocument {

    /** Lays out the body on the flow, which has its first page started. */
    @FunctionalInterface
    interface Body {
        void write(PageFlow flow, PDDocument document) throws IOException;
    }

    private PdfDocument() {
    }

    static byte[] render(PaperSize paperSize, String title, Body body, BiFunction<Integer, Integer, String> footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(paperSize, title, body, footer, out);
        return out.toByteArray();
    }

    static void write(PaperSize paperSize, String title, Body body, BiFunction<Integer, Integer, String> footer,
            OutputStream out) {
        try (PDDocument document = new PDDocument()) {
            StyledText text = new StyledText(HandoutFonts.load(document));
            PDRectangle paper = paperSize == PaperSize.US_LETTER ? PDRectangle.LETTER : PDRectangle.A4;
            try (PageFlow flow = new PageFlow(document, paper, text, () -> { })) {
                flow.newPage();
                body.write(flow, document);
            }
            Letterhead.footers(document, text, footer);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Rebound");
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + title, e);
        }
    }
}
