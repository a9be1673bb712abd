package app.rebound.ui.visit;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;

/** Symptoms: the eight yes/no questions, pain and when symptoms start on a run. */
final class SymptomsSection implements VisitSection {

    final List<ObjectProperty<Boolean>> flags = new ArrayList<>();
    final NumberInput painNrs = NumberInput.whole("symptoms.painNrs", Measures.PAIN_NRS);
    final NumberInput runOnset = NumberInput.whole("symptoms.runSymptomOnsetMinutes",
            Measures.RUN_SYMPTOM_ONSET_MINUTES);

    SymptomsSection() {
        for (int i = 0; i < 8; i++) {
            flags.add(new SimpleObjectProperty<>(this, "symptom" + i));
        }
    }

    /** Every symptom asked and absent, a common quick entry. */
    void none() {
        flags.forEach(f -> f.set(false));
    }

    @Override
    public void load(Visit visit) {
        List<Boolean> stored = visit.symptoms().flags();
        for (int i = 0; i < stored.size(); i++) {
            flags.get(i).set(stored.get(i));
        }
        painNrs.set(visit.symptoms().painNrs());
        runOnset.set(visit.symptoms().runSymptomOnsetMinutes());
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        visit.symptoms(new Symptoms(flags.get(0).get(), flags.get(1).get(), flags.get(2).get(), flags.get(3).get(),
                flags.get(4).get(), flags.get(5).get(), flags.get(6).get(), flags.get(7).get(), painNrs.intValue(),
                runOnset.intValue()));
    }

    @Override
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>(flags);
        all.add(painNrs.textProperty());
        all.add(runOnset.textProperty());
        return all;
    }

    @Override
    public List<NumberInput> numberInputs() {
        return List.of(painNrs, runOnset);
    }
}
