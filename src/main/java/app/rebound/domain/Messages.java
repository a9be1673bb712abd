package app.rebound.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The texts a clinician reads, from a resource bundle so that a clinic can translate them. */
public final class Messages {

    private static final String BUNDLE = "app.rebound.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    public static String get(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The clinician's word for an enumeration value, e.g. "Emergency caesarean" or "Single leg bridge". */
    public static String name(Enum<?> value) {
        return get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A unit as the clinician reads it ("km a week"), translatable under "unit.<unit>". */
    public static String unit(String unit) {
        if (unit == null || unit.isEmpty()) {
            return "";
        }
        String key = "unit." + unit.replace(' ', '_');
        String text = get(key);
        return text.equals(key) ? unit : text;
    }

    public static String format(String key, Object... arguments) {
        MessageFormat format = new MessageFormat(get(key), Locale.getDefault());
        return format.format(arguments);
    }
}
