package app.rebound.domain;

import java.util.Locale;

/** Paper the clinic prints handouts and reports on. */
public enum PaperSize {
    A4,
    US_LETTER;

    /** US Letter where it is the norm (United States, Canada, Mexico, Philippines...), A4 elsewhere. */
    public static PaperSize defaultFor(Locale locale) {
        return switch (locale.getCountry()) {
            case "US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR" -> US_LETTER;
            default -> A4;
        };
    }
}
