package app.rebound.cli;

/** Counts in words for the one-line reports of the commands. */
final class Plural {

    private Plural() {
    }

    static String patients(int count) {
        return count + (count == 1 ? " patient" : " patients");
    }
}
