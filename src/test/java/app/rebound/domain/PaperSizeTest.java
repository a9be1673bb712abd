package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperSizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "es-US", "en-CA", "fr-CA", "es-MX"})
    void letterWhereItIsTheNorm(String languageTag) {
        assertThat(PaperSize.defaultFor(Locale.forLanguageTag(languageTag))).isEqualTo(PaperSize.US_LETTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-GB", "de-DE", "nb-NO", "fr-FR", "en-AU", "zh-CN", "en"})
    void a4Elsewhere(String languageTag) {
        assertThat(PaperSize.defaultFor(Locale.forLanguageTag(languageTag))).isEqualTo(PaperSize.A4);
    }
}
