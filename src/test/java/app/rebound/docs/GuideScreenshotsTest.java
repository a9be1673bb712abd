package app.rebound.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the screenshot generator and the documents in step, cheaply (no window is opened): every
 * picture the README and the guides show is one {@link GuideScreenshots} takes, each one it takes is
 * shown somewhere and is in docs/images, and the script runs that class.
 */
class GuideScreenshotsTest {

    private static final Pattern IMAGE = Pattern.compile("images/([A-Za-z0-9._-]+\\.png)");

    @Test
    void theDocsShowOnlyPicturesTheGeneratorTakes() throws IOException {
        assertThat(new TreeSet<>(GuideScreenshots.IMAGES)).containsAll(referenced());
    }

    @Test
    void everyPictureTakenIsShownAndCommitted() throws IOException {
        assertThat(referenced()).containsAll(GuideScreenshots.IMAGES);
        for (String image : GuideScreenshots.IMAGES) {
            assertThat(Path.of("docs/images", image)).as(image).isRegularFile();
        }
        try (Stream<Path> files = Files.list(Path.of("docs/images"))) {
            List<String> present = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".png")).toList();
            assertThat(GuideScreenshots.IMAGES).as("pictures in docs/images that nothing makes")
                    .containsAll(present);
        }
    }

    @Test
    void theScriptRunsTheGenerator() throws IOException {
        String script = Files.readString(Path.of("docs/make-screenshots.sh"));
        assertThat(script).contains(GuideScreenshots.class.getName()).contains("xvfb-run");
    }

    private static Set<String> referenced() throws IOException {
        Set<String> found = new TreeSet<>();
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        for (Path document : documents) {
            Matcher matcher = IMAGE.matcher(Files.readString(document));
            while (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
