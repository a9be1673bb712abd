package app.rebound.ui.visit;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.visit.ExamMethod;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Tone;
import app.rebound.domain.visit.Visit;

/** The pelvic floor examination: PERFECT, relaxation, tone, the standing hold and notes. */
final class PelvicFloorSection implements VisitSection {

    final ObjectProperty<ExamMethod> method = new SimpleObjectProperty<>(this, "method");
    final NumberInput power = NumberInput.whole("pelvicFloor.power", Measures.POWER);
    final NumberInput endurance = NumberInput.whole("pelvicFloor.enduranceSeconds", Measures.ENDURANCE_SECONDS);
    final NumberInput repetitions = NumberInput.whole("pelvicFloor.repetitions", Measures.REPETITIONS);
    final NumberInput fast = NumberInput.whole("pelvicFloor.fastContractions", Measures.FAST_CONTRACTIONS);
    final ObjectProperty<Boolean> elevation = new SimpleObjectProperty<>(this, "elevation");
    final ObjectProperty<Boolean> coContraction = new SimpleObjectProperty<>(this, "coContraction");
    final ObjectProperty<Boolean> knack = new SimpleObjectProperty<>(this, "coughPrecontraction");
    final ObjectProperty<Relaxation> relaxation = new SimpleObjectProperty<>(this, "relaxation");
    final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(this, "tone");
    final NumberInput standingHold = NumberInput.whole("pelvicFloor.standingSubmaxHoldSeconds",
            Measures.STANDING_SUBMAX_HOLD_SECONDS);
    final StringProperty notes = new SimpleStringProperty(this, "floorNotes", "");

    @Override
    public void load(Visit visit) {
        PelvicFloorExam f = visit.pelvicFloor();
        method.set(f.method());
        power.set(f.power());
        endurance.set(f.enduranceSeconds());
        repetitions.set(f.repetitions());
        fast.set(f.fastContractions());
        elevation.set(f.elevation());
        coContraction.set(f.coContraction());
        knack.set(f.coughPrecontraction());
        relaxation.set(f.relaxation());
        tone.set(f.tone());
        standingHold.set(f.standingSubmaxHoldSeconds());
        notes.set(f.notes() == null ? "" : f.notes());
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        visit.pelvicFloor(new PelvicFloorExam(method.get(), power.intValue(), endurance.intValue(),
                repetitions.intValue(), fast.intValue(), elevation.get(), coContraction.get(), knack.get(),
                relaxation.get(), tone.get(), standingHold.intValue(), asTyped ? VisitSection.blankToNull(notes.get())
                        : VisitSection.savable(notes.get(), saved.pelvicFloor().notes(), Measures.NOTES_MAX_LENGTH)));
    }

    @Override
    public List<Observable> observables() {
        return List.of(method, power.textProperty(), endurance.textProperty(), repetitions.textProperty(),
                fast.textProperty(), elevation, coContraction, knack, relaxation, tone, standingHold.textProperty(),
                notes);
    }

    @Override
    public List<NumberInput> numberInputs() {
        return List.of(power, endurance, repetitions, fast, standingHold);
    }
}
