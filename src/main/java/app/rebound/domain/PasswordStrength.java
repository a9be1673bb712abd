package app.rebound.domain;

import java.util.Locale;
import java.util.Set;

/**
 * How strong a new password is, with a hint for making it stronger. A password must have at least
 * {@value #MIN_LENGTH} characters and must not be the user name or a well-known password; beyond
 * that, length counts most (a sentence of four or five words is strong and easy to remember).
 */
public enum PasswordStrength {
    /** Refused: too short, the user name, or a well-known password. */
    REFUSED,
    WEAK,
    FAIR,
    STRONG;

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 500;

    private static final Set<String> WELL_KNOWN = Set.of("password", "password1", "password12", "password123",
            "1234567890", "12345678910", "qwertyuiop", "qwerty1234", "iloveyou12", "letmein123", "welcome123",
            "administrator", "physiotherapy", "physio1234", "rebound123", "changeme12", "0987654321", "abcdefghij",
            "passw0rd12", "1q2w3e4r5t", "qwertyuiop1", "1111111111", "0000000000", "aaaaaaaaaa", "trustno123");

    /** The strength of {@code password} for the user {@code username}. */
    public static PasswordStrength of(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
                || password.length() > MAX_LENGTH) {
            return REFUSED;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || (username != null && !username.isBlank()
                && lower.contains(username.strip().toLowerCase(Locale.ROOT)) && lower.length() - username.strip().length() < 6)
                || password.chars().distinct().count() < 4) {
            return REFUSED;
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        int length = password.codePointCount(0, password.length());
        if (length >= 16 || (length >= 12 && classes >= 3)) {
            return STRONG;
        }
        if (length >= 12 || classes >= 3) {
            return FAIR;
        }
        return WEAK;
    }

    /** A hint for the clinician (message key in the bundle: {@code password.strength.NAME}). */
    public String messageKey() {
        return "password.strength." + name();
    }
}
