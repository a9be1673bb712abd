package app.rebound.ui.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import app.rebound.domain.Birth;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.service.ChangedElsewhereException;
import app.rebound.service.Edition;
import app.rebound.service.PatientService;
import app.rebound.ui.kit.BackgroundTask;
import app.rebound.ui.kit.ChangedElsewhere;
import app.rebound.ui.kit.Conflict;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.Dialogs;
import app.rebound.ui.kit.TaskRunner;

/**
 * The new/edit patient form. Checks as the clinician types (a field's message appears once she
 * has left it, or tried to save), never throws away what was typed, and saves in the background.
 */
public final class PatientFormViewModel {

    private final PatientService service;
    private final TaskRunner tasks;
    private final DateInput dates;
    private final Dialogs dialogs;
    /** Her details as read (or as saved on another workstation, once she chose between the two); null for new. */
    private Patient original;
    /** The version of her stored details the next save starts from. */
    private long version;

    private final StringProperty givenName = new SimpleStringProperty(this, "givenName", "");
    private final StringProperty familyName = new SimpleStringProperty(this, "familyName", "");
    private final StringProperty dateOfBirth = new SimpleStringProperty(this, "dateOfBirth", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty previousWeeklyRunKm = new SimpleStringProperty(this, "previousWeeklyRunKm", "");
    private final StringProperty goal = new SimpleStringProperty(this, "goal", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObservableList<BirthForm> births = FXCollections.observableArrayList(
            b -> new Observable[] {b.dateProperty(), b.modeProperty(), b.traumaProperty()});

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final Set<String> touched = new HashSet<>();
    private String initialSnapshot;
    private boolean attempted;

    /**
     * @param original her details as read, with their {@code version} ({@link PatientService#open}); null and
     *                 {@link Edition#NEW} for a new patient
     * @param dialogs  what the form asks her: which details to keep when another workstation saved hers first
     */
    public PatientFormViewModel(PatientService service, TaskRunner tasks, DateInput dates, Patient original,
            long version, Dialogs dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.dates = dates;
        this.original = original;
        this.version = version;
        this.dialogs = dialogs;
        fill(original);
        initialSnapshot = snapshot();
        for (StringProperty field : List.of(givenName, familyName, dateOfBirth, phone, email, previousWeeklyRunKm,
                goal, notes)) {
            field.addListener((obs, old, now) -> recheck());
        }
        births.addListener((ListChangeListener<BirthForm>) change -> recheck());
    }

    /** The form shows these details (none for a new patient). */
    private void fill(Patient shown) {
        if (shown != null) {
            births.clear();
            givenName.set(shown.givenName());
            familyName.set(shown.familyName());
            dateOfBirth.set(dates.format(shown.dateOfBirth()));
            phone.set(orEmpty(shown.phone()));
            email.set(orEmpty(shown.email()));
            previousWeeklyRunKm.set(shown.previousWeeklyRunKm() == null ? ""
                    : shown.previousWeeklyRunKm().toPlainString());
            goal.set(orEmpty(shown.goal()));
            notes.set(orEmpty(shown.notes()));
            for (Birth birth : shown.births()) {
                BirthForm form = new BirthForm();
                form.dateProperty().set(dates.format(birth.date()));
                form.modeProperty().set(birth.mode());
                form.traumaProperty().set(birth.perinealTrauma());
                births.add(form);
            }
        }
    }

    public boolean isNew() {
        return original == null;
    }

    /** Whether anything differs from what the form was opened with. */
    public boolean isDirty() {
        return !snapshot().equals(initialSnapshot);
    }

    /** The clinician left this field: from now on its message shows. */
    public void touch(String field) {
        touched.add(field);
        recheck();
    }

    public BirthForm addBirth() {
        BirthForm form = new BirthForm();
        births.add(form);
        return form;
    }

    public void removeBirth(BirthForm form) {
        int index = births.indexOf(form);
        births.remove(form);
        // keep messages attached to the rows that remain
        touched.removeIf(f -> f.startsWith("births["));
        if (index >= 0) {
            for (int i = 0; i < births.size(); i++) {
                touched.add("births[" + i + "].date");
            }
        }
        recheck();
    }

    /**
     * Checks everything and, when all is well, saves in the background and hands the saved
     * patient to {@code onSaved}. Returns the first field in error, if any, so the view can focus it.
     */
    public Optional<String> save(Consumer<Patient> onSaved) {
        attempted = true;
        Checked checked = check();
        showErrors(checked.errors());
        if (!checked.errors().isEmpty() || checked.patient() == null) {
            return checked.errors().keySet().stream().findFirst();
        }
        if (saving.get()) {
            return Optional.empty();
        }
        saving.set(true);
        Patient patient = checked.patient();
        long from = version;
        BackgroundTask.wrap(() -> service.save(patient, from))
                .onSuccess(edition -> {
                    version = edition.version();
                    onSaved.accept(edition.value());
                })
                .onError(ChangedElsewhereException.class, refused -> {
                    saving.set(false);
                    changedElsewhere(refused, patient, onSaved);
                })
                .onFailure(failure -> {
                    if (failure instanceof ValidationException invalid) {
                        Map<String, String> found = new LinkedHashMap<>();
                        for (Violation v : invalid.violations()) {
                            found.putIfAbsent(formField(v.field(), checked.birthRows()), v.message());
                        }
                        showErrors(found);
                    } else {
                        dialogs.report("action.savePatient", failure);
                    }
                })
                .onFinished(() -> saving.set(false))
                .executeWith(tasks);
        return Optional.empty();
    }

    /**
     * Her save was refused: another workstation saved her details since this form read them. Nothing was
     * written; the form shows her values beside the ones saved there, field by field, for her to choose.
     */
    private void changedElsewhere(ChangedElsewhereException refused, Patient mine, Consumer<Patient> onSaved) {
        String who = ChangedElsewhere.describe(refused);
        if (refused.removed()) {
            dialogs.error(who);
            return;
        }
        BackgroundTask.wrap(() -> service.conflictWith(mine))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        dialogs.error(Messages.get("conflict.removed"));
                        return;
                    }
                    PatientService.Conflict conflict = found.get();
                    if (conflict.differences().isEmpty()) {
                        // the other workstation saved what she typed: nothing of hers is lost
                        adopt(conflict.theirs(), false);
                        onSaved.accept(conflict.theirs().value());
                        return;
                    }
                    List<Conflict.Row> rows = conflict.differences().stream()
                            .map(d -> new Conflict.Row(d.label(), d.yours(), d.theirs())).toList();
                    switch (dialogs.resolve(new Conflict(who, rows))) {
                        case KEEP_MINE -> {
                            adopt(conflict.theirs(), false);
                            save(onSaved);
                        }
                        case TAKE_THEIRS -> adopt(conflict.theirs(), true);
                        case LATER -> {
                            // her values stay in the form; saving again shows the two versions again
                        }
                    }
                })
                .onFailure(failure -> dialogs.report("action.savePatient", failure))
                .executeWith(tasks);
    }

    /** Goes on from the version stored now: with her values, or ({@code theirs}) showing the stored details. */
    private void adopt(Edition<Patient> stored, boolean theirs) {
        version = stored.version();
        original = stored.value();
        if (theirs) {
            fill(stored.value());
            initialSnapshot = snapshot();
            recheck();
        }
    }

    private void recheck() {
        if (attempted || !touched.isEmpty()) {
            showErrors(check().errors());
        }
    }

    private void showErrors(Map<String, String> all) {
        Map<String, String> visible = new LinkedHashMap<>();
        all.forEach((field, message) -> {
            if (attempted || touched.contains(field)) {
                visible.put(field, message);
            }
        });
        errors.keySet().retainAll(visible.keySet());
        errors.putAll(visible);
    }

    private record Checked(Patient patient, Map<String, String> errors, List<Integer> birthRows) {
    }

    /** Parses what was typed, then applies the domain's rules. Errors are in form order. */
    private Checked check() {
        Map<String, String> found = new LinkedHashMap<>();
        LocalDate dob = parseDate("dateOfBirth", dateOfBirth.get(), found);
        BigDecimal km = null;
        String kmText = previousWeeklyRunKm.get() == null ? "" : previousWeeklyRunKm.get().strip().replace(',', '.');
        if (!kmText.isEmpty()) {
            if (kmText.matches("-?\\d{1,6}(\\.\\d+)?")) {
                km = new BigDecimal(kmText);
            } else {
                found.put("previousWeeklyRunKm", Messages.get("validation.number.km"));
            }
        }
        record Row(int index, Birth birth) {
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < births.size(); i++) {
            BirthForm form = births.get(i);
            String field = "births[" + i + "].date";
            LocalDate date = parseDate(field, form.dateProperty().get(), found);
            if (date == null && !found.containsKey(field)) {
                found.put(field, Messages.get("validation.birth.dateRequired"));
            }
            if (date != null) {
                rows.add(new Row(i, new Birth(date, form.modeProperty().get(), form.traumaProperty().get())));
            }
        }
        rows.sort(Comparator.comparing(r -> r.birth().date()));
        List<Integer> birthRows = rows.stream().map(Row::index).toList();
        Patient patient = new Patient(
                original == null ? UUID.randomUUID() : original.id(),
                original == null ? Instant.EPOCH : original.updated(),
                TextNormalization.clean(givenName.get()),
                TextNormalization.clean(familyName.get()),
                dob,
                TextNormalization.clean(phone.get()),
                TextNormalization.clean(email.get()),
                original != null && original.archived(),
                rows.stream().map(Row::birth).toList(),
                km,
                TextNormalization.clean(goal.get()),
                TextNormalization.cleanNotes(notes.get()),
                original == null ? null : original.extensions());
        for (Violation v : PatientValidator.validate(patient, service.today())) {
            found.putIfAbsent(formField(v.field(), birthRows), v.message());
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        Stream.concat(Stream.of("givenName", "familyName", "dateOfBirth", "phone", "email", "previousWeeklyRunKm",
                        "goal", "notes"), births.stream().map(b -> "births[" + births.indexOf(b) + "].date"))
                .filter(found::containsKey)
                .forEach(f -> ordered.put(f, found.get(f)));
        found.forEach(ordered::putIfAbsent);
        return new Checked(ordered.isEmpty() ? patient : null, ordered, birthRows);
    }

    /** Violations name births in date order; the form shows them in the order they were typed. */
    private static String formField(String field, List<Integer> birthRows) {
        if (field.startsWith("births[")) {
            int sorted = Integer.parseInt(field.substring(7, field.indexOf(']')));
            if (sorted < birthRows.size()) {
                return "births[" + birthRows.get(sorted) + "]" + field.substring(field.indexOf(']') + 1);
            }
        }
        return field;
    }

    private LocalDate parseDate(String field, String text, Map<String, String> found) {
        try {
            return dates.parse(text).orElse(null);
        } catch (DateTimeParseException e) {
            found.put(field, Messages.format("validation.date.format", dates.hint(), dates.format(LocalDate.of(1990, 1, 31))));
            return null;
        }
    }

    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (StringProperty field : List.of(givenName, familyName, dateOfBirth, phone, email, previousWeeklyRunKm,
                goal, notes)) {
            out.append(field.get()).append('\u0000');
        }
        births.forEach(b -> out.append(b.snapshot()).append('\u0001'));
        return out.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public StringProperty givenNameProperty() {
        return givenName;
    }

    public StringProperty familyNameProperty() {
        return familyName;
    }

    public StringProperty dateOfBirthProperty() {
        return dateOfBirth;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty previousWeeklyRunKmProperty() {
        return previousWeeklyRunKm;
    }

    public StringProperty goalProperty() {
        return goal;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObservableList<BirthForm> births() {
        return births;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public String dateHint() {
        return dates.hint();
    }
}
