package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bill of materials the build makes, the components Help, About lists and the third-party notices
 * agree: a dependency added or upgraded without its notice fails here.
 */
class ProductInfoTest {

    private static List<JsonNode> bomComponents() throws Exception {
        try (InputStream in = ProductInfo.class.getResourceAsStream(ProductInfo.SBOM)) {
            assertThat(in).as("the build puts the bill of materials in the jar").isNotNull();
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(in).path("components").forEach(all::add);
            return all;
        }
    }

    @Test
    void theBillOfMaterialsHoldsEveryRuntimeComponentAndNoTestOne() throws Exception {
        List<String> names = bomComponents().stream().map(c -> c.path("name").asText()).toList();

        assertThat(names).contains("h2", "jooq", "pdfbox", "javafx-controls", "logback-classic", "zxcvbn", "picocli")
                .doesNotContain("junit-jupiter", "assertj-core", "testfx-core", "jqwik", "json-schema-validator");
    }

    @Test
    void theNoticesNameEveryComponentOfTheBillOfMaterialsAtItsVersion() throws Exception {
        String notices = ProductInfo.notices();

        for (JsonNode c : bomComponents()) {
            String name = c.path("name").asText();
            String version = c.path("version").asText();
            assertThat(notices).as("the notices name %s", name).contains(name);
            assertThat(notices).as("the notices give %s's version %s", name, version).contains(version);
        }
        assertThat(notices).contains("DejaVu", "Droid Sans Fallback", "Nanum Gothic", "Apache License",
                "Mozilla Public License", "GNU LESSER GENERAL PUBLIC LICENSE", "Classpath Exception");
    }

    @Test
    void everyListedComponentHasALicenceAndIsListedOnce() {
        List<ProductInfo.Component> components = ProductInfo.components();

        assertThat(components).extracting(ProductInfo.Component::name).doesNotHaveDuplicates()
                .contains("org.openjfx:javafx-base", "com.h2database:h2", "DejaVu Sans (font)");
        assertThat(components).allSatisfy(c -> assertThat(c.licence()).isNotBlank().isNotEqualTo("see the notices"));
    }

    @Test
    void theVersionLineNamesTheVersionTheBuildAndTheRuntime() {
        assertThat(ProductInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(ProductInfo.built()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?Z");
        assertThat(ProductInfo.versionLine()).startsWith("Rebound " + ProductInfo.version() + " (built ")
                .contains("Java " + System.getProperty("java.runtime.version"));
    }
}
