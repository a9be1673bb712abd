package app.rebound.domain;

import java.text.Normalizer;

/**
 * Text as it is stored: trimmed, in Unicode NFC, without invisible control characters (U+0000–U+001F
 * and U+007F–U+009F; notes keep their tabs and line breaks, and one given as another control character
 * is a line break or a space), and empty text is "not recorded" (null).
 * A control character cannot be seen or typed, only pasted; PostgreSQL refuses U+0000 in text.
 */
public final class TextNormalization {

    private TextNormalization() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = withoutControls(text, false).strip();
        return trimmed.isEmpty() ? null : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
    }

    /** Like {@link #clean} but keeps inner line breaks and leading indentation of notes. */
    public static String cleanNotes(String text) {
        String kept = text == null ? null : withoutControls(text, true);
        if (kept == null || kept.isBlank()) {
            return null;
        }
        return Normalizer.normalize(kept.stripTrailing(), Normalizer.Form.NFC);
    }

    /**
     * The first control character in {@code text} that stored text may not hold (tabs and line breaks
     * allowed), or half of a character (an unpaired surrogate, which UTF-8 cannot hold: PostgreSQL's
     * driver sends it as "?"), or -1.
     */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
            if (Character.isSurrogate(c)) {
                if (!pairAt(text, i)) {
                    return c;
                }
                i++;
            }
        }
        return -1;
    }

    private static boolean pairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    /**
     * {@code text} without the control characters stored text may not hold, as a record file must be
     * (see {@link #firstControl}): tabs and line breaks stay, a line break or a space given as another
     * control character becomes one (Word copies a line break within a paragraph as U+000B), the rest go.
     */
    public static String withoutControls(String text) {
        return text == null ? null : withoutControls(text, true);
    }

    private static String withoutControls(String text, boolean keepLines) {
        if (text.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                // a whole character is kept; half of one (unpaired) goes
                if (pairAt(text, i)) {
                    kept.append(c).append(text.charAt(++i));
                }
            } else if (!Character.isISOControl(c)) {
                kept.append(c);
            } else if (c == '\t' || c == '\n' || c == '\r') {
                kept.append(keepLines ? c : ' ');
            } else if (c == '\u000B' || c == '\u000C' || c == '\u0085') {
                // line tabulation, form feed, next line: line breaks
                kept.append(keepLines ? '\n' : ' ');
            } else if (Character.isWhitespace(c)) {
                // the information separators U+001C–U+001F
                kept.append(' ');
            }
        }
        return kept.toString();
    }
}
