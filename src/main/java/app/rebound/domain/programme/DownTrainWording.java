package app.rebound.domain.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rebound.domain.Messages;

/**
 * The words of an exercise for an overactive floor (clinical reference §9, DOWN_TRAIN): every step, tip and
 * Easier or Harder line that asks her to lift, squeeze, draw in or brace her pelvic floor or tummy has a
 * variant without it ("breathe out as you push"). A line of a clinic's own exercise that asks and has no
 * variant is left out. Exercises whose point is the contraction itself (the holds, quick squeezes, finding
 * it, the Knack, the draw-ins) have no variant: a down-training programme does not give them.
 */
public final class DownTrainWording {

    /** The shipped lines that ask, each with its down-training variant. */
    static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("Gently lift your pelvic floor before you move, as if stopping wind.",
                    "Breathe out as you push. Let your pelvic floor stay soft."),
            Map.entry("Breathe out gently through your mouth. Let your pelvic floor lift a little on its own.",
                    "Breathe out gently through your mouth and let everything stay soft."),
            Map.entry("Breathe in to let go, breathe out to lift. Keep it soft and slow.",
                    "Breathe in to let go, breathe out slowly. Keep it soft and slow."),
            Map.entry("Keep a gentle lift in your pelvic floor as each foot lands.",
                    "Breathe easily and let each foot land softly."),
            Map.entry("Gently lift your pelvic floor just before each foot lands.",
                    "Breathe out as each foot lands, and land softly."),
            Map.entry("Gently lift your pelvic floor before you take off.",
                    "Breathe out as you push off the floor."),
            Map.entry("Keep a gentle lift in your pelvic floor.", "Stay loose and land softly."),
            Map.entry("Add a few quick pelvic floor squeezes as you go.",
                    "Let your shoulders, jaw and pelvic floor stay relaxed as you go."),
            Map.entry("Let your pelvic floor fully relax between squeezes.",
                    "Breathe easily and let your tummy stay soft."),
            Map.entry("Breathe out, gently lift your pelvic floor and draw your lower tummy in.",
                    "Breathe out slowly and let your tummy stay soft."),
            Map.entry("Keep the gentle draw-in while you slide one heel away and back.",
                    "Breathe out as you slide one heel away and back."),
            Map.entry("Do it without the hold: draw in and let go.", "Just breathe slowly with your hands resting."));

    /** "Breathe out, gently lift your pelvic floor and stand up tall." → "Breathe out and stand up tall." */
    private static final Pattern LIFT_THEN_MOVE = Pattern.compile(
            "(?i)(breathe out), gently lift your pelvic floor(,? and|, then) ");

    private DownTrainWording() {
    }

    /** The line without any ask to contract: its variant, or the line itself, or null (leave it out). */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        String variant = VARIANTS.get(text);
        if (variant != null) {
            return variant;
        }
        Matcher m = LIFT_THEN_MOVE.matcher(text);
        String rewritten = text;
        if (m.find()) {
            String joiner = m.group(2).endsWith("then") ? ", then " : " and ";
            rewritten = text.substring(0, m.start()) + m.group(1) + joiner + text.substring(m.end());
        }
        return ContractionCues.asksToContract(rewritten) ? null : rewritten;
    }

    /** The exercise as a down-training handout prints it; contraction exercises as they are. */
    public static Exercise of(Exercise exercise) {
        if (isContractionWork(exercise)) {
            return exercise;
        }
        return new Exercise(exercise.code(), exercise.name(), exercise.stage(), exercise.kind(),
                purpose(exercise.purpose()), lines(exercise.instructions()), lines(exercise.cues()), exercise.defaultDose(),
                line(exercise.easier()), line(exercise.harder()), exercise.illustration());
    }

    /** What the exercise is for, without asking her to contract (a clinic's own may ask: then a plain one). */
    private static String purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return purpose;
        }
        String variant = line(purpose);
        return variant != null ? variant : Messages.get("handout.downTrain.purpose");
    }

    /**
     * A clinician's note on an exercise as a down-training handout prints it: its sentences that ask her to
     * contract are left out (§9: nothing of an overactive floor's handout asks her to squeeze).
     */
    public static String note(String note) {
        if (note == null || !ContractionCues.asksToContract(note)) {
            return note;
        }
        StringBuilder kept = new StringBuilder();
        for (String sentence : note.split("(?<=[.!?])\\s+")) {
            if (!ContractionCues.asksToContract(sentence)) {
                kept.append(kept.length() == 0 ? "" : " ").append(sentence);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /** Whether the down-training words of the exercise differ from its usual ones. */
    public static boolean changes(Exercise exercise) {
        return !of(exercise).equals(exercise);
    }

    /** The exercises whose point is a contraction: a down-training programme leaves them out. */
    static boolean isContractionWork(Exercise exercise) {
        return exercise.kind() == ExerciseKind.PELVIC_FLOOR_FIND || exercise.kind() == ExerciseKind.PELVIC_FLOOR_HOLDS
                || exercise.kind() == ExerciseKind.PELVIC_FLOOR_QUICK
                || ProgrammeSuggester.CONTRACTION_WORK.contains(exercise.code()) && !exercise.code().equals(
                        "breathing-pf") && !exercise.code().equals("heel-slide");
    }

    private static List<String> lines(List<String> texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            String variant = line(text);
            if (variant != null) {
                kept.add(variant);
            }
        }
        return kept;
    }
}
