package app.rebound.domain.visit;

import java.util.ArrayList;
import java.util.List;

/**
 * The eight symptom flags (null: not asked; false: asked and absent), pain (NPRS 0–10) and minutes
 * of running before symptoms start (null: she has not tried; 0: at once).
 */
public record Symptoms(
        Boolean urinaryIncontinence,
        Boolean faecalIncontinence,
        Boolean urgency,
        Boolean heavinessOrBulge,
        Boolean dyspareunia,
        Boolean obstructedDefecation,
        Boolean abdominalSeparation,
        Boolean lumbopelvicPain,
        Integer painNrs,
        Integer runSymptomOnsetMinutes) {

    public static final Symptoms EMPTY = new Symptoms(null, null, null, null, null, null, null, null, null, null);

    /** The eight flags in the record format's order. */
    public List<Boolean> flags() {
        List<Boolean> flags = new ArrayList<>(8);
        flags.add(urinaryIncontinence);
        flags.add(faecalIncontinence);
        flags.add(urgency);
        flags.add(heavinessOrBulge);
        flags.add(dyspareunia);
        flags.add(obstructedDefecation);
        flags.add(abdominalSeparation);
        flags.add(lumbopelvicPain);
        return flags;
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }
}
