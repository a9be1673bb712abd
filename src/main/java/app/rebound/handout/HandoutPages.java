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
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<PageImage> pages = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                pages.add(new PageImage(image.getWidth(), image.getHeight(), pixels));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the handout's pages", e);
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
