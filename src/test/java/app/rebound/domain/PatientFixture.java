package app.rebound.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A valid patient to start from in tests; change one field at a time to test one rule. */
public final class PatientFixture {

    public static final Instant UPDATED = Instant.parse("2026-01-02T03:04:05Z");

    private UUID id = UUID.randomUUID();
    private Instant updated = UPDATED;
    private String givenName = "Anna";
    private String familyName = "Smith";
    private LocalDate dateOfBirth;
    private String phone;
    private String email;
    private boolean archived;
    private List<Birth> births = new ArrayList<>();
    private BigDecimal previousWeeklyRunKm;
    private String goal;
    private String notes;
    private String extensions;

    private PatientFixture() {
    }

    public static PatientFixture patient() {
        return new PatientFixture();
    }

    public static PatientFixture patient(String givenName, String familyName) {
        return new PatientFixture().name(givenName, familyName);
    }

    public PatientFixture id(UUID value) {
        id = value;
        return this;
    }

    public PatientFixture updated(Instant value) {
        updated = value;
        return this;
    }

    public PatientFixture name(String given, String family) {
        givenName = given;
        familyName = family;
        return this;
    }

    public PatientFixture givenName(String value) {
        givenName = value;
        return this;
    }

    public PatientFixture familyName(String value) {
        familyName = value;
        return this;
    }

    public PatientFixture dateOfBirth(LocalDate value) {
        dateOfBirth = value;
        return this;
    }

    public PatientFixture phone(String value) {
        phone = value;
        return this;
    }

    public PatientFixture email(String value) {
        email = value;
        return this;
    }

    public PatientFixture archived(boolean value) {
        archived = value;
        return this;
    }

    public PatientFixture birth(LocalDate date) {
        births.add(new Birth(date, null, null));
        return this;
    }

    public PatientFixture birth(LocalDate date, BirthMode mode, PerinealTrauma trauma) {
        births.add(new Birth(date, mode, trauma));
        return this;
    }

    public PatientFixture previousWeeklyRunKm(String value) {
        previousWeeklyRunKm = value == null ? null : new BigDecimal(value);
        return this;
    }

    public PatientFixture goal(String value) {
        goal = value;
        return this;
    }

    public PatientFixture notes(String value) {
        notes = value;
        return this;
    }

    public PatientFixture extensions(String value) {
        extensions = value;
        return this;
    }

    public Patient build() {
        return new Patient(id, updated, givenName, familyName, dateOfBirth, phone, email, archived,
                List.copyOf(births), previousWeeklyRunKm, goal, notes, extensions);
    }
}
