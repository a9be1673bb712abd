package app.rebound.ui.visit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Visit;

/**
 * Outcomes: the PSFS activities with their scores (a fixed row for each), ICIQ-UI SF and PGI-I. As
 * typed, a half-filled row is an item for the validator to refuse; as saved, only whole rows count.
 */
final class OutcomesSection implements VisitSection {

    private static final Pattern PSFS_ITEM = Pattern.compile("outcomes\\.psfs\\[(\\d+)](.*)");

    final List<StringProperty> activities = new ArrayList<>();
    final List<NumberInput> scores = new ArrayList<>();
    final NumberInput iciq = NumberInput.whole("outcomes.iciqUiSfScore", Measures.ICIQ_UI_SF);
    final NumberInput pgiI = NumberInput.whole("outcomes.pgiI", Measures.PGI_I);
    /** The activities carried from her previous visit (as {@link Outcomes#key} compares them). */
    private final Set<String> carried = new HashSet<>();

    OutcomesSection() {
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            activities.add(new SimpleStringProperty(this, "psfsActivity" + i, ""));
            scores.add(NumberInput.whole("outcomes.psfs[" + i + "].score", Measures.PSFS_SCORE));
        }
    }

    @Override
    public void load(Visit visit) {
        List<PsfsItem> psfs = visit.outcomes().psfs();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            PsfsItem item = i < psfs.size() ? psfs.get(i) : null;
            activities.get(i).set(item == null || item.activity() == null ? "" : item.activity());
            scores.get(i).set(item == null ? null : item.score());
        }
        iciq.set(visit.outcomes().iciqUiSfScore());
        pgiI.set(visit.outcomes().pgiI());
    }

    /**
     * Puts the activities of her previous visit in the empty rows, unscored (a follow-up scores the same
     * activities again). Until she scores one it is not an item: nothing to refuse, nothing saved.
     */
    void carry(List<String> names) {
        carried.clear();
        int row = 0;
        for (String name : names) {
            while (row < Outcomes.PSFS_MAX_ITEMS && !emptyRow(row)) {
                row++;
            }
            if (row == Outcomes.PSFS_MAX_ITEMS) {
                return;
            }
            activities.get(row).set(name);
            carried.add(Outcomes.key(name));
        }
    }

    private boolean emptyRow(int row) {
        return activities.get(row).get().isBlank() && scores.get(row).textProperty().get().isBlank();
    }

    /** A carried activity left as it came, without a score. */
    private boolean carriedUnscored(int row) {
        return scores.get(row).textProperty().get().isBlank() && carried.contains(Outcomes.key(activities.get(row).get()));
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        List<PsfsItem> psfs = new ArrayList<>();
        for (int row : asTyped ? typedRows() : IntStream.range(0, Outcomes.PSFS_MAX_ITEMS).boxed().toList()) {
            String activity = VisitSection.blankToNull(activities.get(row).get());
            Integer score = scores.get(row).intValue();
            if (asTyped) {
                psfs.add(new PsfsItem(activity, score));
            } else if (activity != null && score != null
                    && activity.codePointCount(0, activity.length()) <= Measures.PSFS_ACTIVITY_MAX_LENGTH) {
                psfs.add(new PsfsItem(activity, score));
            }
        }
        visit.outcomes(new Outcomes(psfs, iciq.intValue(), pgiI.intValue()));
    }

    /** The rows with anything typed in them: as typed, each is one item, in order. */
    private List<Integer> typedRows() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < Outcomes.PSFS_MAX_ITEMS; i++) {
            if (!emptyRow(i) && !carriedUnscored(i)) {
                rows.add(i);
            }
        }
        return rows;
    }

    /**
     * Where a field the validator names of the visit as typed stands on screen: it counts the items
     * given, the form has a fixed row for each.
     */
    String onScreen(String field) {
        Matcher item = PSFS_ITEM.matcher(field);
        if (!item.matches()) {
            return field;
        }
        return "outcomes.psfs[" + typedRows().get(Integer.parseInt(item.group(1))) + "]" + item.group(2);
    }

    @Override
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>(activities);
        scores.forEach(s -> all.add(s.textProperty()));
        all.add(iciq.textProperty());
        all.add(pgiI.textProperty());
        return all;
    }

    @Override
    public List<NumberInput> numberInputs() {
        List<NumberInput> all = new ArrayList<>(List.of(iciq, pgiI));
        all.addAll(scores);
        return all;
    }
}
