package app.rebound.handout;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;

/**
 * The tagged PDF's logical structure: headings, paragraphs, lists, tables and figures in reading order,
 * each pointing at the marked content drawn for it on the pages, and everything else (rules, boxes,
 * footers) marked as an artefact, so a screen reader reads the document in order and skips decoration.
 * Elements are opened and closed as the layout reaches them, so the tree follows the page order.
 */
final class StructureTree {

    /** Draws something on the current page. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final Deque<PDStructureElement> open = new ArrayDeque<>();
    /** For each page (its StructParents key), the element of each marked-content id, in id order. */
    private final List<List<PDStructureElement>> parents = new ArrayList<>();
    private PDPage page;

    StructureTree(PDDocument document) {
        document.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        document.getDocumentCatalog().setMarkInfo(markInfo);
        PDStructureElement top = new PDStructureElement("Document", root);
        root.appendKid(top);
        open.push(top);
    }

    /** A page was started: what is marked from now on lies on it. */
    void page(PDPage started) {
        page = started;
        started.setStructParents(parents.size());
        parents.add(new ArrayList<>());
    }

    /** Opens an element of {@code type} (a standard structure type: P, H1, L, LI, Table, Figure, ...) inside the current one. */
    PDStructureElement open(String type) {
        PDStructureElement parent = open.peek();
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        open.push(element);
        return element;
    }

    /** Closes the innermost open element. */
    void close() {
        if (open.size() <= 1) {
            throw new IllegalStateException("no structure element is open");
        }
        open.pop();
    }

    /** Marks what {@code drawing} draws as content of the innermost open element. */
    void content(PDPageContentStream content, Drawing drawing) throws IOException {
        PDStructureElement element = open.peek();
        List<PDStructureElement> onPage = parents.get(parents.size() - 1);
        int id = onPage.size();
        onPage.add(element);
        content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), id);
        drawing.draw();
        content.endMarkedContent();
        if (element.getPage() == null) {
            element.setPage(page);
        }
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setMCID(id);
        reference.setPage(page);
        element.appendKid(reference);
    }

    /** Marks what {@code drawing} draws as an artefact: decoration, or a page's running footer. */
    static void artifact(PDPageContentStream content, String type, Drawing drawing) throws IOException {
        COSDictionary properties = new COSDictionary();
        properties.setName(COSName.TYPE, type);
        if ("Pagination".equals(type)) {
            properties.setName(COSName.SUBTYPE, "Footer");
        }
        content.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(properties));
        drawing.draw();
        content.endMarkedContent();
    }

    /** Writes the parent tree that leads from marked content back to its element. */
    void finish() {
        COSArray numbers = new COSArray();
        for (int i = 0; i < parents.size(); i++) {
            COSArray elements = new COSArray();
            for (PDStructureElement element : parents.get(i)) {
                elements.add(element);
            }
            numbers.add(COSInteger.get(i));
            numbers.add(elements);
        }
        COSDictionary tree = new COSDictionary();
        tree.setItem(COSName.NUMS, numbers);
        root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
        root.setParentTreeNextKey(parents.size());
    }
}
