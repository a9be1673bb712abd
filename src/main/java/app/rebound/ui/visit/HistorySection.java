package app.rebound.ui.visit;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import app.rebound.domain.visit.History;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Visit;

/** History: breastfeeding, sleep, BMI and the risk factors. */
final class HistorySection implements VisitSection {

    final ObjectProperty<Boolean> breastfeeding = new SimpleObjectProperty<>(this, "breastfeeding");
    final NumberInput sleepHours = NumberInput.decimal("history.sleepHours", Measures.SLEEP_HOURS);
    final NumberInput bmi = NumberInput.decimal("history.bmi", Measures.BMI);
    final ObjectProperty<Boolean> hypermobility = new SimpleObjectProperty<>(this, "hypermobility");
    final ObjectProperty<Boolean> psychologicalConcern = new SimpleObjectProperty<>(this, "psychologicalConcern");
    final ObjectProperty<Boolean> redsConcern = new SimpleObjectProperty<>(this, "redsConcern");
    final ObjectProperty<Boolean> leakedBefore = new SimpleObjectProperty<>(this, "leakedBeforeOrDuringPregnancy");
    final ObjectProperty<SupportDevice> supportDevice = new SimpleObjectProperty<>(this, "supportDevice");

    @Override
    public void load(Visit visit) {
        History h = visit.history();
        breastfeeding.set(h.breastfeeding());
        sleepHours.set(h.sleepHours());
        bmi.set(h.bmi());
        hypermobility.set(h.hypermobility());
        psychologicalConcern.set(h.psychologicalConcern());
        redsConcern.set(h.redsConcern());
        leakedBefore.set(h.leakedBeforeOrDuringPregnancy());
        supportDevice.set(h.supportDevice());
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        visit.history(new History(breastfeeding.get(), sleepHours.decimalValue(), bmi.decimalValue(),
                hypermobility.get(), psychologicalConcern.get(), redsConcern.get(), leakedBefore.get(),
                supportDevice.get()));
    }

    @Override
    public List<Observable> observables() {
        return List.of(breastfeeding, sleepHours.textProperty(), bmi.textProperty(), hypermobility,
                psychologicalConcern, redsConcern, leakedBefore, supportDevice);
    }

    @Override
    public List<NumberInput> numberInputs() {
        return List.of(sleepHours, bmi);
    }
}
