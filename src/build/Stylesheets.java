import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.css.Stylesheet;

/**
 * Build step (run by Maven with Java's source launcher, the project's compile class path): writes the
 * app's stylesheets in JavaFX's binary form, which JavaFX reads without its CSS parser.
 *
 * <ol>
 * <li>{@code rebound.bss} from {@code src/main/resources/app/rebound/ui/rebound.css};</li>
 * <li>{@code first-window.bss}: the rules of AtlantaFX's Primer Light whose selectors name only style
 * classes listed in {@code src/build/first-window-style-classes.txt}, in their order. Those are the
 * classes of the set-up and sign-in window; the rest (tables, menus, charts, AtlantaFX's own controls,
 * nine tenths of the theme) cannot match any node there. The first window is drawn with it, and the
 * whole theme replaces it just after (app.rebound.ui.kit.Theme). ThemeFirstWindowUiTest checks that the
 * window looks the same, pixel for pixel, with either.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp CLASSPATH Stylesheets.java PROJECT_DIR CLASSES_DIR}
 */
public final class Stylesheets {

    private static final String THEME = "atlantafx/base/theme/primer-light.css";
    private static final Pattern CLASS = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]).resolve("app/rebound/ui");
        Files.createDirectories(out);
        Stylesheet.convertToBinary(project.resolve("src/main/resources/app/rebound/ui/rebound.css").toFile(),
                out.resolve("rebound.bss").toFile());

        Set<String> classes = Set.copyOf(Files.readAllLines(project.resolve("src/build/first-window-style-classes.txt"))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        String theme;
        try (InputStream in = Stylesheets.class.getClassLoader().getResourceAsStream(THEME)) {
            if (in == null) {
                throw new IOException(THEME + " is not on the class path");
            }
            theme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder subset = new StringBuilder();
        int kept = 0;
        List<String[]> rules = rules(theme);
        for (String[] rule : rules) {
            List<String> selectors = new ArrayList<>();
            for (String selector : rule[0].split(",")) {
                String s = selector.strip();
                if (!s.isEmpty() && onlyThese(s, classes)) {
                    selectors.add(s);
                }
            }
            if (!selectors.isEmpty()) {
                subset.append(String.join(",\n", selectors)).append(" {").append(rule[1]).append("}\n");
                kept++;
            }
        }
        Path css = Files.createTempFile("first-window", ".css");
        try {
            Files.writeString(css, subset, StandardCharsets.UTF_8);
            Stylesheet.convertToBinary(css.toFile(), out.resolve("first-window.bss").toFile());
        } finally {
            Files.delete(css);
        }
        System.out.printf("stylesheets: rebound.bss; first-window.bss with %d of %d rules of Primer Light%n", kept,
                rules.size());
    }

    private static boolean onlyThese(String selector, Set<String> classes) {
        Matcher m = CLASS.matcher(selector);
        while (m.find()) {
            if (!classes.contains(m.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** The rules of a stylesheet without nested blocks: {selectors, declarations}; comments and strings kept whole. */
    static List<String[]> rules(String css) {
        List<String[]> rules = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        String selectors = null;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 1;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < css.length() && css.charAt(end) != c) {
                    end += css.charAt(end) == '\\' ? 2 : 1;
                }
                part.append(css, i, Math.min(end + 1, css.length()));
                i = end;
            } else if (c == '{') {
                if (selectors != null) {
                    throw new IllegalArgumentException("nested block near: " + part);
                }
                selectors = part.toString();
                part.setLength(0);
            } else if (c == '}') {
                if (selectors == null) {
                    throw new IllegalArgumentException("} without { near: " + part);
                }
                rules.add(new String[] {selectors.strip(), part.toString()});
                selectors = null;
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (selectors != null || !part.toString().isBlank()) {
            throw new IllegalArgumentException("the stylesheet ends inside a rule");
        }
        return rules;
    }
}
