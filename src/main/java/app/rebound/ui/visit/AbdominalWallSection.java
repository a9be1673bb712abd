package app.rebound.ui.visit;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import app.rebound.domain.visit.AbdominalMethod;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.LineaAlba;
import app.rebound.domain.visit.Measures;
import app.rebound.domain.visit.Visit;

/** The abdominal wall: the gap between the recti at three levels (in the unit chosen), doming, linea alba. */
final class AbdominalWallSection implements VisitSection {

    final ObjectProperty<AbdominalMethod> method = new SimpleObjectProperty<>(this, "abdominalMethod");
    final ObjectProperty<IrdUnit> unit = new SimpleObjectProperty<>(this, "irdUnit");
    final NumberInput above = NumberInput.decimal("abdominalWall.aboveUmbilicus", Measures.IRD_FINGER_WIDTHS);
    final NumberInput at = NumberInput.decimal("abdominalWall.atUmbilicus", Measures.IRD_FINGER_WIDTHS);
    final NumberInput below = NumberInput.decimal("abdominalWall.belowUmbilicus", Measures.IRD_FINGER_WIDTHS);
    final ObjectProperty<Boolean> doming = new SimpleObjectProperty<>(this, "doming");
    final ObjectProperty<LineaAlba> lineaAlba = new SimpleObjectProperty<>(this, "lineaAlba");

    AbdominalWallSection() {
        unit.addListener((obs, old, now) -> {
            for (NumberInput distance : List.of(above, at, below)) {
                distance.setDecimalRange(Measures.ird(now));
            }
        });
    }

    @Override
    public void load(Visit visit) {
        AbdominalWall a = visit.abdominalWall();
        method.set(a.method());
        unit.set(a.unit());
        above.set(a.aboveUmbilicus());
        at.set(a.atUmbilicus());
        below.set(a.belowUmbilicus());
        doming.set(a.doming());
        lineaAlba.set(a.lineaAlba());
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        visit.abdominalWall(new AbdominalWall(method.get(), unit.get(), above.decimalValue(), at.decimalValue(),
                below.decimalValue(), doming.get(), lineaAlba.get()));
    }

    @Override
    public List<Observable> observables() {
        return List.of(method, unit, above.textProperty(), at.textProperty(), below.textProperty(), doming, lineaAlba);
    }

    @Override
    public List<NumberInput> numberInputs() {
        return List.of(above, at, below);
    }
}
