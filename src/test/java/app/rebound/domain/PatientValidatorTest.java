package app.rebound.domain;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PatientValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static List<Violation> validate(PatientFixture patient) {
        return PatientValidator.validate(patient.build(), TODAY);
    }

    /** The one violation the patient has; fails when there is none or more than one. */
    private static Violation onlyViolation(PatientFixture patient) {
        List<Violation> violations = validate(patient);
        assertThat(violations).hasSize(1);
        Violation violation = violations.get(0);
        assertIsASentence(violation);
        return violation;
    }

    private static void assertIsASentence(Violation violation) {
        String message = violation.message();
        assertThat(message)
                .as("message of %s", violation.messageKey())
                .isNotEqualTo(violation.messageKey())
                .doesNotContain("{", "}")
                .endsWith(".")
                .contains(" ");
        assertThat(Character.isLowerCase(message.codePointAt(0))).as(message).isFalse();
    }

    private static String codePoints(String unit, int count) {
        return unit.repeat(count);
    }

    @Test
    void aCompletePlausiblePatientHasNoViolations() {
        PatientFixture complete = patient("Zoë", "Ødegård")
                .dateOfBirth(TODAY.minusYears(30))
                .phone("+44 (0)20 7946-0958")
                .email("zoe.odegard@example.co.uk")
                .birth(TODAY.minusWeeks(12), BirthMode.VAGINAL, PerinealTrauma.TEAR_2)
                .birth(TODAY.minusYears(3))
                .previousWeeklyRunKm("25")
                .goal("Run a 10 km race in spring")
                .notes("Some notes");

        assertThat(validate(complete)).isEmpty();
    }

    @Test
    void onlyTheNamesAreRequired() {
        assertThat(validate(patient("Anna", "Smith"))).isEmpty();
    }

    @Nested
    class Names {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t", "\u2003"})
        void givenNameIsRequired(String blank) {
            Violation violation = onlyViolation(patient().givenName(blank));

            assertThat(violation.field()).isEqualTo("givenName");
            assertThat(violation.messageKey()).isEqualTo("validation.givenName.required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void familyNameIsRequired(String blank) {
            Violation violation = onlyViolation(patient().familyName(blank));

            assertThat(violation.field()).isEqualTo("familyName");
            assertThat(violation.messageKey()).isEqualTo("validation.familyName.required");
        }

        @Test
        void bothMissingNamesAreReported() {
            assertThat(validate(patient(null, " "))).extracting(Violation::field)
                    .containsExactlyInAnyOrder("givenName", "familyName");
        }

        @Test
        void requiredNameMessagesReadAsWritten() {
            Violation given = onlyViolation(patient().givenName(null));
            Violation family = onlyViolation(patient().familyName(null));

            assertThat(given.message()).isEqualTo(Messages.get("validation.givenName.required"))
                    .containsAnyOf("patient's given name", "patient\u2019s given name");
            assertThat(family.message()).isEqualTo(Messages.get("validation.familyName.required"))
                    .containsAnyOf("patient's family name", "patient\u2019s family name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "é", "李", "😀", "𠀀"})
        void aHundredCodePointsAreAccepted(String unit) {
            String name = codePoints(unit, 100);

            assertThat(validate(patient(name, name))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "李", "😀", "𠀀"})
        void aHundredAndOneCodePointsAreRefused(String unit) {
            Violation violation = onlyViolation(patient().givenName(codePoints(unit, 101)));

            assertThat(violation.field()).isEqualTo("givenName");
            assertThat(violation.messageKey()).isEqualTo("validation.tooLong");
            assertThat(violation.message()).isEqualTo("This is too long: at most 100 characters.");
        }

        @Test
        void lengthCountsCharactersNotUtf16Units() {
            String ninetyNineLettersAndAnEmoji = "a".repeat(99) + "😀";
            assertThat(ninetyNineLettersAndAnEmoji).hasSize(101);

            assertThat(validate(patient().familyName(ninetyNineLettersAndAnEmoji))).isEmpty();
        }

        @Test
        void tooLongFamilyNameNamesItsField() {
            assertThat(onlyViolation(patient().familyName("b".repeat(101))).field()).isEqualTo("familyName");
        }
    }

    @Nested
    class DateOfBirth {

        @Test
        void inTheFutureIsRefused() {
            Violation violation = onlyViolation(patient().dateOfBirth(TODAY.plusDays(1)));

            assertThat(violation.field()).isEqualTo("dateOfBirth");
            assertThat(violation.messageKey()).isEqualTo("validation.dateOfBirth.future");
            assertThat(violation.message()).isEqualTo("The date of birth is in the future. Check the year.");
        }

        @Test
        void elevenYearsAgoIsImplausible() {
            Violation violation = onlyViolation(patient().dateOfBirth(TODAY.minusYears(11)));

            assertThat(violation.field()).isEqualTo("dateOfBirth");
            assertThat(violation.messageKey()).isEqualTo("validation.dateOfBirth.implausible");
            assertThat(violation.message())
                    .isEqualTo("That would make her younger than 12 or older than 100. Check the year.");
        }

        @Test
        void todayIsImplausibleNotFuture() {
            assertThat(onlyViolation(patient().dateOfBirth(TODAY)).messageKey())
                    .isEqualTo("validation.dateOfBirth.implausible");
        }

        @Test
        void theDayBeforeTwelfthBirthdayIsRefusedAndTheBirthdayAccepted() {
            assertThat(onlyViolation(patient().dateOfBirth(TODAY.minusYears(12).plusDays(1))).field())
                    .isEqualTo("dateOfBirth");
            assertThat(validate(patient().dateOfBirth(TODAY.minusYears(12)))).isEmpty();
        }

        @Test
        void thirtyYearsAgoIsAccepted() {
            assertThat(validate(patient().dateOfBirth(TODAY.minusYears(30)))).isEmpty();
        }

        @Test
        void aHundredYearsIsTheOldestPlausible() {
            assertThat(validate(patient().dateOfBirth(TODAY.minusYears(100)))).isEmpty();
            assertThat(onlyViolation(patient().dateOfBirth(TODAY.minusYears(100).minusDays(1))).messageKey())
                    .isEqualTo("validation.dateOfBirth.implausible");
        }

        @Test
        void theRangeIsTheOneInPatientRules() {
            assertThat(PatientRules.PLAUSIBLE_AGE_YEARS.min()).isEqualTo(12);
            assertThat(PatientRules.PLAUSIBLE_AGE_YEARS.max()).isEqualTo(100);
        }
    }

    @Nested
    class Births {

        @Test
        void inTheFutureIsRefused() {
            Violation violation = onlyViolation(patient().birth(TODAY.plusDays(1)));

            assertThat(violation.field()).isEqualTo("births[0].date");
            assertThat(violation.messageKey()).isEqualTo("validation.birth.future");
        }

        @Test
        void todayIsAccepted() {
            assertThat(validate(patient().birth(TODAY))).isEmpty();
        }

        @Test
        void onThePatientsOwnDateOfBirthIsRefused() {
            LocalDate dob = TODAY.minusYears(30);

            Violation violation = onlyViolation(patient().dateOfBirth(dob).birth(dob));

            assertThat(violation.field()).isEqualTo("births[0].date");
            assertThat(violation.messageKey()).isEqualTo("validation.birth.beforeDateOfBirth");
            assertThat(violation.message()).isEqualTo(Messages.get("validation.birth.beforeDateOfBirth"))
                    .containsAnyOf("patient's own date", "patient\u2019s own date");
        }

        @Test
        void beforeThePatientsOwnDateOfBirthIsRefused() {
            LocalDate dob = TODAY.minusYears(30);

            assertThat(onlyViolation(patient().dateOfBirth(dob).birth(dob.minusDays(1))).messageKey())
                    .isEqualTo("validation.birth.beforeDateOfBirth");
        }

        @Test
        void fieldNamesTheBirthByItsPlaceInDateOrder() {
            PatientFixture twoBirths = patient()
                    .birth(TODAY.plusDays(10))
                    .birth(TODAY.minusYears(2));

            assertThat(onlyViolation(twoBirths).field()).isEqualTo("births[1].date");
        }
    }

    @Nested
    class Email {

        @ParameterizedTest
        @ValueSource(strings = {"a@b.co", "zoe.odegard+rebound@example.co.uk", "zoë@example.no"})
        void wellFormedAddressesAreAccepted(String email) {
            assertThat(validate(patient().email(email))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a@b", "a b@c.d", "@x.y", "a@@b.co", "a@b.", "a@.co", "zoe", "a@b .co"})
        void otherShapesAreRefused(String email) {
            Violation violation = onlyViolation(patient().email(email));

            assertThat(violation.field()).isEqualTo("email");
            assertThat(violation.messageKey()).isEqualTo("validation.email");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0800 CALL NOW", "020 7946 0958 ext. 3", "+47 912 34 567 (evenings)"})
        void numbersWithWordsAreAcceptedAsClinicsWriteThem(String phone) {
            assertThat(PatientValidator.validate(patient().phone(phone).build(), TODAY)).isEmpty();
        }

        @Test
        void longerThanTheLimitIsRefusedAsTooLong() {
            String email = "a".repeat(PatientRules.EMAIL_MAX_LENGTH - "@b.co".length() + 1) + "@b.co";

            Violation violation = onlyViolation(patient().email(email));

            assertThat(violation.field()).isEqualTo("email");
            assertThat(violation.messageKey()).isEqualTo("validation.tooLong");
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @ValueSource(strings = {"+44 (0)20 7946-0958", "020 7946 0958", "0047.22.33.44.55", "112"})
        void digitsWithUsualSeparatorsAreAccepted(String phone) {
            assertThat(validate(patient().phone(phone))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"call me", "+", "()", "evenings only"})
        void textWithoutADigitIsRefused(String phone) {
            Violation violation = onlyViolation(patient().phone(phone));

            assertThat(violation.field()).isEqualTo("phone");
            assertThat(violation.messageKey()).isEqualTo("validation.phone");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0800 CALL NOW", "020 7946 0958 ext. 3", "+47 912 34 567 (evenings)"})
        void numbersWithWordsAreAcceptedAsClinicsWriteThem(String phone) {
            assertThat(PatientValidator.validate(patient().phone(phone).build(), TODAY)).isEmpty();
        }

        @Test
        void longerThanTheLimitIsRefusedAsTooLong() {
            Violation violation = onlyViolation(patient().phone("1".repeat(PatientRules.PHONE_MAX_LENGTH + 1)));

            assertThat(violation.field()).isEqualTo("phone");
            assertThat(violation.messageKey()).isEqualTo("validation.tooLong");
        }
    }

    @Nested
    class PreviousWeeklyRunKm {

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "12.5", "12.34", "12.500", "300", "300.00"})
        void withinTheRangeAndTwoDecimalsIsAccepted(String km) {
            assertThat(validate(patient().previousWeeklyRunKm(km))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"300.01", "301", "-1", "-0.01"})
        void outsideTheRangeIsRefused(String km) {
            Violation violation = onlyViolation(patient().previousWeeklyRunKm(km));

            assertThat(violation.field()).isEqualTo("previousWeeklyRunKm");
            assertThat(violation.messageKey()).isEqualTo("validation.outsideRange");
        }

        @Test
        void outsideTheRangeMessageQuotesTheValueAndTheRange() {
            assertThat(onlyViolation(patient().previousWeeklyRunKm("300.01")).message())
                    .isEqualTo("300.01 is outside 0–300 km a week.");
        }

        @Test
        void moreThanTwoDecimalsIsRefused() {
            Violation violation = onlyViolation(patient().previousWeeklyRunKm("12.345"));

            assertThat(violation.field()).isEqualTo("previousWeeklyRunKm");
            assertThat(violation.messageKey()).isEqualTo("validation.decimals");
            assertThat(violation.message()).isEqualTo("Use at most 2 decimal places.");
        }
    }

    @Nested
    class FreeText {

        @Test
        void notesOfTwentyThousandCharactersAreAccepted() {
            assertThat(validate(patient().notes("n".repeat(20_000)))).isEmpty();
        }

        @Test
        void notesOfTwentyThousandAndOneCharactersAreRefused() {
            Violation violation = onlyViolation(patient().notes("n".repeat(20_001)));

            assertThat(violation.field()).isEqualTo("notes");
            assertThat(violation.messageKey()).isEqualTo("validation.tooLong");
            assertThat(violation.message()).matches("This is too long: at most 20\\D?000 characters\\.");
        }

        @Test
        void goalIsLimitedToFiveHundred() {
            assertThat(validate(patient().goal("g".repeat(500)))).isEmpty();
            assertThat(onlyViolation(patient().goal("g".repeat(501))).field()).isEqualTo("goal");
        }
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        PatientFixture broken = patient(" ", "Smith")
                .dateOfBirth(TODAY.plusDays(1))
                .email("a@b")
                .phone("call me")
                .previousWeeklyRunKm("-1")
                .notes("n".repeat(20_001))
                .birth(TODAY.plusDays(1));

        List<Violation> violations = validate(broken);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "givenName", "dateOfBirth", "email", "phone", "previousWeeklyRunKm", "notes", "births[0].date");
        violations.forEach(PatientValidatorTest::assertIsASentence);
    }
}
