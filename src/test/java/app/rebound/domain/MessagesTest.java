package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MessagesTest {

    /** An apostrophe that is not doubled: MessageFormat reads it as the start of quoted text and drops it. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void noTextLosesAnApostropheToMessageFormat() {
        ResourceBundle bundle = Messages.bundle();

        assertThat(Collections.list(bundle.getKeys()))
                .isNotEmpty()
                .allSatisfy(key -> assertThat(LONE_APOSTROPHE.matcher(bundle.getString(key)).find())
                        .as("%s=%s has an apostrophe that Messages.format would drop; write \u2019 or ''", key,
                                bundle.getString(key))
                        .isFalse());
    }

    @Test
    void textsWithoutArgumentsFormatToThemselves() {
        ResourceBundle bundle = Messages.bundle();

        for (String key : Collections.list(bundle.getKeys())) {
            String text = bundle.getString(key);
            if (!text.contains("{")) {
                assertThat(Messages.format(key)).as(key).isEqualTo(text);
            }
        }
    }

    @Test
    void aTranslationIsReadForItsLocaleWithTheEnglishTextsBehindItAsResourceBundleFindsThem() {
        Locale before = Locale.getDefault();
        Locale made = new Locale("xx", "YY");
        try {
            Locale.setDefault(made);
            assertThat(Messages.get("app.name")).isEqualTo("Rebound (xx)");
            assertThat(Messages.get("access.signIn")).isEqualTo("S\u2019identifier \u2014 Zo\u00eb");
            ResourceBundle standard = ResourceBundle.getBundle("app.rebound.messages", made);
            assertThat(standard.getString("app.name")).isEqualTo("Rebound (xx)");
            for (String key : Collections.list(standard.getKeys())) {
                assertThat(Messages.get(key)).as(key).isEqualTo(standard.getString(key));
            }
            assertThat(Collections.list(Messages.bundle().getKeys())).hasSameSizeAs(Collections.list(standard.getKeys()));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void anUnknownKeyShowsTheKeyRatherThanFailing() {
        assertThat(Messages.get("no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void countsAreWrittenInWords() {
        assertThat(Messages.format("patients.status.count", 0)).isEqualTo("No patients");
        assertThat(Messages.format("patients.status.count", 1)).isEqualTo("1 patient");
        assertThat(Messages.format("patients.status.count", 5)).isEqualTo("5 patients");
    }
}
