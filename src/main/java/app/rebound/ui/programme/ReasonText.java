package app.rebound.ui.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import app.rebound.domain.Messages;
import app.rebound.domain.visit.LoadEntry;
import app.rebound.domain.visit.LoadResult;
import app.rebound.domain.visit.LoadTest;
import app.rebound.domain.visit.Side;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.TestStatus;
import app.rebound.domain.visit.TestSymptom;
import app.rebound.domain.visit.Visit;

/**
 * Why an exercise is in the programme, in the clinician's words: each reason code (clinical reference §9)
 * as a short phrase from the resource bundle, with the visit's own numbers where the rule has them ("Knack
 * absent", "Leaked on hop (left)", "Right single-leg bridge 12/20").
 */
final class ReasonText {

    private final Visit visit;

    ReasonText(Visit visit) {
        this.visit = visit;
    }

    /** The reasons as one line, in order, each phrase once. */
    String of(List<String> reasons) {
        return reasons.stream().map(this::phrase).distinct().collect(Collectors.joining(" · "));
    }

    String phrase(String code) {
        String[] parts = code.split(":");
        try {
            return switch (parts[0]) {
                case "STRENGTH" -> strength(StrengthTest.valueOf(parts[1]), Side.valueOf(parts[2]));
                case "LOAD_FAILED" -> loadFailed(LoadTest.valueOf(parts[1]));
                case "LOAD_UNTESTED" -> Messages.format("programme.reason.LOAD_UNTESTED",
                        Messages.get("programme.reason.test." + parts[1]));
                default -> {
                    String key = "programme.reason." + parts[0];
                    String text = Messages.get(key);
                    yield text.equals(key) ? code : text;
                }
            };
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return code; // a code this version does not know: shown as it is
        }
    }

    private String strength(StrengthTest test, Side side) {
        Sides<Integer> sides = visit.strength().get(test);
        Integer reps = sides == null ? null : sides.get(side);
        return Messages.format("programme.reason.STRENGTH", Messages.get("programme.reason.side." + side.name()),
                Messages.get("programme.reason.test." + test.name()), reps == null ? "–" : reps.toString(),
                StrengthTest.TARGET_REPETITIONS);
    }

    private String loadFailed(LoadTest test) {
        String name = Messages.get("programme.reason.test." + test.name());
        LoadEntry entry = visit.loadImpact().get(test);
        List<String> phrases = new ArrayList<>();
        if (entry instanceof LoadEntry.Whole whole && whole.result() != null) {
            phrases.add(failure(whole.result(), name, null));
        } else if (entry instanceof LoadEntry.PerSide per && per.sides() != null) {
            for (Side side : Side.values()) {
                LoadResult result = per.sides().get(side);
                if (result != null && failed(result)) {
                    phrases.add(failure(result, name, side));
                }
            }
        }
        phrases.removeIf(p -> p == null);
        return phrases.isEmpty() ? Messages.format("programme.reason.LOAD_FAILED", name, "")
                : phrases.stream().distinct().collect(Collectors.joining(", "));
    }

    private static boolean failed(LoadResult result) {
        return result.status() == TestStatus.SYMPTOMS || result.status() == TestStatus.INCOMPLETE;
    }

    private static String failure(LoadResult result, String test, Side side) {
        if (!failed(result)) {
            return null;
        }
        String where = side == null ? "" : Messages.format("programme.reason.onSide",
                Messages.get("programme.reason.side." + side.name()).toLowerCase(Locale.ROOT));
        if (result.status() == TestStatus.INCOMPLETE) {
            return Messages.format("programme.reason.LOAD_INCOMPLETE", test, where);
        }
        TestSymptom first = result.symptoms().stream().findFirst().orElse(null);
        return first == null ? Messages.format("programme.reason.LOAD_FAILED", test, where)
                : Messages.format("programme.reason.symptom." + first.name(), test, where);
    }
}
