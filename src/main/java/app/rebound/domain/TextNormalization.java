package app.rebound.domain;

import java.text.Normalizer;

/** Text as it is stored: trimmed, in Unicode NFC, and empty text is "not recorded" (null). */
public final class TextNormalization {

    private TextNormalization() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
    }

    /** Like {@link #clean} but keeps inner line breaks and leading indentation of notes. */
    public static String cleanNotes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Normalizer.normalize(text.stripTrailing(), Normalizer.Form.NFC);
    }
}
