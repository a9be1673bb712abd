package app.rebound.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds names so that a clinician can find "Zoë Ødegård" by typing "zoe odegard" and "Łukasz" by
 * typing "lukasz". Lower-cases, removes accents from Latin, Greek and Cyrillic letters, and maps
 * the letters that Unicode decomposition leaves alone (Ø, Ł, ß, Æ, Œ, Đ, Þ, ı ...). Other scripts
 * (李小龙, Ελένη, Анна without accents, 김민지) are kept as written, lower-cased where they have case.
 */
public final class NameFolding {

    /** Letters that do not decompose into a base letter plus a mark. Keys are lower case. */
    private static final Map<Integer, String> SPECIAL = Map.ofEntries(
            Map.entry((int) 'ø', "o"),
            Map.entry((int) 'ς', "σ"),
            Map.entry((int) 'ł', "l"),
            Map.entry((int) 'đ', "d"),
            Map.entry((int) 'ð', "d"),
            Map.entry((int) 'þ', "th"),
            Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ı', "i"),
            Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ŧ', "t"),
            Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'ĸ', "k"),
            Map.entry((int) 'ŋ', "n"),
            Map.entry((int) 'ſ', "s"),
            Map.entry((int) 'ƒ', "f"),
            Map.entry((int) 'ɨ', "i"),
            Map.entry((int) 'ʉ', "u"));

    private NameFolding() {
    }

    /** The folded form of a text: what search compares. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript lastBaseScript = null;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp)) {
                if (lastBaseScript != null && hasFoldableAccents(lastBaseScript)) {
                    continue;
                }
                out.appendCodePoint(cp);
                continue;
            }
            lastBaseScript = Character.UnicodeScript.of(cp);
            if (cp == 'ẞ') {
                out.append("ss");
                continue;
            }
            int lower = Character.toLowerCase(cp);
            String mapped = SPECIAL.get(lower);
            if (mapped != null) {
                out.append(mapped);
            } else {
                out.appendCodePoint(lower);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * The words a name can be found by: each space-separated part, each piece of a hyphenated or
     * apostrophed part ("Ana-María" gives "ana", "maria"), and the pieces joined ("anamaria"),
     * all folded.
     */
    public static Set<String> searchWords(String... names) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : names) {
            for (String token : fold(name).split("\\s+")) {
                List<String> pieces = pieces(token);
                words.addAll(pieces);
                if (pieces.size() > 1) {
                    words.add(String.join("", pieces));
                }
            }
        }
        words.remove("");
        return words;
    }

    /**
     * The terms of a search as typed: folded, split on spaces, punctuation inside a term dropped
     * ("O'Ne" becomes "one"). Every term must match the start of some word of the name.
     */
    public static List<String> queryTerms(String query) {
        List<String> terms = new ArrayList<>();
        for (String token : fold(query).split("\\s+")) {
            String joined = String.join("", pieces(token));
            if (!joined.isEmpty() && !terms.contains(joined)) {
                terms.add(joined);
            }
        }
        return terms;
    }

    /** The key patients are sorted by: folded family name, then folded given name. */
    public static String sortKey(String givenName, String familyName) {
        return fold(familyName) + " " + fold(givenName);
    }

    private static List<String> pieces(String token) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                current.appendCodePoint(cp);
            } else if (current.length() > 0) {
                pieces.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean hasFoldableAccents(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.COMMON;
    }
}
