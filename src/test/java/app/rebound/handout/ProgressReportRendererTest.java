package app.rebound.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.TestKeys;
import app.rebound.domain.ClinicLogo;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;
import app.rebound.domain.demo.Progression;
import app.rebound.domain.progress.ProgressChart;
import app.rebound.domain.progress.ProgressCharts;
import app.rebound.domain.progress.VisitComparison;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.service.ProgressService;
import app.rebound.service.Services;

/**
 * The progress report read back: names in every script, title, summary, every visit date, footers,
 * embedded fonts, vector charts, text inside the page, and the atomic write.
 */
class ProgressReportRendererTest {

    private static final DateTimeFormatter MEDIUM = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.UK);
    private static final String CLINIC = "Fjord Physio — Bergen";
    private static final String SUMMARY = "Zoë has made steady progress: she now holds a contraction for 8 seconds "
            + "and passes most of the load tests without leaking.\n\nNext: hopping on each leg (李小龙 drills), "
            + "then the walk-run plan with Ana-María O'Neil.";

    @TempDir
    static Path folder;

    private static Locale before;
    private static Services services;

    @BeforeAll
    static void open() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.UK);
        services = TestKeys.services(folder.resolve("db"), VisitFixture.CLOCK, Locale.UK);
        services.settings().save(new ClinicSettings(CLINIC, "Ingrid Hansen", PaperSize.A4, null));
    }

    @AfterAll
    static void close() {
        services.close();
        Locale.setDefault(before);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ProgressService.Progress progress(String given, String family, int visits, String summary) {
        Patient patient = VisitFixture.patient(given, family);
        return ProgressService.of(patient, VisitFixture.visits(patient, visits, 7), summary);
    }

    private static byte[] report(ProgressService.Progress progress) {
        return services.progress().report(progress);
    }

    /** A report made by hand, so the patient's name and the paper are exactly what the test says. */
    private static ProgressReport handMade(String patientName, PaperSize paper, ClinicLogo logo,
            ProgressService.Progress progress) {
        List<ProgressCharts.Entry> entries = progress.visits();
        List<ProgressReport.VisitLine> lines = entries.stream()
                .map(e -> new ProgressReport.VisitLine(e.visit().date(), Messages.name(e.visit().kind()), e.stage(),
                        e.visit().status() == VisitStatus.DRAFT))
                .toList();
        ProgressCharts.Entry first = entries.isEmpty() ? null : entries.get(0);
        ProgressCharts.Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        return new ProgressReport(CLINIC, logo, "Ingrid Hansen", paper, patientName, LocalDate.of(1991, 3, 14),
                LocalDate.of(2026, 11, 22), last == null ? null : last.stage(), "Suggested: because.", List.of(),
                false, progress.summary(), lines,
                entries.size() < 2 ? List.of()
                        : VisitComparison.compare(first.visit(), first.stage(), last.visit(), last.stage()),
                progress.charts());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC);
        }
    }

    static List<String> pageTexts(PDDocument document) throws IOException {
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC));
        }
        return pages;
    }

    private static String collapsed(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String footer(String name, int page, int total) {
        return "Progress report · " + name + " · page " + page + " of " + total + " · made with Rebound";
    }

    /** Every page carries "page i of N" with the right N. */
    private static void assertFooters(PDDocument document, String name) throws IOException {
        List<String> pages = pageTexts(document);
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            assertThat(pages.get(i)).as("page %d", i + 1).contains(footer(name, i + 1, total));
        }
    }

    private static void assertFontsEmbedded(PDDocument document) throws IOException {
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** Text, paths and images drawn on one page. */
    private static final class Painting extends PDFGraphicsStreamEngine {

        int curves;
        int lines;
        int rectangles;
        int strokes;
        int fills;
        int images;

        Painting(PDPage page) {
            super(page);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles++;
        }

        @Override
        public void drawImage(PDImage pdImage) {
            images++;
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
            lines++;
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            curves++;
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
            strokes++;
        }

        @Override
        public void fillPath(int windingRule) {
            fills++;
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            fills++;
            strokes++;
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }

        static Painting of(PDPage page) throws IOException {
            Painting painting = new Painting(page);
            painting.processPage(page);
            return painting;
        }
    }

    /** The position of every glyph, page by page. */
    private static List<List<TextPosition>> positions(PDDocument document) throws IOException {
        List<List<TextPosition>> pages = new ArrayList<>();
        for (int i = 1; i <= document.getNumberOfPages(); i++) {
            List<TextPosition> positions = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
                    positions.addAll(textPositions);
                    super.writeString(text, textPositions);
                }
            };
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            stripper.getText(document);
            pages.add(positions);
        }
        return pages;
    }

    private static void assertTextInsideThePage(byte[] pdf, PDRectangle paper) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(paper.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(paper.getHeight());
            }
            List<List<TextPosition>> pages = positions(document);
            for (int i = 0; i < pages.size(); i++) {
                int number = i + 1;
                assertThat(pages.get(i)).as("page %d", number).isNotEmpty().allSatisfy(p -> {
                    String glyph = p.getUnicode();
                    assertThat(p.getXDirAdj()).as("left of %s on page %d", glyph, number)
                            .isGreaterThanOrEqualTo(PageFlow.MARGIN - 1);
                    assertThat(p.getXDirAdj() + p.getWidthDirAdj()).as("right of %s on page %d", glyph, number)
                            .isLessThanOrEqualTo(paper.getWidth() - PageFlow.MARGIN + 1);
                    assertThat(p.getYDirAdj() - p.getHeightDir()).as("top of %s on page %d", glyph, number)
                            .isGreaterThanOrEqualTo(0f);
                    assertThat(p.getYDirAdj()).as("baseline of %s on page %d", glyph, number)
                            .isLessThanOrEqualTo(paper.getHeight());
                });
            }
        }
    }

    // ---- names, title, summary, dates, footers ---------------------------------------------------

    @ParameterizedTest
    @CsvSource({"Zoë, Ødegård", "小龙, 李", "Ana-María, O'Neil"})
    void theReportNamesThePatientAsSavedInEveryScript(String given, String family) throws IOException {
        String name = given + " " + family;

        byte[] pdf = report(progress(given, family, 4, ""));

        String text = text(pdf);
        assertThat(text).contains(name + ", born 14 March 1991");
        assertThat(text).contains(footer(name, 1, 1).substring(0, footer(name, 1, 1).indexOf(" of ")));
        assertThat(text).doesNotContain("\uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ødegård", "李小龙", "Ana-María O'Neil"})
    void everyNameComesBackExactlyAsItWentIn(String name) throws IOException {
        byte[] pdf = new ProgressReportRenderer().render(handMade(name, PaperSize.A4, null,
                progress("Zoë", "Ødegård", 5, name)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = collapsed(String.join("\n", pageTexts(document)));
            assertThat(text).contains(name + ", born 14 March 1991");
            assertThat(text).doesNotContain("\uFFFD");
            assertFooters(document, name);
            assertFontsEmbedded(document);
        }
    }

    @Test
    void printsTheTitleTheSummaryEveryVisitDateAndAFooterOnEveryPage() throws IOException {
        ProgressService.Progress progress = progress("Zoë", "Ødegård", 8, SUMMARY);

        byte[] pdf = report(progress);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Progress report");
            assertThat(document.getDocumentInformation().getCreator()).isEqualTo("Rebound");
            List<String> pages = pageTexts(document);
            assertThat(pages.get(0)).startsWith(CLINIC).contains("Progress report\n")
                    .contains("Physiotherapist: Ingrid Hansen")
                    .contains("Zoë Ødegård, born 14 March 1991")
                    .contains("Report of 22 November 2026");
            String text = collapsed(String.join("\n", pages));
            assertThat(text).contains("Summary")
                    .contains(collapsed("Zoë has made steady progress: she now holds a contraction for 8 seconds "
                            + "and passes most of the load tests without leaking."))
                    .contains(collapsed("Next: hopping on each leg (李小龙 drills), then the walk-run plan with "
                            + "Ana-María O'Neil."));
            assertThat(text).contains("8 visits from 20 April 2026 to");
            assertThat(text).contains("First and latest visit").contains("Visits").contains("Progress across visits")
                    .contains("Pelvic floor (PERFECT)");
            for (ProgressCharts.Entry entry : progress.visits()) {
                assertThat(text).contains(MEDIUM.format(entry.visit().date()) + " ");
            }
            assertThat(text).contains("First (" + MEDIUM.format(progress.visits().get(0).visit().date()) + ")");
            assertThat(text).contains("Latest (" + MEDIUM.format(progress.visits().get(7).visit().date()) + ")");
            assertFooters(document, "Zoë Ødegård");
            assertFontsEmbedded(document);
        }
    }

    @Test
    void theVisitListShowsEachVisitsKindAndStageAndMarksADraft() throws IOException {
        Patient patient = VisitFixture.patient("Ana-María", "O'Neil");
        List<Visit> visits = new Progression(new Random(3)).visits(patient.id(), LocalDate.of(2026, 4, 20), 3,
                "Ingrid Hansen", true);
        ProgressService.Progress progress = ProgressService.of(patient, visits, "");

        String text = collapsed(text(report(progress)));

        assertThat(text).contains(MEDIUM.format(visits.get(0).date()) + " Initial assessment "
                + progress.visits().get(0).stage());
        assertThat(text).contains(MEDIUM.format(visits.get(1).date()) + " Follow-up "
                + progress.visits().get(1).stage());
        String last = progress.visits().get(2).stage();
        assertThat(text).contains(MEDIUM.format(visits.get(2).date()) + " Follow-up "
                + (last.isEmpty() ? "Not completed" : last + " (not completed)"));
        assertThat(text).doesNotContain("Summary ");
    }

    @Test
    void aLongSummaryRunsOntoFurtherPagesWithoutLosingAWord() throws IOException {
        String paragraph = "Zoë Ødegård keeps up her pelvic floor work, 李小龙 style, three times a day. ";
        String summary = (paragraph.repeat(25).strip() + "\n\n").repeat(6).strip();

        byte[] pdf = report(progress("Zoë", "Ødegård", 3, summary));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            // a paragraph that runs over a page has that page's footer between its lines: leave the footers out
            String text = collapsed(String.join("\n", pageTexts(document))
                    .replaceAll("(?m)^Progress report · .* · page \\d+ of \\d+ · made with Rebound\\R?", ""));
            assertThat(text).contains(collapsed(paragraph.repeat(25).strip()));
            assertThat(text.split(Pattern.quote("three times a day."), -1)).hasSize(25 * 6 + 1);
            assertFooters(document, "Zoë Ødegård");
        }
    }

    // ---- few and many visits -----------------------------------------------------------------------

    @Test
    void aPatientWithNoVisitsStillGetsAValidReport() throws IOException {
        byte[] pdf = report(progress("Zoë", "Ødegård", 0, ""));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = pageTexts(document).get(0);
            assertThat(text).contains("Progress report").contains("Zoë Ødegård, born 14 March 1991")
                    .contains("No visits recorded yet");
            assertThat(text).doesNotContain("Current stage").doesNotContain("First and latest visit")
                    .doesNotContain("Progress across visits");
            assertFooters(document, "Zoë Ødegård");
            assertFontsEmbedded(document);
        }
        assertTextInsideThePage(pdf, PDRectangle.A4);
    }

    @Test
    void aPatientWithOneVisitGetsAReportWithoutAComparison() throws IOException {
        ProgressService.Progress progress = progress("小龙", "李", 1, "");

        byte[] pdf = report(progress);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = collapsed(String.join("\n", pageTexts(document)));
            LocalDate date = progress.visits().get(0).visit().date();
            assertThat(text).contains("1 visit from 20 April 2026 to 20 April 2026");
            assertThat(text).contains(MEDIUM.format(date));
            assertThat(text).contains("Current stage: " + progress.visits().get(0).stage());
            assertThat(text).doesNotContain("First and latest visit");
            assertThat(text).contains("Progress across visits");
            assertFooters(document, "小龙 李");
            assertFontsEmbedded(document);
        }
        assertTextInsideThePage(pdf, PDRectangle.A4);
    }

    @Test
    void sixtyVisitsAllAppearWithTheirDates() throws IOException {
        ProgressService.Progress progress = progress("Ana-María", "O'Neil", 60, SUMMARY);
        assertThat(progress.visits()).hasSize(60);

        byte[] pdf = report(progress);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isBetween(3, 60);
            String text = collapsed(String.join("\n", pageTexts(document)));
            List<String> missing = progress.visits().stream().map(e -> MEDIUM.format(e.visit().date()))
                    .filter(d -> !text.contains(d + " ")).toList();
            assertThat(missing).isEmpty();
            assertThat(text).contains("60 visits from 20 April 2026 to");
            assertFooters(document, "Ana-María O'Neil");
            assertFontsEmbedded(document);
        }
        assertTextInsideThePage(pdf, PDRectangle.A4);
    }

    // ---- fonts, vectors, bounds ------------------------------------------------------------------

    @Test
    void everyFontOnEveryPageIsEmbeddedIncludingTheFallbackForChinese() throws IOException {
        byte[] pdf = new ProgressReportRenderer().render(handMade("李小龙 Zoë Ødegård", PaperSize.A4, null,
                progress("Zoë", "Ødegård", 8, "李小龙 — Ana-María O'Neil")));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertFontsEmbedded(document);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans")).anyMatch(f -> f.contains("DroidSansFallback"));
        }
    }

    @Test
    void chartsAreDrawnAsVectorsNeverAsPictures() throws IOException {
        ProgressService.Progress progress = progress("Zoë", "Ødegård", 8, SUMMARY);
        List<String> titles = progress.charts().stream().filter(ProgressChart::hasData).map(ProgressChart::title)
                .toList();
        assertThat(titles).hasSizeGreaterThan(3);

        byte[] pdf = report(progress);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = pageTexts(document);
            String all = String.join("\n", pages);
            for (String title : titles) {
                assertThat(all).contains(title);
            }
            int firstChartPage = -1;
            for (int i = 0; i < pages.size() && firstChartPage < 0; i++) {
                if (pages.get(i).contains("Progress across visits\n")) {
                    firstChartPage = i;
                }
            }
            assertThat(firstChartPage).as("the charts' heading").isNotNegative();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i);
                assertThat(images(page)).as("images on page %d", i + 1).isEmpty();
                Painting painting = Painting.of(page);
                assertThat(painting.images).as("images drawn on page %d", i + 1).isZero();
                if (i >= firstChartPage) {
                    // the circles are Bézier curves; axes, gridlines and series are stroked paths
                    assertThat(painting.curves).as("curves on page %d", i + 1).isPositive();
                    assertThat(painting.lines).as("lines on page %d", i + 1).isGreaterThan(10);
                    assertThat(painting.strokes).as("strokes on page %d", i + 1).isGreaterThan(10);
                    assertThat(painting.fills).as("fills on page %d", i + 1).isPositive();
                }
            }
        }
    }

    @Test
    void withALogoTheOnlyPictureIsTheLogoOnTheFirstPage() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        ClinicLogo logo = new ClinicLogo("image/png", png.toByteArray());

        byte[] pdf = new ProgressReportRenderer().render(handMade("Zoë Ødegård", PaperSize.A4, logo,
                progress("Zoë", "Ødegård", 8, SUMMARY)));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(Painting.of(document.getPage(0)).images).isEqualTo(1);
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                assertThat(images(document.getPage(i))).as("images on page %d", i + 1).isEmpty();
                assertThat(Painting.of(document.getPage(i)).images).as("images drawn on page %d", i + 1).isZero();
            }
        }
    }

    static Stream<Arguments> papers() {
        return Stream.of(Arguments.of(PaperSize.A4, PDRectangle.A4),
                Arguments.of(PaperSize.US_LETTER, PDRectangle.LETTER));
    }

    @ParameterizedTest
    @MethodSource("papers")
    void allTextLiesInsideThePageOnEitherPaper(PaperSize paper, PDRectangle size) throws IOException {
        for (int visits : new int[] {0, 1, 8, 60}) {
            byte[] pdf = new ProgressReportRenderer().render(handMade("Ana-María O'Neil", paper, null,
                    progress("Ana-María", "O'Neil", visits, SUMMARY)));
            assertTextInsideThePage(pdf, size);
        }
    }

    /**
     * The stage issued is written under the time axis where it changes; when it changes at the last
     * visit, the label sits at the chart's right edge and must still end inside the chart (and the margin).
     */
    @ParameterizedTest
    @MethodSource("papers")
    void aStageLabelAtTheLastVisitStaysInsideTheChart(PaperSize paper, PDRectangle size) throws IOException {
        Patient patient = VisitFixture.patient("Zoë", "Ødegård");
        List<Visit> visits = VisitFixture.visits(patient, 3, 7);
        for (Stage last : Stage.values()) {
            List<ProgressCharts.Entry> entries = List.of(new ProgressCharts.Entry(visits.get(0), "1 Connect"),
                    new ProgressCharts.Entry(visits.get(1), "2 Low load"),
                    new ProgressCharts.Entry(visits.get(2), Messages.name(last)));
            ProgressService.Progress progress = new ProgressService.Progress(patient, entries, null,
                    ProgressCharts.build(entries), "");
            byte[] pdf = new ProgressReportRenderer().render(handMade("Zoë Ødegård", paper, null, progress));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                for (List<TextPosition> page : positions(document)) {
                    assertThat(page).allSatisfy(p -> assertThat(p.getXDirAdj() + p.getWidthDirAdj())
                            .as("right edge of '%s' with %s at the last visit", p.getUnicode(), Messages.name(last))
                            .isLessThanOrEqualTo(size.getWidth() - PageFlow.MARGIN + 1));
                }
            }
        }
    }

    @Test
    void longNamesAndUnbrokenWordsStayInsideThePage() throws IOException {
        String name = "Ana-María Josefina O'Neil-Ødegård ".repeat(4).strip();
        String summary = "See https://example.org/" + "very-long-path-segment-".repeat(12) + "end\n"
                + "李小龙".repeat(80);
        byte[] pdf = new ProgressReportRenderer().render(handMade(name, PaperSize.US_LETTER, null,
                progress("Ana-María", "O'Neil", 8, summary)));

        assertTextInsideThePage(pdf, PDRectangle.LETTER);
        String text = collapsed(text(pdf)).replace(" ", "");
        assertThat(text).contains("李小龙".repeat(80));
    }

    // ---- writing the file ------------------------------------------------------------------------

    @Test
    void writeReportWritesTheWholeFileAndLeavesNoPartialFile() throws IOException {
        Path out = Files.createDirectories(folder.resolve("out-" + System.nanoTime()));
        Path file = out.resolve("Zoë Ødegård progress.pdf");
        ProgressService.Progress progress = progress("Zoë", "Ødegård", 8, SUMMARY);

        services.progress().writeReport(progress, file);

        assertThat(file).isRegularFile();
        byte[] written = Files.readAllBytes(file);
        try (PDDocument document = Loader.loadPDF(written)) {
            assertThat(document.getNumberOfPages()).isPositive();
            assertFooters(document, "Zoë Ødegård");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Zoë Ødegård progress.pdf");
        }
    }

    @Test
    void writeReportReplacesAnEarlierFile() throws IOException {
        Path out = Files.createDirectories(folder.resolve("out-" + System.nanoTime()));
        Path file = out.resolve("report.pdf");
        Files.writeString(file, "an older file that is not a PDF");

        services.progress().writeReport(progress("小龙", "李", 2, ""), file);

        assertThat(text(Files.readAllBytes(file))).contains("小龙 李, born 14 March 1991");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.pdf");
        }
    }

    @Test
    void writeReportToAMissingFolderFailsAndWritesNothing() {
        Path missing = folder.resolve("missing-" + System.nanoTime()).resolve("report.pdf");

        assertThatThrownBy(() -> services.progress().writeReport(progress("Zoë", "Ødegård", 2, ""), missing))
                .isInstanceOf(IOException.class);

        assertThat(missing.getParent()).doesNotExist();
    }

    // ---- for a screen reader, a document system and a reader who jumps to a section ----------------

    @Test
    void theReportIsTaggedWithHeadingsTablesAndChartsInWordsAndHasABookmarkForEachSection() throws IOException {
        ProgressService.Progress progress = progress("Sofia", "Griffin", 4, SUMMARY);
        byte[] pdf = report(progress);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Progress report");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Ingrid Hansen, " + CLINIC);
            assertThat(String.join(" ", document.getDocumentInformation().getMetadataKeys().stream()
                    .map(k -> String.valueOf(document.getDocumentInformation().getCustomMetadataValue(k))).toList()))
                    .doesNotContain("Sofia").doesNotContain("Griffin");
            assertThat(text(pdf)).contains("Sofia Griffin, born");
            assertThat(HandoutAccessibilityTest.raw(pdf)).contains("Sofia", "Griffin", "floor")
                    .doesNotContainPattern("[\uFB00-\uFB06]");

            TaggedPdf.Element root = TaggedPdf.read(document);
            List<String> sections = root.ofType("H2").stream().map(TaggedPdf.Element::text).toList();
            assertThat(root.ofType("H1")).extracting(TaggedPdf.Element::text).containsExactly("Progress report");
            assertThat(sections).startsWith("Current stage: 4 Impact prep").contains("Summary", "First and latest visit",
                    "Visits", "Progress across visits");
            // the criteria, the comparison and the visits are tables whose first row is their header
            List<TaggedPdf.Element> tables = root.ofType("Table");
            assertThat(tables).hasSize(3);
            assertThat(tables.get(0).kids().get(0).kids()).extracting(TaggedPdf.Element::text)
                    .containsExactly("Criterion", "Status", "Evidence");
            assertThat(tables.get(2).kids()).hasSize(1 + 4);
            assertThat(tables.get(2).kids().get(1).kids()).extracting(TaggedPdf.Element::type).containsOnly("TD");
            // each chart with data: its heading, then a figure whose words say what it shows
            List<ProgressChart> shown = progress.charts().stream().filter(ProgressChart::hasData).toList();
            List<TaggedPdf.Element> figures = root.ofType("Figure");
            assertThat(figures).hasSize(shown.size());
            assertThat(root.ofType("H3")).extracting(TaggedPdf.Element::text)
                    .containsExactlyElementsOf(shown.stream().map(ProgressChart::title).toList());
            for (int i = 0; i < shown.size(); i++) {
                assertThat(figures.get(i).alt()).startsWith("Chart of " + shown.get(i).title() + ": ");
                for (var series : shown.get(i).series()) {
                    if (!series.values().isEmpty()) {
                        var first = series.values().get(0);
                        assertThat(figures.get(i).alt()).contains(series.name())
                                .contains(first.text() + " on " + shortDate(first.date()));
                    }
                }
            }
            assertThat(root.fullText()).doesNotContain("made with Rebound");

            // a bookmark for each section, in order, leading to the page its heading is on
            var outline = document.getDocumentCatalog().getDocumentOutline();
            List<String> bookmarks = new ArrayList<>();
            for (var item : outline.children()) {
                bookmarks.add(item.getTitle());
                var destination = (org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination
                        .PDPageDestination) item.getDestination();
                int page = destination.retrievePageNumber();
                assertThat(pageTexts(document).get(page)).contains(item.getTitle());
            }
            assertThat(bookmarks).containsExactlyElementsOf(sections);
        }
    }

    private static String shortDate(LocalDate date) {
        return ProgressReportRenderer.shortDate(date);
    }
}
