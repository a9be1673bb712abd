package app.rebound.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The recovery key as shown (eight groups of four, Crockford base 32) and as typed back. */
class RecoveryKeyTest {

    @Test
    void itIsShownAsEightGroupsOfFourWithoutLettersThatAreMisread() {
        for (int i = 0; i < 200; i++) {
            String text = RecoveryKey.random().text();
            assertThat(text).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}");
        }
    }

    @Test
    void theTextReadsBackAsTheSameKey() {
        DatabaseKey key = DatabaseKey.random();
        for (int i = 0; i < 50; i++) {
            RecoveryKey recovery = RecoveryKey.random();
            KeyFile keys = KeyFile.create(key, recovery);
            RecoveryKey read = RecoveryKey.parse(recovery.text()).orElseThrow();

            assertThat(read.text()).isEqualTo(recovery.text());
            assertThat(keys.unwrap(read)).contains(key);
        }
    }

    @Test
    void caseDashesSpacesAndMisreadLettersDoNotMatter() {
        RecoveryKey recovery = RecoveryKey.random();
        String text = recovery.text();
        String compact = text.replace("-", "");
        String[] typed = {
            text.toLowerCase(Locale.ROOT),
            compact,
            "  " + text.replace("-", " ") + "\n",
            text.replace("-", " - "),
            compact.replace('0', 'O').replace('1', 'I'),
            compact.replace('0', 'o').replace('1', 'l'),
            compact.replace('1', 'L'),
        };
        for (String each : typed) {
            assertThat(RecoveryKey.parse(each)).as(each).hasValueSatisfying(read -> assertThat(read.text())
                    .isEqualTo(text));
        }
    }

    @Test
    void anythingElseIsNotARecoveryKey() {
        String text = RecoveryKey.random().text();
        String compact = text.replace("-", "");
        String[] wrong = {
            null, "", "----", compact.substring(1), compact + "0", compact.substring(1) + "U",
            compact.substring(1) + "!", compact.substring(1) + "é",
        };
        for (String each : wrong) {
            assertThat(RecoveryKey.parse(each)).as(String.valueOf(each)).isEmpty();
        }
    }

    @Test
    void aMistypedSymbolGivesAnotherKeyThatDoesNotOpenTheFile() {
        DatabaseKey key = DatabaseKey.random();
        RecoveryKey recovery = RecoveryKey.random();
        KeyFile keys = KeyFile.create(key, recovery);
        String text = recovery.text();
        char first = text.charAt(0);
        String mistyped = (first == 'Z' ? 'Y' : (char) (first == '9' ? 'A' : first + 1)) + text.substring(1);

        assertThat(RecoveryKey.parse(mistyped).flatMap(keys::unwrap)).isEmpty();
    }

    @Test
    void eachKeyIsNew() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(RecoveryKey.random().text())).isTrue();
        }
    }
}
