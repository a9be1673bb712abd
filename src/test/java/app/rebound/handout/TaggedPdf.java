package app.rebound.handout;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

/**
 * A tagged PDF's structure read back as a screen reader meets it: each element with its type, its
 * alternative text and the text of the marked content it points at, in the tree's order.
 */
final class TaggedPdf {

    /** One structure element: its type, alternative text (or null), own text, and children. */
    record Element(String type, String alt, String text, List<Element> kids) {

        /** This element and all below it, depth first: the reading order. */
        List<Element> all() {
            List<Element> all = new ArrayList<>();
            all.add(this);
            for (Element kid : kids) {
                all.addAll(kid.all());
            }
            return all;
        }

        /** The text of this element and all below it, joined by single spaces. */
        String fullText() {
            List<String> parts = new ArrayList<>();
            if (!text.isEmpty()) {
                parts.add(text);
            }
            for (Element kid : kids) {
                String t = kid.fullText();
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            return String.join(" ", parts);
        }

        List<Element> ofType(String wanted) {
            return all().stream().filter(e -> e.type().equals(wanted)).toList();
        }
    }

    private TaggedPdf() {
    }

    /** The structure under the tree's root (its Document element), or null if the PDF has no structure. */
    static Element read(PDDocument document) throws IOException {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return null;
        }
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(document.getPage(i));
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                collect(i, content, texts);
            }
        }
        List<Element> top = new ArrayList<>();
        for (Object kid : root.getKids()) {
            if (kid instanceof PDStructureElement element) {
                top.add(element(document, element, texts));
            }
        }
        return top.size() == 1 ? top.get(0) : new Element("(root)", null, "", top);
    }

    private static void collect(int page, PDMarkedContent content, Map<String, String> texts) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (item instanceof PDMarkedContent inner) {
                collect(page, inner, texts);
            }
        }
        if (content.getMCID() >= 0) {
            texts.put(page + ":" + content.getMCID(), Normalizer.normalize(text.toString(), Normalizer.Form.NFC));
        }
    }

    private static Element element(PDDocument document, PDStructureElement element, Map<String, String> texts) {
        List<Element> kids = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (Object kid : element.getKids()) {
            if (kid instanceof PDStructureElement child) {
                kids.add(element(document, child, texts));
            } else if (kid instanceof PDMarkedContentReference reference) {
                int page = document.getPages().indexOf(reference.getPage() != null ? reference.getPage()
                        : element.getPage());
                own.add(texts.getOrDefault(page + ":" + reference.getMCID(), "").strip());
            } else if (kid instanceof Integer mcid) {
                int page = document.getPages().indexOf(element.getPage());
                own.add(texts.getOrDefault(page + ":" + mcid, "").strip());
            }
        }
        return new Element(element.getStructureType(), element.getAlternateDescription(),
                String.join(" ", own.stream().filter(s -> !s.isEmpty()).toList()), kids);
    }
}
