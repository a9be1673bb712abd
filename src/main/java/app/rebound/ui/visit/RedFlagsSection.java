package app.rebound.ui.visit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Visit;

/**
 * Red flags: whether they were asked, and which are present. While one is ticked, "asked" stays ticked:
 * a red flag is cleared only by unticking the flag itself (clinical reference §7).
 */
final class RedFlagsSection implements VisitSection {

    final BooleanProperty asked = new SimpleBooleanProperty(this, "redFlagsAsked", false);
    final Map<RedFlag, BooleanProperty> flags = new EnumMap<>(RedFlag.class);
    final BooleanBinding anyPresent;

    RedFlagsSection() {
        for (RedFlag flag : RedFlag.values()) {
            BooleanProperty present = new SimpleBooleanProperty(this, flag.name(), false);
            present.addListener((obs, was, now) -> {
                if (now) {
                    asked.set(true);
                }
            });
            flags.put(flag, present);
        }
        anyPresent = Bindings.createBooleanBinding(() -> flags.values().stream().anyMatch(BooleanProperty::get),
                flags.values().toArray(Observable[]::new));
        asked.addListener((obs, was, now) -> {
            if (!now && anyPresent.get()) {
                asked.set(true);
            }
        });
    }

    /** Asked, none present. */
    void none() {
        flags.values().forEach(p -> p.set(false));
        asked.set(true);
    }

    @Override
    public void load(Visit visit) {
        flags.forEach((flag, present) -> present.set(visit.redFlags() != null && visit.redFlags().contains(flag)));
        asked.set(visit.redFlags() != null);
    }

    @Override
    public void applyTo(Visit.Builder visit, Visit saved, boolean asTyped) {
        EnumSet<RedFlag> present = EnumSet.noneOf(RedFlag.class);
        flags.forEach((flag, on) -> {
            if (on.get()) {
                present.add(flag);
            }
        });
        visit.redFlags(asked.get() ? present : null);
    }

    @Override
    public List<Observable> observables() {
        List<Observable> all = new ArrayList<>(flags.values());
        all.add(asked);
        return all;
    }
}
