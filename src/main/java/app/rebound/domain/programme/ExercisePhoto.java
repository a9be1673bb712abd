package app.rebound.domain.programme;

import java.util.Arrays;
import java.util.Objects;

import app.rebound.domain.ClinicLogo;

/** A clinic's own photo of an exercise (PNG or JPEG, at most 2 MB), printed instead of the drawing. */
public record ExercisePhoto(String mediaType, byte[] data) {

    public static final int MAX_BYTES = ClinicLogo.MAX_BYTES;

    public ExercisePhoto {
        Objects.requireNonNull(mediaType, "mediaType");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The photo of these bytes, or null when they are not a PNG or JPEG. */
    public static ExercisePhoto of(byte[] bytes) {
        String type = ClinicLogo.detectMediaType(bytes);
        return type == null ? null : new ExercisePhoto(type, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExercisePhoto p && p.mediaType.equals(mediaType) && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return mediaType.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ExercisePhoto[" + mediaType + ", " + data.length + " bytes]";
    }
}
