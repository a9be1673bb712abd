package app.rebound.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;

import org.junit.jupiter.api.Test;

/**
 * The window reads the binary stylesheet the build makes from rebound.css: it must say what the CSS
 * says, rule for rule, so an edit of the CSS is never left out of the app.
 */
class ThemeStylesheetTest {

    @Test
    void theBinaryStylesheetHoldsEveryRuleOfTheCss() throws IOException {
        URL css = Theme.class.getResource("/app/rebound/ui/rebound.css");
        URL binary = Theme.class.getResource("/app/rebound/ui/rebound.bss");
        assertThat(binary).as("the build makes rebound.bss from rebound.css").isNotNull();

        List<String> fromCss = rules(new CssParser().parse(css));
        List<String> fromBinary = rules(Stylesheet.loadBinary(binary));

        assertThat(fromCss).hasSizeGreaterThan(20);
        assertThat(fromBinary).containsExactlyElementsOf(fromCss);
    }

    private static List<String> rules(Stylesheet stylesheet) {
        return stylesheet.getRules().stream().map(ThemeStylesheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        return rule.getSelectors() + " { " + rule.getDeclarations() + " }";
    }
}
