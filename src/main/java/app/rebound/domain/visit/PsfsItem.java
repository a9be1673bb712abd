package app.rebound.domain.visit;

/** One activity of the Patient-Specific Functional Scale, scored 0 (unable) to 10 (as before). */
public record PsfsItem(String activity, Integer score) {
}
