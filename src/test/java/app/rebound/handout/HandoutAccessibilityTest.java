package app.rebound.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import app.rebound.domain.Messages;
import app.rebound.domain.PaperSize;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExerciseLibrary;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.FigureWords;
import app.rebound.domain.visit.Stage;

/**
 * The handout as a clinic's document system and a screen reader meet it: text that extracts exactly as
 * written (no ligature code points), the document's information and language, the tagged structure in
 * reading order with words for every picture, and no more paper than it needs.
 */
class HandoutAccessibilityTest {

    private static final String LIGATURES = "[\uFB00-\uFB06]";

    private final HandoutRenderer renderer = new HandoutRenderer();

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC);
        }
    }

    /**
     * The text layer as a copy or an extractor that does not clean up gets it: each glyph's own code
     * points from the font's ToUnicode map. PDFTextStripper's text is no test of it: it folds the
     * ligature code points back into letters (NFKC) and so hides the fault a clinic's tools see.
     */
    static String raw(byte[] pdf) throws IOException {
        StringBuilder raw = new StringBuilder();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    raw.append(text.getUnicode());
                    super.processTextPosition(text);
                }
            }.getText(document);
        }
        return raw.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void everyExerciseOfEveryStageReadsBackAsWrittenWithNoLigatureCodePoint(Stage stage) throws IOException {
        // "fi" and "fl" are the pairs the font draws as one glyph: Sofia, Griffin, floor, fluffy
        Handout handout = HandoutSamples.forStage(stage, "Sofia Griffin-Ffloyd", PaperSize.A4);
        byte[] pdf = renderer.render(handout);
        String text = text(pdf);

        assertThat(raw(pdf)).contains("pelvic floor", "Sofia", "Griffin", "Ffloyd").doesNotContainPattern(LIGATURES);
        assertThat(text).contains("Sofia Griffin-Ffloyd · ");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // what a screen reader reads: each exercise's name and steps exactly as written
            TaggedPdf.Element root = TaggedPdf.read(document);
            assertThat(root.ofType("H3")).extracting(TaggedPdf.Element::text).containsExactlyElementsOf(
                    IntStream.range(0, handout.exercises().size())
                            .mapToObj(i -> (i + 1) + "  " + handout.exercises().get(i).exercise().name()).toList());
            assertThat(root.ofType("LBody")).extracting(TaggedPdf.Element::text).containsAll(handout.exercises()
                    .stream().flatMap(i -> i.exercise().instructions().stream()).toList());
            assertThat(root.fullText()).contains("Sofia Griffin-Ffloyd · ").doesNotContainPattern(LIGATURES);
        }
        String flat = oneLine(text);
        for (Handout.Item item : handout.exercises()) {
            Exercise exercise = item.exercise();
            assertThat(flat).contains(exercise.name());
            for (String step : exercise.instructions()) {
                assertThat(flat).contains(step);
            }
            for (String cue : exercise.cues()) {
                assertThat(flat).contains(cue);
            }
        }
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("Zoë Ødegård-Sofía", "Élévation du plancher pelvien",
                        "Serrez doucement, soulevez, puis relâchez complètement."),
                Arguments.of("Σοφία Παπαδοπούλου", "Ανύψωση πυελικού εδάφους", "Σφίξτε και ανυψώστε απαλά."),
                Arguments.of("Анна Иванова", "Подъём тазового дна", "Мягко сожмите и поднимите."),
                Arguments.of("王芳", "盆底肌收缩", "轻轻收紧并上提，然后放松。"),
                Arguments.of("山田 花子", "骨盤底筋のトレーニング", "ゆっくり締めて、持ち上げます。"),
                Arguments.of("김민지", "골반저근 운동", "천천히 조이고 들어 올리세요."));
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void namesExerciseNamesAndStepsReadBackExactlyInEveryScript(String patient, String name, String step)
            throws IOException {
        Exercise base = ExerciseLibrary.byCode("pf-holds-sitting").orElseThrow();
        Exercise exercise = new Exercise("clinic-" + name.hashCode(), name, base.stage(), ExerciseKind.GENERAL,
                step, List.of(step, step + " " + name), List.of(step), new Dose(1, 5, 0, 2, 7), step, step,
                base.illustration());
        Handout sample = HandoutSamples.forStage(Stage.LOW_LOAD, patient, PaperSize.A4);
        Handout handout = new Handout(sample.clinicName(), null, sample.clinicianName(), sample.paper(), patient,
                sample.date(), sample.stage(), List.of(new Handout.Item(exercise, exercise.defaultDose(), step)),
                List.of(), sample.reviewInWeeks());
        byte[] pdf = renderer.render(handout);

        String text = text(pdf);
        assertThat(raw(pdf)).doesNotContainPattern(LIGATURES).doesNotContain("\uFFFD");
        assertThat(text).contains(patient + " · ");
        String flat = oneLine(text);
        assertThat(flat).contains("1 " + name).contains(step + " " + name)
                .contains(Messages.format("handout.notes", step));
        // the structure carries the same words: her exercise's heading and its steps as a list
        try (PDDocument document = Loader.loadPDF(pdf)) {
            TaggedPdf.Element root = TaggedPdf.read(document);
            assertThat(root.ofType("H3")).extracting(TaggedPdf.Element::text).containsExactly("1  " + name);
            assertThat(root.ofType("LBody")).extracting(TaggedPdf.Element::text).contains(step,
                    step + " " + name);
            assertThat(root.ofType("Figure")).extracting(TaggedPdf.Element::alt)
                    .containsExactly(Messages.format("figure.unnamed", name));
        }
    }

    @Test
    void theInformationNamesTheDocumentAndWhoMadeItButNeverThePatient() throws IOException {
        String patient = "Ana-María O'Neil";
        byte[] pdf = renderer.render(HandoutSamples.forStage(Stage.BUILD, patient, PaperSize.A4));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Your home programme");
            assertThat(info.getAuthor()).isEqualTo("Ingrid Hansen, Fjord Physio — Bergen");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            for (String key : info.getMetadataKeys()) {
                assertThat(String.valueOf(info.getCustomMetadataValue(key))).as(key).doesNotContain("Ana", "O'Neil");
            }
            assertThat(document.getDocumentCatalog().getMetadata()).isNull();
        }
    }

    @Test
    void aHandoutWithNeitherClinicNorClinicianHasNoAuthor() throws IOException {
        Handout sample = HandoutSamples.forStage(Stage.CONNECT, "Zoë", PaperSize.A4);
        Handout handout = new Handout(null, null, " ", sample.paper(), sample.patientName(), sample.date(),
                sample.stage(), sample.exercises(), sample.walkRun(), sample.reviewInWeeks());
        try (PDDocument document = Loader.loadPDF(renderer.render(handout))) {
            assertThat(document.getDocumentInformation().getAuthor()).isNull();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Your home programme");
        }
    }

    @Test
    void theStructureHasHeadingsListsTablesAndDescribedFiguresInReadingOrder() throws IOException {
        Handout handout = HandoutSamples.forStage(Stage.WALK_RUN, "Zoë Ødegård", PaperSize.A4);
        byte[] pdf = renderer.render(handout);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            TaggedPdf.Element root = TaggedPdf.read(document);
            assertThat(root.type()).isEqualTo("Document");
            List<TaggedPdf.Element> all = root.all();

            assertThat(root.ofType("H1")).extracting(TaggedPdf.Element::text).containsExactly("Your home programme");
            assertThat(root.ofType("H2")).extracting(TaggedPdf.Element::text).containsExactly(
                    "Your stage: 5 Walk-run", Messages.get("handout.rules.title"), "Your exercises",
                    "Your walk-run plan", "Tick the days you did your exercises");
            // the heading comes first, then who it is for
            assertThat(all.indexOf(root.ofType("H1").get(0))).isLessThan(all.indexOf(root.ofType("H2").get(0)));
            assertThat(root.fullText()).contains("Zoë Ødegård · ")
                    .contains("Fjord Physio — Bergen").contains("Physiotherapist: Ingrid Hansen");

            // the stop signs: a list of five, each with its bullet and its words
            TaggedPdf.Element rules = root.ofType("L").get(0);
            assertThat(rules.kids()).extracting(TaggedPdf.Element::type).containsOnly("LI").hasSize(5);
            assertThat(rules.kids().get(2).fullText()).isEqualTo("• " + Messages.get("handout.rules.3"));

            // each exercise: a section with its heading, its picture in words, its dose, and its steps as a list
            List<TaggedPdf.Element> sections = root.ofType("Sect");
            assertThat(sections).hasSize(handout.exercises().size());
            for (int i = 0; i < sections.size(); i++) {
                Exercise exercise = handout.exercises().get(i).exercise();
                TaggedPdf.Element section = sections.get(i);
                assertThat(section.kids().get(0).type()).isEqualTo("H3");
                assertThat(section.kids().get(0).text()).isEqualTo((i + 1) + "  " + exercise.name());
                assertThat(section.kids().get(1).type()).isEqualTo("Figure");
                assertThat(section.kids().get(1).alt()).isEqualTo(FigureWords.of(exercise)).isNotBlank();
                assertThat(section.kids().get(2).type()).isEqualTo("P");
                List<TaggedPdf.Element> steps = section.ofType("LI");
                assertThat(steps).hasSize(exercise.instructions().size());
                for (int s = 0; s < steps.size(); s++) {
                    assertThat(steps.get(s).ofType("Lbl").get(0).text()).isEqualTo((s + 1) + ".");
                    assertThat(steps.get(s).ofType("LBody").get(0).text()).isEqualTo(exercise.instructions().get(s));
                }
            }

            // the walk-run plan and the tick sheet are tables whose first row holds the column headers
            List<TaggedPdf.Element> tables = root.ofType("Table");
            assertThat(tables).hasSize(2);
            TaggedPdf.Element plan = tables.get(0);
            assertThat(plan.kids()).hasSize(handout.walkRun().size() + 1);
            assertThat(plan.kids().get(0).kids()).extracting(TaggedPdf.Element::type).containsOnly("TH");
            assertThat(plan.kids().get(0).kids()).extracting(TaggedPdf.Element::text).containsExactly("Week",
                    "Sessions", "Run", "Walk", "Repeats", "Running in all", "Done");
            assertThat(plan.kids().get(1).kids()).extracting(TaggedPdf.Element::type).containsOnly("TD");
            assertThat(plan.kids().get(1).kids().get(0).text()).isEqualTo("1");
            TaggedPdf.Element ticks = tables.get(1);
            assertThat(ticks.kids()).hasSize(handout.reviewInWeeks() + 1);
            assertThat(ticks.kids().get(1).kids().get(0).type()).isEqualTo("TH");
            assertThat(ticks.kids().get(1).kids().get(0).text()).isEqualTo("Week 1");

            // the page footers are artefacts, not part of what is read
            assertThat(root.fullText()).doesNotContain("made with Rebound");
            assertThat(text(pdf)).contains("made with Rebound");
            // reading order: the sections come in the order of the headings
            assertThat(all.indexOf(root.ofType("H2").get(2))).isLessThan(all.indexOf(sections.get(0)));
            assertThat(all.indexOf(sections.get(sections.size() - 1))).isLessThan(all.indexOf(plan));
            assertThat(all.indexOf(plan)).isLessThan(all.indexOf(ticks));
        }
    }

    @Test
    void aClinicsPhotoIsAFigureInWordsAndADamagedOneGivesWayToTheDescribedDrawing() throws IOException {
        BufferedImage image = new BufferedImage(40, 30,
                BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] damaged = png.toByteArray().clone();
        Arrays.fill(damaged, 20, damaged.length, (byte) 7);
        Handout sample = HandoutSamples.forStage(Stage.BUILD, "Zoë Ødegård", PaperSize.A4);
        List<Handout.Item> items = new ArrayList<>(sample.exercises());
        Handout.Item first = items.get(0);
        Handout.Item second = items.get(1);
        items.set(0, new Handout.Item(first.exercise(), first.dose(), null,
                new ExercisePhoto("image/png", png.toByteArray())));
        items.set(1, new Handout.Item(second.exercise(), second.dose(), null,
                new ExercisePhoto("image/png", damaged)));
        Handout handout = new Handout(sample.clinicName(), null, sample.clinicianName(), sample.paper(),
                sample.patientName(), sample.date(), sample.stage(), items, sample.walkRun(), sample.reviewInWeeks());
        try (PDDocument document = Loader.loadPDF(renderer.render(handout))) {
            List<TaggedPdf.Element> figures = TaggedPdf.read(document).ofType("Figure");
            assertThat(figures).hasSize(items.size());
            assertThat(figures.get(0).alt()).isEqualTo("Photo of the exercise: " + first.exercise().name());
            assertThat(figures.get(1).alt()).isEqualTo(FigureWords.of(second.exercise()));
        }
    }

    @Test
    void everyPageSaysWhereItsMarkedContentBelongs() throws IOException {
        byte[] pdf = renderer.render(HandoutSamples.forStage(Stage.IMPACT_PREP, "Zoë Ødegård", PaperSize.US_LETTER));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var root = document.getDocumentCatalog().getStructureTreeRoot();
            assertThat(root.getParentTreeNextKey()).isEqualTo(document.getNumberOfPages());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                assertThat(document.getPage(i).getStructParents()).isEqualTo(i);
            }
            assertThat(root.getParentTree()).isNotNull();
        }
    }

    /** The suggested programme of the stage, topped up (or cut) to {@code count} exercises from the library. */
    static Handout withExercises(Stage stage, int count, PaperSize paper) {
        Handout sample = HandoutSamples.forStage(stage, "Zoë Ødegård", paper);
        Set<String> codes = new LinkedHashSet<>();
        List<Handout.Item> items = new ArrayList<>();
        for (Handout.Item item : sample.exercises()) {
            if (items.size() < count && codes.add(item.exercise().code())) {
                items.add(item);
            }
        }
        List<Exercise> more = new ArrayList<>(ExerciseLibrary.forStage(stage));
        more.addAll(ExerciseLibrary.shipped());
        for (Exercise exercise : more) {
            if (items.size() < count && codes.add(exercise.code())) {
                items.add(new Handout.Item(exercise, exercise.defaultDose(), null));
            }
        }
        return new Handout(sample.clinicName(), null, sample.clinicianName(), paper, sample.patientName(),
                sample.date(), stage, items, sample.walkRun(), sample.reviewInWeeks());
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void nineExercisesFitOnFourA4PagesWithTheStopSignsOnTheFirst(Stage stage) throws IOException {
        Handout planned = withExercises(stage, 9, PaperSize.A4);
        // the exercises and the tick sheet; a walk-run plan (up to 24 weeks) is a table of its own, below
        Handout handout = new Handout(planned.clinicName(), null, planned.clinicianName(), planned.paper(),
                planned.patientName(), planned.date(), stage, planned.exercises(), List.of(), planned.reviewInWeeks());
        assertThat(handout.exercises()).hasSize(9);
        try (PDDocument document = Loader.loadPDF(renderer.render(handout))) {
            assertThat(document.getNumberOfPages()).as(stage.name()).isLessThanOrEqualTo(4);
            String first = page(document, 1);
            assertThat(first).contains(Messages.get("handout.rules.title"), Messages.get("handout.rules.5"));
            // the first page holds more than its header: the exercises start on it
            assertThat(first).contains("1  " + handout.exercises().get(0).exercise().name());
        }
    }

    @Test
    void aLongWalkRunPlanAddsAtMostOnePageAndItsTableIsCompact() throws IOException {
        Handout handout = withExercises(Stage.WALK_RUN, 9, PaperSize.A4);
        assertThat(handout.walkRun()).hasSizeGreaterThanOrEqualTo(20);
        try (PDDocument document = Loader.loadPDF(renderer.render(handout))) {
            assertThat(document.getNumberOfPages()).isLessThanOrEqualTo(5);
            // the plan's rows take less than 19 points each: 24 weeks in under half a page
            List<Float> rows = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    if (text.getUnicode().equals("×")) { // one in each week's row: "× 10"
                        rows.add(text.getYDirAdj());
                    }
                    super.processTextPosition(text);
                }
            };
            stripper.getText(document);
            assertThat(rows).hasSizeGreaterThan(10);
            for (int i = 1; i < rows.size(); i++) {
                float step = rows.get(i) - rows.get(i - 1);
                if (step > 0) { // the same page
                    assertThat(step).isLessThan(19f);
                }
            }
        }
    }

    private static String page(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
