package app.rebound.domain.programme;

import java.util.regex.Pattern;

/**
 * Finds words that ask her to contract: to squeeze, lift, draw in, brace, clench or tighten her pelvic floor,
 * tummy, belly or "inside" (clinical reference §9, DOWN_TRAIN). "Do not squeeze" and "lift your hips" are
 * not such asks. Used to check the down-training wording and to leave out a clinic's own line that asks.
 */
public final class ContractionCues {

    private static final String VERB = "(squeez\\w*|lift\\w*|draw\\w*|brac\\w*|clench\\w*|tighten\\w*|contract\\w*"
            + "|engag\\w*|tens(e|ing)|pull\\w*(\\s+(it|them))?\\s+(up|in))";
    private static final String PART = "(pelvic floor|tummy|belly|inside|core|abs|abdominals?|stomach|navel"
            + "|belly button|six[- ]pack)";
    /** "gently lift your pelvic floor", "draw your belly button up", "squeeze and lift inside". */
    private static final Pattern VERB_THEN_PART = Pattern.compile(
            "(?<!not )(?<!n't )\\b" + VERB + "(\\W+\\w+){0,6}?\\W+" + PART + "\\b", Pattern.CASE_INSENSITIVE);
    /** "let your pelvic floor lift", "a gentle lift in your pelvic floor" (read the other way round). */
    private static final Pattern PART_THEN_VERB = Pattern.compile(
            "\\b" + PART + "\\W+(\\w+\\W+){0,3}?" + VERB + "\\b", Pattern.CASE_INSENSITIVE);
    /** "Squeeze first, then cough": a squeeze asked for with no part named ("squeeze your bottom" is fine). */
    private static final Pattern BARE_SQUEEZE = Pattern.compile(
            "(^|[.:;!?]\\s+|\\band\\s+|\\bthen\\s+|\\bgently\\s+|\\bnow\\s+|\\bto\\s+|\\bstrongly\\s+)"
                    + "(squeeze|clench|brace|tighten|contract|pull up)\\b"
                    + "(?!\\s+your\\s+(bottom|buttocks|glutes|thighs|hands|fist))",
            Pattern.CASE_INSENSITIVE);

    private ContractionCues() {
    }

    /** Whether the text asks her to contract her pelvic floor or tummy. */
    public static boolean asksToContract(String text) {
        if (text == null) {
            return false;
        }
        return VERB_THEN_PART.matcher(text).find() || PART_THEN_VERB.matcher(text).find()
                || BARE_SQUEEZE.matcher(text).find();
    }
}
