package app.rebound.domain;

/** How a patient's name is shown. */
public final class PersonName {

    private PersonName() {
    }

    /** "Family, Given" for lists sorted by family name. */
    public static String listName(String given, String family) {
        return family + ", " + given;
    }

    /** "Given Family" for headings and handouts. */
    public static String fullName(String given, String family) {
        return given + " " + family;
    }
}
