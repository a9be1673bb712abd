package app.rebound.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.rebound.domain.PaperSize;
import app.rebound.domain.visit.Stage;

/** The handout read back: names exact in every script, exercises, doses, rules, fonts, pages, bounds. */
class HandoutRendererTest {

    private final HandoutRenderer renderer = new HandoutRenderer();

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Ødegård", "李小龙", "Ana-María O'Neil", "Σοφία Παπαδοπούλου", "Анна Иванова",
        "Łucja Kowalska-Nowak", "김민지", "山田 花子"})
    void everyNameComesBackExactlyAsItWentIn(String name) throws IOException {
        byte[] pdf = renderer.render(HandoutSamples.forStage(Stage.LOW_LOAD, name, PaperSize.A4));
        String text = Normalizer.normalize(text(pdf), Normalizer.Form.NFC);
        assertThat(text).contains(name + " · ");
        assertThat(text).doesNotContain("\uFFFD");
    }

    @Test
    void printsEveryExerciseWithItsDoseTheRulesTheWalkRunPlanAndTheTickGrid() throws IOException {
        Handout handout = HandoutSamples.forStage(Stage.WALK_RUN, "Zoë Ødegård", PaperSize.A4);
        String text = text(renderer.render(handout));
        for (Handout.Item item : handout.exercises()) {
            assertThat(text).contains(item.exercise().name());
        }
        // pelvic floor dose from PERFECT (E=6, R=5, F=8)
        assertThat(text).contains("Hold 6 seconds, 5 times").contains("8 times");
        assertThat(text).contains("Stop or step back, and tell your physiotherapist")
                .contains("Leaking of urine, stool or wind")
                .contains("if symptoms start while running, stop and walk")
                .contains("Change only one thing at a time");
        assertThat(text).contains("Your walk-run plan").contains("30:00 non-stop");
        // the walk-run exercise's dose line points to the plan (whose first week is 10 rounds): no other count
        int exercise = text.indexOf("Walk-run intervals");
        assertThat(exercise).isNotNegative();
        String afterTitle = text.substring(exercise + "Walk-run intervals".length()).strip();
        assertThat(afterTitle).startsWith("Runs, walks and rounds as in your walk-run plan below");
        assertThat(text).contains("Tick the days you did your exercises").contains("Week 4");
        assertThat(text).contains("Come back to see your physiotherapist in 4 weeks.");
        assertThat(text).contains("Your stage: 5 Walk-run");
        assertThat(text).contains("Fjord Physio — Bergen").contains("Physiotherapist: Ingrid Hansen");
    }

    @Test
    void everyFontIsEmbeddedAndNoStandardFontIsUsed() throws IOException {
        byte[] pdf = renderer.render(HandoutSamples.forStage(Stage.BUILD, "李小龙 Zoë", PaperSize.A4));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans")).anyMatch(f -> f.contains("DroidSansFallback"));
        }
    }

    @Test
    void eachScriptIsSetInTheFirstFontOfTheChainThatHasIt() throws IOException {
        assertThat(fontsOf(renderer.render(HandoutSamples.forStage(Stage.BUILD, "Zoë Ødegård", PaperSize.A4))))
                .as("Latin needs no fallback font")
                .allMatch(f -> f.contains("DejaVuSans")).anyMatch(f -> f.contains("DejaVuSans-Bold"));
        assertThat(fontsOf(renderer.render(HandoutSamples.forStage(Stage.BUILD, "민지 김", PaperSize.A4))))
                .anyMatch(f -> f.contains("NanumGothic")).noneMatch(f -> f.contains("DroidSansFallback"));
        assertThat(fontsOf(renderer.render(HandoutSamples.forStage(Stage.BUILD, "芳 王", PaperSize.A4))))
                .anyMatch(f -> f.contains("DroidSansFallback")).noneMatch(f -> f.contains("NanumGothic"));
    }

    private static Set<String> fontsOf(byte[] pdf) throws IOException {
        Set<String> fonts = new TreeSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
        }
        return fonts;
    }

    @Test
    void allTextLiesInsideThePageAndTheBodyIsElevenPointOrLarger() throws IOException {
        for (PaperSize paper : PaperSize.values()) {
            byte[] pdf = renderer.render(HandoutSamples.forStage(Stage.WALK_RUN, "Ana-María O'Neil", paper));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDRectangle expected = paper == PaperSize.A4 ? PDRectangle.A4 : PDRectangle.LETTER;
                assertThat(document.getNumberOfPages()).isBetween(2, 12);
                List<TextPosition> positions = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        positions.add(text);
                        super.processTextPosition(text);
                    }
                };
                stripper.getText(document);
                for (PDPage page : document.getPages()) {
                    assertThat(page.getMediaBox().getWidth()).isEqualTo(expected.getWidth());
                    assertThat(page.getMediaBox().getHeight()).isEqualTo(expected.getHeight());
                }
                assertThat(positions).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.getXDirAdj()).isGreaterThanOrEqualTo(PageFlow.MARGIN - 1);
                    assertThat(p.getXDirAdj() + p.getWidthDirAdj()).isLessThanOrEqualTo(
                            expected.getWidth() - PageFlow.MARGIN + 1);
                    assertThat(p.getYDirAdj()).isBetween(0f, expected.getHeight());
                });
                // everything but the page footer is set at 11 pt or larger
                assertThat(positions.stream().filter(p -> p.getYDirAdj() < expected.getHeight() - PageFlow.MARGIN + 4))
                        .allSatisfy(p -> assertThat(p.getFontSizeInPt()).isGreaterThanOrEqualTo(11f));
            }
        }
    }

    @Test
    void longNamesAndSevenSessionsAWeekStayInsideThePage() throws IOException {
        Handout base = HandoutSamples.forStage(Stage.WALK_RUN, "Ana-María Josefina O'Neil-Ødegård ".repeat(4).strip(),
                PaperSize.US_LETTER);
        List<Handout.WalkRunRow> weeks = base.walkRun().stream()
                .map(w -> new Handout.WalkRunRow(w.week(), 7, w.runSeconds(), w.walkSeconds(), w.repeats())).toList();
        Handout handout = new Handout("Fjord Physio and Pelvic Health Centre — Bergen ".repeat(5).strip(), null,
                "Ingrid Hansen-Ødegård ".repeat(6).strip(), PaperSize.US_LETTER, base.patientName(), base.date(),
                base.stage(), base.exercises(), weeks, base.reviewInWeeks());
        List<TextPosition> positions = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(renderer.render(handout))) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    positions.add(text);
                    super.processTextPosition(text);
                }
            };
            String text = stripper.getText(document);
            assertThat(text).contains("☐☐☐☐☐☐☐");
        }
        assertThat(positions).isNotEmpty().allSatisfy(p -> assertThat(p.getXDirAdj() + p.getWidthDirAdj())
                .isLessThanOrEqualTo(PDRectangle.LETTER.getWidth() - PageFlow.MARGIN + 1));
    }

    @Test
    void longNotesWrapAndAreNeverLost() throws IOException {
        Handout base = HandoutSamples.forStage(Stage.CONNECT, "Zoë Ødegård", PaperSize.A4);
        String notes = "Remember to breathe out on the effort. ".repeat(40).strip();
        List<Handout.Item> items = new ArrayList<>(base.exercises());
        items.set(0, new Handout.Item(items.get(0).exercise(), items.get(0).dose(), notes));
        Handout handout = new Handout(base.clinicName(), null, base.clinicianName(), base.paper(), base.patientName(),
                base.date(), base.stage(), items, base.walkRun(), base.reviewInWeeks());
        String text = text(renderer.render(handout)).replaceAll("\\s+", " ");
        assertThat(text).contains(notes);
    }
}
