package app.rebound.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Rebound is and what it is made of: its version and build, the Java runtime it runs on, and
 * every component with its licence, read from the CycloneDX bill of materials the build puts in the
 * jar ({@value #SBOM}), plus the fonts the handouts embed. For {@code --version} and Help, About.
 */
public final class ProductInfo {

    public static final String SBOM = "/META-INF/sbom/rebound.cdx.json";
    public static final String NOTICES = "/app/rebound/about/THIRD-PARTY-NOTICES.txt";
    private static final String BUILD = "/app/rebound/about/build.properties";

    /** A part of the program, with the licence it is used under. */
    public record Component(String name, String version, String licence) {
    }

    /** The fonts embedded in handouts and reports (src/main/resources/app/rebound/fonts). */
    public static final List<Component> FONTS = List.of(
            new Component("DejaVu Sans (font)", "2.37", "Bitstream Vera licence; DejaVu changes public domain"),
            new Component("Droid Sans Fallback (font)", "—", "Apache-2.0"),
            new Component("Nanum Gothic (font)", "—", "OFL-1.1"));

    private ProductInfo() {
    }

    /** The version, e.g. "0.1.0". */
    public static String version() {
        return build().getProperty("version", "unknown");
    }

    /** When the jar was built (UTC). */
    public static String built() {
        return build().getProperty("built", "unknown");
    }

    /** The Java runtime: its version and vendor. */
    public static String runtime() {
        return System.getProperty("java.runtime.version", System.getProperty("java.version", "?")) + " ("
                + System.getProperty("java.vendor", "?") + ")";
    }

    /** One line for {@code --version}. */
    public static String versionLine() {
        return "Rebound " + version() + " (built " + built() + "), Java " + runtime();
    }

    /**
     * Every component of the bill of materials once (JavaFX's platform jars and its plain jars are one
     * component each), in its order, then the fonts.
     */
    public static List<Component> components() {
        Map<String, Component> byName = new LinkedHashMap<>();
        try (InputStream in = resource(SBOM)) {
            JsonNode bom = new ObjectMapper().readTree(in);
            for (JsonNode c : bom.path("components")) {
                String group = c.path("group").asText("");
                String name = (group.isEmpty() ? "" : group + ":") + c.path("name").asText();
                List<String> licences = new ArrayList<>();
                for (JsonNode l : c.path("licenses")) {
                    JsonNode licence = l.path("license");
                    String id = licence.path("id").asText(licence.path("name").asText(l.path("expression").asText("")));
                    if (!id.isBlank()) {
                        licences.add(id);
                    }
                }
                byName.putIfAbsent(name, new Component(name, c.path("version").asText(),
                        licences.isEmpty() ? "see the notices" : String.join(" or ", licences)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Component> all = new ArrayList<>(byName.values());
        all.addAll(FONTS);
        return all;
    }

    /** The third-party notices and licence texts, as shipped. */
    public static String notices() {
        try (InputStream in = resource(NOTICES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = resource(BUILD)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ProductInfo.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing from the program: " + name + " (a broken build or installation)");
        }
        return in;
    }
}
