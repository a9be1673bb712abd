package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import app.rebound.domain.Patient;
import app.rebound.ui.kit.ScriptFonts;

/** Names in every script the handout prints show on screen in a font that has their letters, not boxes. */
@Tag("ui")
// in a JVM of its own (pom.xml, the "fonts" run): JavaFX builds its font fallback list at the first text it
// draws, so the bundled fonts must be loaded before any, as the program does in its init()
@Tag("fonts")
@ExtendWith(ApplicationExtension.class)
class ScriptFontsUiTest extends MainWindowFixture {

    private static final List<String> GIVEN = List.of("민지", "小龙", "Ζωή", "فاطمة", "Зоя");
    private static final List<String> FAMILY = List.of("김", "李", "Παπαδοπούλου", "الحسن", "Ødegård");

    @Override
    protected List<Patient> seed() {
        return IntStream.range(0, GIVEN.size())
                .mapToObj(i -> patient(GIVEN.get(i), FAMILY.get(i), LocalDate.of(1990, 1, 1 + i)))
                .toList();
    }

    @Start
    void start(Stage stage) {
        // as ReboundApp.init does: the fonts load on a thread of their own while the window is built, and
        // the theme waits for them before its first scene is styled (so this covers that wait too)
        ScriptFonts.startLoading();
        startWindow(stage);
    }

    @Test
    void everyScriptInThePatientListHasItsGlyphs(FxRobot robot) throws Exception {
        waitUntilReady();
        for (int i = 0; i < GIVEN.size(); i++) {
            String family = FAMILY.get(i);
            List<Text> shown = robot.lookup("#patientTable").lookup((Text t) -> t.getText() != null
                    && t.getText().contains(family)).queryAllAs(Text.class).stream().toList();
            assertThat(shown).as("%s shown in the list", family).isNotEmpty();
            for (Text text : shown) {
                for (int cp : text.getText().codePoints().filter(c -> !Character.isWhitespace(c) && c != ',')
                        .toArray()) {
                    Font font = text.getFont();
                    String letter = new String(Character.toChars(cp));
                    boolean drawnAsBox = WaitForAsyncUtils.asyncFx(() -> sameImage(draw(font, letter), draw(font, BOX))).get();
                    assertThat(drawnAsBox)
                            .as("%s in %s: U+%04X is drawn as the missing-glyph box", text.getText(), font.getName(), cp)
                            .isFalse();
                }
            }
        }
    }

    /** A private-use character no font here has: JavaFX draws its missing-glyph box for it. */
    private static final String BOX = "\uE0A7";

    private static Image draw(Font font, String letter) {
        Text text = new Text(letter);
        text.setFont(font);
        new Scene(new Group(text));
        return text.snapshot(null, null);
    }

    private static boolean sameImage(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
