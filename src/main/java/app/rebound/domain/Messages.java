package app.rebound.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
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
        return BUNDLES.computeIfAbsent(Locale.getDefault(), Messages::load);
    }

    /**
     * The bundle's properties files for {@code locale}, most specific first (messages_fr_CA, messages_fr,
     * messages), each the parent of the one before, as {@link ResourceBundle#getBundle} finds them. Read
     * directly: getBundle's look-up (bundle classes, providers, caches) took 50 ms of the first window.
     */
    private static ResourceBundle load(Locale locale) {
        ResourceBundle.Control control = ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        List<Locale> candidates = control.getCandidateLocales(BUNDLE, locale);
        ResourceBundle bundle = null;
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String resource = control.toResourceName(control.toBundleName(BUNDLE, candidates.get(i)), "properties");
            try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    bundle = new Bundle(in, bundle);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the texts " + resource, e);
            }
        }
        if (bundle == null) {
            throw new MissingResourceException("No texts for " + locale, BUNDLE, "");
        }
        return bundle;
    }

    /** One properties file of the bundle, with the less specific one as its parent. */
    private static final class Bundle extends PropertyResourceBundle {
        Bundle(InputStream in, ResourceBundle parent) throws IOException {
            super(in);
            setParent(parent);
        }
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
    /**
     * The unit after a number: in the singular after exactly one ("1 finger width", "1 rep"), where the
     * bundle has a {@code unit.<name>.one} form.
     */
    public static String unit(String unit, boolean one) {
        if (one && unit != null && !unit.isEmpty()) {
            String key = "unit." + unit.replace(' ', '_') + ".one";
            String text = get(key);
            if (!text.equals(key)) {
                return text;
            }
        }
        return unit(unit);
    }

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
