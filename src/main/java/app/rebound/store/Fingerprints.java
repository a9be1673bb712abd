package app.rebound.store;

import java.util.Locale;

/** A key's fingerprint as people read and compare it: its first 128 bits in groups of four hex digits. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** e.g. {@code 3F2A 91C0 5B7E 0D44 A1B2 C3D4 E5F6 0718} for a SHA-256 fingerprint in hex. */
    public static String grouped(String fingerprint) {
        String head = fingerprint.substring(0, Math.min(32, fingerprint.length())).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < head.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(head, i, Math.min(i + 4, head.length()));
        }
        return out.toString();
    }
}
