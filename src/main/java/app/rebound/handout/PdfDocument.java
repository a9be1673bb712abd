package app.rebound.handout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;

/**
 * A handout's or report's PDF: the embedded fonts, pages flowing on the clinic's paper, a footer on
 * every page, tagged (the logical structure a screen reader follows, the language of its texts) and with
 * bookmarks for its sections. The caller lays out the body.
 *
 * <p>The document's information (title, author, which file browsers, search indexes and the title bar
 * show without opening it) names the kind of document and who made it, never the patient: her name
 * is health data, printed on the pages where she and her doctor expect it, and not copied to places
 * that outlive a redaction or leak into a clinic's file index.
 */
final class PdfDocument {

    /** Lays out the body on the flow, which has its first page started. */
    @FunctionalInterface
    interface Body {
        void write(PageFlow flow, PDDocument document) throws IOException;
    }

    private static final AtomicBoolean PREPARING =
            new AtomicBoolean();

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

    /** The document's information: what it is (never the patient's name) and who made it (may be null). */
    record Info(String title, String author) {
    }

    static byte[] render(PaperSize paperSize, Info info, Body body, BiFunction<Integer, Integer, String> footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(paperSize, info, body, footer, out);
        return out.toByteArray();
    }

    static void write(PaperSize paperSize, Info info, Body body, BiFunction<Integer, Integer, String> footer,
            OutputStream out) {
        String title = info.title();
        try (PDDocument document = new PDDocument()) {
            HandoutFonts.Set fonts = HandoutFonts.load(document);
            StyledText text = new StyledText(fonts);
            PDRectangle paper = paperSize == PaperSize.US_LETTER ? PDRectangle.LETTER : PDRectangle.A4;
            try (PageFlow flow = new PageFlow(document, paper, text, () -> { })) {
                flow.newPage();
                body.write(flow, document);
                flow.finish();
            }
            Letterhead.footers(document, text, footer);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(title);
            if (info.author() != null && !info.author().isBlank()) {
                information.setAuthor(info.author());
            }
            information.setCreator("Rebound");
            information.setProducer("Rebound");
            document.getDocumentCatalog().setLanguage(Messages.get("document.language"));
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            document.getDocumentCatalog().setViewerPreferences(preferences);
            TextLayer.save(document, fonts.loaded(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + title, e);
        }
    }

    /** "Ingrid Hansen, Fjord Physio": the clinician and the clinic, either alone, or null if neither is set. */
    static String author(String clinician, String clinic) {
        boolean hasClinician = clinician != null && !clinician.isBlank();
        boolean hasClinic = clinic != null && !clinic.isBlank();
        if (hasClinician && hasClinic) {
            return Messages.format("document.author", clinician.strip(), clinic.strip());
        }
        return hasClinician ? clinician.strip() : hasClinic ? clinic.strip() : null;
    }

    /** Gives a figure its bounding box on the page, as tagged PDF asks of a figure. */
    static void box(PDStructureElement figure, float x, float y, float width, float height) {
        PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
        layout.setBBox(new PDRectangle(x, y, width, height));
        layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
        figure.addAttribute(layout);
    }

    /** Marks a table header cell as the header of its column. */
    static void columnHeader(PDStructureElement cell) {
        PDTableAttributeObject table = new PDTableAttributeObject();
        table.setScope(PDTableAttributeObject.SCOPE_COLUMN);
        cell.addAttribute(table);
    }

    /** Marks a table header cell as the header of its row. */
    static void rowHeader(PDStructureElement cell) {
        PDTableAttributeObject table = new PDTableAttributeObject();
        table.setScope(PDTableAttributeObject.SCOPE_ROW);
        cell.addAttribute(table);
    }
}
