package app.rebound.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * How strong a new password is, with advice for making it stronger. Our own rules come first: at least
 * {@value #MIN_LENGTH} characters, not mostly the user's or the clinic's name, not a well-known
 * password. Beyond them the estimate is zxcvbn's (Dropbox's model of how attackers guess: dictionaries,
 * names, keyboard patterns, dates, l33t and capitals), which rates {@code Password2026} as guessable in
 * about 10⁴ tries however many character classes it mixes. The first estimate loads zxcvbn's
 * dictionaries (about a second): never run it on the JavaFX thread.
 */
public enum PasswordStrength {
    /** Refused: too short, the user or clinic name, or a well-known password. */
    REFUSED,
    WEAK,
    FAIR,
    STRONG;

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 500;

    /** Passwords a clinic is likely to try first; zxcvbn rates some of them above its lowest score. */
    private static final Set<String> WELL_KNOWN = Set.of("password", "password1", "password12", "password123",
            "1234567890", "12345678910", "qwertyuiop", "qwerty1234", "iloveyou12", "letmein123", "welcome123",
            "administrator", "physiotherapy", "physio1234", "rebound123", "changeme12", "0987654321", "abcdefghij",
            "passw0rd12", "1q2w3e4r5t", "qwertyuiop1", "1111111111", "0000000000", "aaaaaaaaaa", "trustno123");

    /** Words of this program and trade that an attacker of a clinic tries first. */
    private static final List<String> OUR_WORDS = List.of("rebound", "physio", "physiotherapy", "physiotherapist",
            "clinic", "pelvic", "running");

    /** A password of a name and at most this many other characters is mostly the name. */
    private static final int BESIDES_A_NAME = 6;

    /** The strength of a password, and zxcvbn's warning and suggestions (empty when there are none). */
    public record Check(PasswordStrength strength, String warning, List<String> suggestions) {

        public Check {
            warning = warning == null ? "" : warning;
            suggestions = List.copyOf(suggestions);
        }
    }

    /** The strength of {@code password} for the user {@code username}. */
    public static PasswordStrength of(String password, String username) {
        return check(password, username, List.of(), Locale.getDefault()).strength();
    }

    /**
     * The strength of {@code password} for the user {@code username}, which must also not be mostly one of
     * {@code names} (the clinic's name, her display name), with advice in {@code locale}'s language where
     * zxcvbn has it (English otherwise).
     */
    public static Check check(String password, String username, Collection<String> names, Locale locale) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.length() > MAX_LENGTH) {
            return new Check(REFUSED, "", List.of());
        }
        List<String> personal = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            personal.add(username.strip());
        }
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                personal.add(name.strip());
            }
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || password.chars().distinct().count() < 4
                || personal.stream().anyMatch(name -> mostlyName(lower, name))) {
            return new Check(REFUSED, "", List.of());
        }
        List<String> inputs = new ArrayList<>(OUR_WORDS);
        for (String name : personal) {
            inputs.add(name);
            inputs.addAll(List.of(name.split("[\\s._-]+")));
        }
        Strength estimate = Estimator.ZXCVBN.measure(password, inputs);
        Feedback feedback = estimate.getFeedback();
        PasswordStrength level = switch (estimate.getScore()) {
            case 0 -> REFUSED;
            case 1 -> WEAK;
            case 2 -> FAIR;
            default -> STRONG;
        };
        if (level == STRONG) {
            return new Check(STRONG, "", List.of());
        }
        return new Check(level, feedback.getWarning(locale), feedback.getSuggestions(locale));
    }

    /** Loads zxcvbn's dictionaries, so that the first estimate a clinician waits for is quick. */
    public static void warmUp() {
        Estimator.ZXCVBN.measure("warm up the dictionaries");
    }

    /** Whether the password is the name and at most {@value #BESIDES_A_NAME} other characters (its spaces and signs aside). */
    private static boolean mostlyName(String lowerPassword, String name) {
        String squashedName = lettersAndDigits(name.toLowerCase(Locale.ROOT));
        return !squashedName.isEmpty() && lettersAndDigits(lowerPassword).contains(squashedName)
                && lowerPassword.length() - squashedName.length() <= BESIDES_A_NAME;
    }

    private static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** A message for the clinician (key in the bundle: {@code password.strength.NAME}). */
    public String messageKey() {
        return "password.strength." + name();
    }

    /** zxcvbn, made when first needed (its dictionaries take a second and a few MB). */
    private static final class Estimator {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
