package app.rebound.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The texts a clinician reads, from a resource bundle so that a clinic can translate them. */
public final class Messages {

    private static final String BUNDLE = "app.rebound.messages";
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Messages() {
    }

    public static ResourceBundle bundle() {
        // ResourceBundle caches bundles too, but its look-up showed in the profile of a large import
        return BUNDLES.computeIfAbsent(Locale.getDefault(), locale -> ResourceBundle.getBundle(BUNDLE, locale));
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

    /**
     * The text of {@code key} with its arguments filled in. Each pattern is parsed once per locale
     * (parsing builds number formats, which an import of thousands of visits did for every reason it
     * wrote); a parsed {@link MessageFormat} is not safe to share, so its use is synchronized.
     */
    public static String format(String key, Object... arguments) {
        Locale locale = Locale.getDefault();
        MessageFormat format = FORMATS.computeIfAbsent(locale + "\u0000" + key,
                k -> new MessageFormat(get(key), locale));
        synchronized (format) {
            return format.format(arguments);
        }
    }
}
