package app.rebound.ui.programme;

import java.util.Locale;

/** Times typed and shown as m:ss (1:30), or plain seconds (90). */
final class Clock {

    private Clock() {
    }

    static String format(int seconds) {
        return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** Seconds from "1:30" or "90"; null when it is neither. */
    static Integer parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{1,4}")) {
            return Integer.valueOf(t);
        }
        if (t.matches("\\d{1,3}:[0-5]\\d")) {
            String[] parts = t.split(":");
            return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
        }
        return null;
    }
}
