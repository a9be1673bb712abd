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

    public static String format(String key, Object... arguments) {
        MessageFormat format = new MessageFormat(get(key), Locale.getDefault());
        return format.format(arguments);
    }
}
