package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BirthTimingTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static Birth birth(LocalDate date) {
        return new Birth(date, null, null);
    }

    @Test
    void mostRecentBirthOnOrBeforeTheDayIgnoresLaterBirths() {
        Birth first = birth(LocalDate.of(2020, 1, 1));
        Birth second = birth(LocalDate.of(2026, 1, 1));
        Birth later = birth(DAY.plusDays(1));

        assertThat(BirthTiming.mostRecentOnOrBefore(List.of(later, first, second), DAY)).contains(second);
    }

    @Test
    void aBirthOnTheDayItselfCounts() {
        Birth today = birth(DAY);

        assertThat(BirthTiming.mostRecentOnOrBefore(List.of(birth(DAY.minusYears(2)), today), DAY)).contains(today);
        assertThat(BirthTiming.weeksSinceBirth(List.of(today), DAY)).hasValue(0);
    }

    @Test
    void exactlyEightyFourDaysIsTwelveWeeks() {
        List<Birth> births = List.of(birth(DAY.minusDays(84)));

        assertThat(BirthTiming.daysSinceBirth(births, DAY)).hasValue(84);
        assertThat(BirthTiming.weeksSinceBirth(births, DAY)).hasValue(12);
        assertThat(BirthTiming.weeksBetween(DAY.minusDays(84), DAY)).hasValue(12);
    }

    @Test
    void eightyThreeDaysIsStillElevenCompletedWeeks() {
        List<Birth> births = List.of(birth(DAY.minusDays(83)));

        assertThat(BirthTiming.weeksSinceBirth(births, DAY)).hasValue(11);
        assertThat(BirthTiming.weeksBetween(DAY.minusDays(83), DAY)).hasValue(11);
    }

    @Test
    void countsCalendarDaysAcrossALeapDay() {
        LocalDate birth = LocalDate.of(2024, 2, 1);

        assertThat(BirthTiming.weeksBetween(birth, LocalDate.of(2024, 4, 25))).hasValue(12);
        assertThat(BirthTiming.weeksBetween(birth, LocalDate.of(2024, 4, 24))).hasValue(11);
    }

    @Test
    void weeksCountFromTheMostRecentBirthNotTheFirst() {
        List<Birth> births = List.of(birth(DAY.minusYears(3)), birth(DAY.minusWeeks(6)), birth(DAY.plusWeeks(1)));

        assertThat(BirthTiming.weeksSinceBirth(births, DAY)).hasValue(6);
    }

    @Test
    void noBirthsGiveNothing() {
        assertThat(BirthTiming.mostRecentOnOrBefore(List.of(), DAY)).isEmpty();
        assertThat(BirthTiming.daysSinceBirth(List.of(), DAY)).isEmpty();
        assertThat(BirthTiming.weeksSinceBirth(List.of(), DAY)).isEmpty();
    }

    @Test
    void onlyLaterBirthsGiveNothing() {
        List<Birth> births = List.of(birth(DAY.plusDays(1)));

        assertThat(BirthTiming.mostRecentOnOrBefore(births, DAY)).isEmpty();
        assertThat(BirthTiming.weeksSinceBirth(births, DAY)).isEmpty();
    }

    @Test
    void weeksBetweenAFutureBirthAndTheDayIsEmpty() {
        assertThat(BirthTiming.weeksBetween(DAY.plusDays(1), DAY)).isEmpty();
    }

    @Test
    void weeksBetweenNoBirthAndTheDayIsEmpty() {
        assertThat(BirthTiming.weeksBetween(null, DAY)).isEmpty();
    }

    @Test
    void patientAndSummaryCountTheSameWay() {
        Patient patient = PatientFixture.patient()
                .birth(DAY.minusDays(90))
                .birth(DAY.plusDays(3))
                .build();
        PatientSummary summary = new PatientSummary(patient.id(), "Anna", "Smith", null, false,
                DAY.minusDays(90), null);

        assertThat(patient.mostRecentBirthOnOrBefore(DAY)).map(Birth::date).contains(DAY.minusDays(90));
        assertThat(summary.weeksSinceBirth(DAY)).hasValue(12);
        assertThat(new PatientSummary(patient.id(), "Anna", "Smith", null, false, null, null).weeksSinceBirth(DAY))
                .isEmpty();
    }

    @Test
    void patientKeepsBirthsInDateOrder() {
        LocalDate older = LocalDate.of(2019, 5, 5);
        LocalDate newer = LocalDate.of(2023, 3, 3);

        Patient patient = PatientFixture.patient().birth(newer).birth(older).build();

        assertThat(patient.births()).extracting(Birth::date).containsExactly(older, newer);
    }
}
