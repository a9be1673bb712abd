package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Text sizes follow the clinician's zoom only if no rule fixes them in pixels: the root's font size is
 * the one px size of text (ui.kit.Theme scales it); every other size of text or of the space around it
 * is in em. Left in px, as documented in rebound.css: corner radii and border widths, and icon sizes (one rule per zoom step).
 */
class StylesheetSizesTest {

    /** Properties whose px values do not hold text, so need not follow the text size. */
    private static final Set<String> PX_ALLOWED = Set.of("-fx-border-radius", "-fx-background-radius",
            "-fx-border-width");

    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");
    private static final Pattern DECLARATION = Pattern.compile("(-fx-[a-z-]+)\\s*:\\s*([^;]*);");
    private static final Pattern PX = Pattern.compile("\\d(px)\\b");

    @Test
    void noRuleButTheRootsSetsAPixelSizeThatShouldFollowTheTextSize() throws IOException {
        String css = read("/app/rebound/ui/rebound.css").replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> offenders = new ArrayList<>();
        int fontSizes = 0;
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            String selector = rule.group(1).strip();
            Matcher declaration = DECLARATION.matcher(rule.group(2));
            while (declaration.find()) {
                String property = declaration.group(1);
                String value = declaration.group(2);
                if (property.equals("-fx-font-size") || property.equals("-fx-font")) {
                    fontSizes++;
                }
                boolean rootFont = selector.equals(".root") && property.equals("-fx-font-size");
                // icons cannot be sized in em: each zoom step's class sizes them (see rebound.css)
                boolean icon = property.equals("-fx-icon-size");
                if (PX.matcher(value).find() && !rootFont && !icon && !PX_ALLOWED.contains(property)) {
                    offenders.add(selector + " { " + property + ": " + value + " }");
                }
            }
        }
        assertThat(fontSizes).as("the sheet read has its text sizes").isGreaterThan(15);
        assertThat(offenders).as("px sizes that would not follow the clinician's text size").isEmpty();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = StylesheetSizesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
