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

    private static final java.util.concurrent.atomic.AtomicBoolean PREPARING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private PdfDocument() {
    }

    /**
     * Loads PDFBox and parses the fonts on a background thread, once: PDFBox's first document sets up
     * Java 2D's colour management, which with the fonts took most of a second of a command, so a command
     * that will write a PDF overlaps them with opening the records. A failure here is left to the real
     * document to report.
     */
    static void prepareInBackground() {
        if (!PREPARING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try (PDDocument warm = new PDDocument()) {
                HandoutFonts.parseCommon();
            } catch (IOException | RuntimeException e) {
                // the document being written will fail with its own message
            }
        }, "rebound-pdf-preparation");
        thread.setDaemon(true);
        thread.start();
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
