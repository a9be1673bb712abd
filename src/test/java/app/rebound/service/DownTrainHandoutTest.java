package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.FindingsFixture;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;

/**
 * A handout for an overactive floor (clinical reference §9, DOWN_TRAIN), read back from the PDF: no
 * sentence asks her to squeeze, lift, draw in, brace, clench or tighten her pelvic floor, tummy, belly or
 * "inside", at any stage; the same visit with a normal tone does ask (so the check can fail).
 */
class DownTrainHandoutTest {

    /** An ask to contract, written here apart from the product's own check. */
    private static final Pattern VERB = Pattern.compile("\\b(squeez\\w*|lift\\w*|draw\\w*|brac\\w*|clench\\w*|tighten\\w*)\\b");
    private static final Pattern PART = Pattern.compile("\\b(pelvic floor|tummy|belly|inside)\\b");
    /** What may stand beside those words: not asks. */
    private static final List<String> FINE = List.of("do not squeeze", "lift your hips", "lift your top leg",
            "lift one foot", "lift your top arm", "lift one knee", "lift your knees", "lift your leg");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Stage.class)
    void noSentenceAsksHerToContract(Stage stage) throws Exception {
        try (Services services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK)) {
            Patient patient = services.patients().save(VisitFixture.patient("Zoë", "Ødegård"));
            FindingsFixture findings = new FindingsFixture().floor(4, false, Relaxation.COMPLETE, Tone.HIGH)
                    .gap(IrdUnit.FINGER_WIDTHS, "2.5", true);
            Visit visit = services.visits().save(findings.visit(patient.id(), LocalDate.of(2026, 11, 20), stage))
                    .visit();
            ProgrammeService.Context context = services.programmes().open(visit.id());

            List<String> asks = asks(text(services.programmes().handout(context, context.programme())));

            assertThat(asks).isEmpty();

            FindingsFixture normal = new FindingsFixture().floor(4, false, Relaxation.COMPLETE, Tone.NORMAL);
            Visit usual = services.visits().save(normal.visit(patient.id(), LocalDate.of(2026, 11, 21), stage)).visit();
            ProgrammeService.Context usualContext = services.programmes().open(usual.id());
            assertThat(asks(text(services.programmes().handout(usualContext, usualContext.programme()))))
                    .as("a normal floor's handout asks her to lift").isNotEmpty();
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The sentences that ask her to contract (lines joined: a sentence may wrap). */
    static List<String> asks(String text) {
        String joined = text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return Arrays.stream(joined.split("(?<=[.!?:])\\s+")).filter(sentence -> {
            String rest = sentence;
            for (String fine : FINE) {
                rest = rest.replace(fine, " ");
            }
            return VERB.matcher(rest).find() && PART.matcher(rest).find();
        }).toList();
    }
}
