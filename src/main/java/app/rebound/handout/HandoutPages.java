package app.rebound.handout;

import java.awt.image.BufferedImage;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A rendered PDF's pages as pixels for a preview, and printing through the system print dialog. */
public final class HandoutPages {

    /** One page as ARGB pixels, row by row. */
    public record PageImage(int width, int height, int[] argb) {
    }

    private HandoutPages() {
    }

    /** The pages at {@code dpi} dots per inch. */
    public static List<PageImage> render(byte[] pdf, float dpi) {
        try (Document document = open(pdf, dpi)) {
            List<PageImage> pages = new ArrayList<>();
            for (int i = 0; i < document.pageCount(); i++) {
                pages.add(document.render(i));
            }
            return pages;
        }
    }

    /** The PDF read once, for its pages to be rendered one at a time, as they are needed. */
    public static Document open(byte[] pdf, float dpi) {
        try {
            return new Document(Loader.loadPDF(pdf), dpi);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the handout's pages", e);
        }
    }

    /** A PDF open for rendering its pages at a resolution, one page at a time; used by one thread at a time. */
    public static final class Document implements AutoCloseable {
        private final PDDocument document;
        private final PDFRenderer renderer;
        private final float dpi;

        private Document(PDDocument document, float dpi) {
            this.document = document;
            this.renderer = new PDFRenderer(document);
            this.dpi = dpi;
        }

        public int pageCount() {
            return document.getNumberOfPages();
        }

        /** Page {@code index} (from 0) as pixels. */
        public PageImage render(int index) {
            try {
                BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                return new PageImage(image.getWidth(), image.getHeight(), pixels);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot render the handout's pages", e);
            }
        }

        @Override
        public void close() {
            try {
                document.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the handout", e);
            }
        }
    }

    /**
     * Shows the system print dialog and prints if the clinician confirms; false when she cancels.
     * Blocks while the dialog is open: call it off the JavaFX thread.
     */
    public static boolean print(byte[] pdf, String jobName) throws PrinterException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(document));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the handout to print", e);
        }
    }
}
