package app.rebound.domain;

import java.util.Arrays;
import java.util.Objects;

/** The clinic's logo, printed on handouts: a PNG or JPEG image of at most {@link #MAX_BYTES}. */
public record ClinicLogo(String mediaType, byte[] data) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    public ClinicLogo {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** "image/png" or "image/jpeg" from the file's first bytes, or null when it is neither. */
    public static String detectMediaType(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClinicLogo logo && logo.mediaType.equals(mediaType)
                && Arrays.equals(logo.data, data);
    }

    @Override
    public int hashCode() {
        return mediaType.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ClinicLogo[" + mediaType + ", " + data.length + " bytes]";
    }
}
