package app.rebound.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which details of a patient differ between two versions of her record, in the patient form's words. */
public final class PatientDiff {

    private PatientDiff() {
    }

    /**
     * Field by field, in the order of the patient form, where her details as typed ({@code mine}) differ from
     * the ones saved on another workstation meanwhile ({@code theirs}).
     */
    public static List<FieldDifference> differences(Patient mine, Patient theirs) {
        List<FieldDifference> found = new ArrayList<>();
        add(found, "givenName", mine, theirs, Patient::givenName);
        add(found, "familyName", mine, theirs, Patient::familyName);
        add(found, "dateOfBirth", mine, theirs, Patient::dateOfBirth);
        add(found, "phone", mine, theirs, Patient::phone);
        add(found, "email", mine, theirs, Patient::email);
        add(found, "births", mine, theirs, Patient::births);
        add(found, "previousWeeklyRunKm", mine, theirs, Patient::previousWeeklyRunKm);
        add(found, "goal", mine, theirs, Patient::goal);
        add(found, "notes", mine, theirs, Patient::notes);
        add(found, "archived", mine, theirs, Patient::archived);
        return found;
    }

    private static void add(List<FieldDifference> found, String field, Patient mine, Patient theirs,
            Function<Patient, Object> value) {
        Object yours = value.apply(mine);
        Object stored = value.apply(theirs);
        if (!Objects.equals(yours, stored)) {
            found.add(new FieldDifference(field, label(field), words(yours), words(stored)));
        }
    }

    /** The form's label without its mnemonic: "Given name". */
    static String label(String field) {
        if (field.equals("archived")) {
            return Messages.get("conflict.field.archived");
        }
        return Messages.get(field.equals("births") ? "patient.section.births" : "patient." + field).replace("_", "");
    }

    private static String words(Object value) {
        if (value == null) {
            return Messages.get("value.notRecordedShort");
        }
        if (value instanceof Boolean yes) {
            return Messages.get(yes ? "value.yes" : "value.no");
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(date);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof List<?> births) {
            return births.isEmpty() ? Messages.get("amend.none") : births.stream().map(PatientDiff::birth)
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }

    private static String birth(Object value) {
        Birth birth = (Birth) value;
        List<String> parts = new ArrayList<>();
        parts.add(words(birth.date()));
        if (birth.mode() != null) {
            parts.add(Messages.name(birth.mode()));
        }
        if (birth.perinealTrauma() != null) {
            parts.add(Messages.name(birth.perinealTrauma()));
        }
        return String.join(", ", parts);
    }
}
