package app.rebound.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the text layer say exactly what was written. PDFBox sets Latin text with the font's GSUB
 * ligatures (f+i drawn as one "fi" glyph), and its subset's ToUnicode map gives such a glyph the code
 * point the font's cmap has for it, U+FB01: "Sofia" read back as "So\uFB01a", and a clinic's search or
 * a screen reader got her name wrong. The ligatures look right on paper, so they stay; the map is
 * corrected instead: each glyph that stands for a Latin ligature (U+FB00–U+FB06) maps to its letters.
 *
 * <p>PDFBox builds the map when it subsets the fonts inside {@link PDDocument#save}; so the fonts are
 * subset here first, their maps corrected, and the document written as {@code save} writes it
 * (compressed, with a cross-reference stream), without subsetting them a second time.
 */
final class TextLayer {

    private static final int FIRST_LIGATURE = 0xFB00;
    private static final int LAST_LIGATURE = 0xFB06;

    private TextLayer() {
    }

    /** Subsets the fonts, corrects their text maps and writes the document. */
    static void save(PDDocument document, List<PDType0Font> fonts, OutputStream out) throws IOException {
        for (PDType0Font font : fonts) {
            font.subset();
            correct(font);
        }
        document.getDocument().setIsXRefStream(true);
        new COSWriter(out, CompressParameters.DEFAULT_COMPRESSION).write(document);
    }

    /** Rewrites the font's ToUnicode map if a glyph in it maps to a ligature code point. */
    private static void correct(PDType0Font font) throws IOException {
        COSStream stream = font.getCOSObject().getCOSStream(COSName.TO_UNICODE);
        if (stream == null) {
            return;
        }
        byte[] original;
        try (InputStream in = stream.createInputStream()) {
            original = in.readAllBytes();
        }
        CMap map = new CMapParser().parse(new RandomAccessReadBuffer(original));
        SortedMap<Integer, String> entries = new TreeMap<>();
        boolean ligatures = false;
        for (int code = 0; code <= 0xFFFF; code++) {
            String text = map.toUnicode(new byte[] {(byte) (code >> 8), (byte) code});
            if (text == null) {
                continue;
            }
            String letters = letters(text);
            ligatures |= !letters.equals(text);
            entries.put(code, letters);
        }
        if (!ligatures) {
            return;
        }
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(write(entries));
        }
    }

    /** The text with each Latin ligature code point written as its letters (U+FB01 → "fi"). */
    static String letters(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        text.codePoints().forEach(cp -> {
            if (cp >= FIRST_LIGATURE && cp <= LAST_LIGATURE) {
                out.append(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A ToUnicode CMap of two-byte codes, one bfchar line each, at most 100 to a block as the format asks. */
    private static byte[] write(SortedMap<Integer, String> entries) {
        StringBuilder cmap = new StringBuilder();
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Integer> codes = List.copyOf(entries.keySet());
        for (int start = 0; start < codes.size(); start += 100) {
            List<Integer> block = codes.subList(start, Math.min(codes.size(), start + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (int code : block) {
                cmap.append('<').append(String.format(Locale.ROOT, "%04X", code)).append("> <");
                for (byte b : entries.get(code).getBytes(StandardCharsets.UTF_16BE)) {
                    cmap.append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
