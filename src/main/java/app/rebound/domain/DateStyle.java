package app.rebound.domain;

import java.util.Locale;

/**
 * How the clinic writes dates, chosen once in Settings and used on every screen and in every date
 * field: 26/10/2026 (UK and most of the world), 10/26/2026 (US), 26.10.2026 (Germany and central
 * Europe) or 2026-10-26 (ISO).
 */
public enum DateStyle {
    DAY_MONTH_YEAR('/', Order.DAY_MONTH_YEAR),
    MONTH_DAY_YEAR('/', Order.MONTH_DAY_YEAR),
    DAY_MONTH_YEAR_DOTS('.', Order.DAY_MONTH_YEAR),
    ISO('-', Order.YEAR_MONTH_DAY);

    /** Which field comes first, second and third. */
    public enum Order {
        DAY_MONTH_YEAR, MONTH_DAY_YEAR, YEAR_MONTH_DAY
    }

    private final char separator;
    private final Order order;

    DateStyle(char separator, Order order) {
        this.separator = separator;
        this.order = order;
    }

    public char separator() {
        return separator;
    }

    public Order order() {
        return order;
    }

    /** The style a clinic in this locale expects until Settings says otherwise. */
    public static DateStyle defaultFor(Locale locale) {
        String country = locale.getCountry();
        if ("US".equals(country) || "PH".equals(country) || "BZ".equals(country) || "FM".equals(country)) {
            return MONTH_DAY_YEAR;
        }
        switch (locale.getLanguage()) {
            case "de", "cs", "sk", "pl", "fi", "nb", "no", "nn", "da", "ru", "uk", "tr", "hu", "ro", "hr", "sl",
                    "sr", "et", "lv", "lt", "is", "bg" -> {
                return DAY_MONTH_YEAR_DOTS;
            }
            case "sv", "zh", "ja", "ko", "mn" -> {
                return ISO;
            }
            case "en" -> {
                return country.isEmpty() ? MONTH_DAY_YEAR : DAY_MONTH_YEAR;
            }
            default -> {
                return DAY_MONTH_YEAR;
            }
        }
    }

    /** The style stored under this name, or the fallback when the name is missing or unknown. */
    public static DateStyle parse(String name, DateStyle fallback) {
        if (name != null) {
            for (DateStyle style : values()) {
                if (style.name().equals(name)) {
                    return style;
                }
            }
        }
        return fallback;
    }
}
