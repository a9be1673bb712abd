package app.rebound.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a patient record before it is saved or imported. */
public final class PatientValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    /** Any text with a digit in it: clinics write extensions and notes ("ext. 12", "evenings"). */
    private static final Pattern PHONE = Pattern.compile(".*\\d.*");

    private PatientValidator() {
    }

    /** Every broken rule, field by field; empty when the patient can be saved. */
    public static List<Violation> validate(Patient patient, LocalDate today) {
        List<Violation> problems = new ArrayList<>();
        name(problems, "givenName", patient.givenName());
        name(problems, "familyName", patient.familyName());

        LocalDate dob = patient.dateOfBirth();
        if (dob != null) {
            LocalDate earliest = today.minusYears(PatientRules.PLAUSIBLE_AGE_YEARS.max());
            LocalDate latest = today.minusYears(PatientRules.PLAUSIBLE_AGE_YEARS.min());
            if (dob.isAfter(today)) {
                problems.add(Violation.of("dateOfBirth", "validation.dateOfBirth.future"));
            } else if (dob.isBefore(earliest) || dob.isAfter(latest)) {
                problems.add(Violation.of("dateOfBirth", "validation.dateOfBirth.implausible",
                        PatientRules.PLAUSIBLE_AGE_YEARS.min(), PatientRules.PLAUSIBLE_AGE_YEARS.max()));
            }
        }

        String phone = patient.phone();
        if (phone != null) {
            if (phone.length() > PatientRules.PHONE_MAX_LENGTH) {
                problems.add(Violation.of("phone", "validation.tooLong", PatientRules.PHONE_MAX_LENGTH));
            } else if (!PHONE.matcher(phone).matches()) {
                problems.add(Violation.of("phone", "validation.phone"));
            }
        }
        String email = patient.email();
        if (email != null) {
            if (email.length() > PatientRules.EMAIL_MAX_LENGTH) {
                problems.add(Violation.of("email", "validation.tooLong", PatientRules.EMAIL_MAX_LENGTH));
            } else if (!EMAIL.matcher(email).matches()) {
                problems.add(Violation.of("email", "validation.email"));
            }
        }

        if (patient.previousWeeklyRunKm() != null) {
            DecimalRange range = PatientRules.PREVIOUS_WEEKLY_RUN_KM;
            if (!range.contains(patient.previousWeeklyRunKm())) {
                problems.add(Violation.of("previousWeeklyRunKm", "validation.outsideRange",
                        patient.previousWeeklyRunKm().toPlainString(), range.describe()));
            } else if (!range.hasAllowedScale(patient.previousWeeklyRunKm())) {
                problems.add(Violation.of("previousWeeklyRunKm", "validation.decimals", range.maxDecimals()));
            }
        }
        length(problems, "goal", patient.goal(), PatientRules.GOAL_MAX_LENGTH);
        length(problems, "notes", patient.notes(), PatientRules.NOTES_MAX_LENGTH);

        List<Birth> births = patient.births();
        for (int i = 0; i < births.size(); i++) {
            LocalDate date = births.get(i).date();
            String field = "births[" + i + "].date";
            if (date.isAfter(today)) {
                problems.add(Violation.of(field, "validation.birth.future"));
            } else if (dob != null && !date.isAfter(dob)) {
                problems.add(Violation.of(field, "validation.birth.beforeDateOfBirth"));
            }
        }
        return problems;
    }

    private static void name(List<Violation> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(Violation.of(field, "validation." + field + ".required"));
        } else {
            length(problems, field, value, PatientRules.NAME_MAX_LENGTH);
        }
    }

    private static void length(List<Violation> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(Violation.of(field, "validation.tooLong", max));
        }
    }
}
