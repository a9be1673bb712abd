package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** zxcvbn's estimate under our own rules: what a clinic's passwords are rated, and why. */
class PasswordStrengthTest {

    private static PasswordStrength.Check check(String password) {
        return PasswordStrength.check(password, "ingrid", List.of("Ingrid Hansen", "Fjord Physio"), Locale.UK);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // the hand-made rules rated these two STRONG: capitals, digits and a sign are no defence
            "Password2026, WEAK",
            "Rebound2026!, FAIR",
            "qwertyuiop12, WEAK",
            "Fjord Physio 2026, REFUSED",
            "ingrid2026xy, REFUSED",
            "FjordPhysio!!, REFUSED",
            "fjord-physio-1, REFUSED",
            "Ingrid Hansen!, REFUSED",
            "ingrid2026!, REFUSED",
            "short, REFUSED",
            "1234567890, REFUSED",
            "aaaaaaaaaaaa, REFUSED",
            "welcome123, REFUSED",
            "Password2026!, FAIR",
            "ci smoke test password, STRONG",
            "correct horse battery staple, STRONG",
            "sunny-kettle-violin-42, STRONG",
            "Zoë Ødegård runs at dawn, STRONG",
    })
    void knownPasswordsAreRatedAsAnAttackerWouldGuessThem(String password, PasswordStrength expected) {
        assertThat(check(password).strength()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password2026", "Rebound2026!", "qwertyuiop12"})
    void aWeakPasswordComesWithAdvice(String password) {
        PasswordStrength.Check check = check(password);

        assertThat(check.warning().isBlank() && check.suggestions().isEmpty()).as("some advice").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci smoke test password", "correct horse battery staple"})
    void aStrongPasswordNeedsNoAdvice(String password) {
        assertThat(check(password)).isEqualTo(new PasswordStrength.Check(PasswordStrength.STRONG, "", List.of()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 9})
    void fewerThanTenCharactersAreRefusedWhateverTheyAre(int length) {
        String password = "zQ7#kW2!pL9@xR4$".substring(0, length);

        assertThat(check(password).strength()).isEqualTo(PasswordStrength.REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password2026", "qwertyuiop12"})
    void theOneArgumentFormAgreesWithTheFullCheck(String password) {
        assertThat(PasswordStrength.of(password, "ingrid")).isEqualTo(PasswordStrength.WEAK);
    }
}
