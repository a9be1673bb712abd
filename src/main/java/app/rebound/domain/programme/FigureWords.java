package app.rebound.domain.programme;

import app.rebound.domain.Messages;

/**
 * An exercise's drawing in words, for whoever cannot see it: the handout's alternative text for a
 * screen reader. The words live in the resource bundle under {@code figure.<exercise code>}, one for each
 * drawing of the library, so a clinic translating the texts translates them too; an exercise without
 * its own words (a clinic's own, with a drawing taken from the library) is described by its name.
 */
public final class FigureWords {

    private FigureWords() {
    }

    public static String of(Exercise exercise) {
        String key = "figure." + exercise.code();
        String words = Messages.get(key);
        return words.equals(key) ? Messages.format("figure.unnamed", exercise.name()) : words;
    }

    /** Whether the bundle has words of its own for the exercise's drawing. */
    public static boolean described(Exercise exercise) {
        String key = "figure." + exercise.code();
        return !Messages.get(key).equals(key);
    }
}
