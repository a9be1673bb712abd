package app.rebound.ui.patients;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import app.rebound.domain.BirthMode;
import app.rebound.domain.PerinealTrauma;

/** One birth as it is being typed. */
public final class BirthForm {

    private final StringProperty date = new SimpleStringProperty(this, "date", "");
    private final ObjectProperty<BirthMode> mode = new SimpleObjectProperty<>(this, "mode");
    private final ObjectProperty<PerinealTrauma> trauma = new SimpleObjectProperty<>(this, "trauma");

    public StringProperty dateProperty() {
        return date;
    }

    public ObjectProperty<BirthMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<PerinealTrauma> traumaProperty() {
        return trauma;
    }

    String snapshot() {
        return date.get() + "|" + mode.get() + "|" + trauma.get();
    }
}
