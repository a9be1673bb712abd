package app.rebound.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.rebound.domain.DateStyle;

class DateInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final Locale[] LOCALES = {Locale.UK, Locale.US, Locale.GERMANY};

    private static DateInput input(Locale locale) {
        return new DateInput(DateStyle.defaultFor(locale), CLOCK);
    }

    @Test
    void theLocalesWriteTheirOwnStyle() {
        LocalDate date = LocalDate.of(2026, 10, 26);
        assertEquals("26/10/2026", input(Locale.UK).format(date));
        assertEquals("10/26/2026", input(Locale.US).format(date));
        assertEquals("26.10.2026", input(Locale.GERMANY).format(date));
        assertEquals("2026-10-26", new DateInput(DateStyle.ISO, CLOCK).format(date));
        assertEquals("dd/mm/yyyy", input(Locale.UK).hint());
        assertEquals("mm/dd/yyyy", input(Locale.US).hint());
        assertEquals("dd.mm.yyyy", input(Locale.GERMANY).hint());
    }

    @Test
    void everyDayOfEveryMonthReadsBackInEveryStyleAndAsIso() {
        for (DateStyle style : DateStyle.values()) {
            DateInput dates = new DateInput(style, CLOCK);
            for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() < 2025; day = day.plusDays(1)) {
                assertEquals(Optional.of(day), dates.parse(dates.format(day)), style + " " + day);
                assertEquals(Optional.of(day), dates.parse(day.toString()), style + " ISO " + day);
            }
        }
    }

    @Test
    void oneDigitDaysAndMonthsAreAccepted() {
        for (Locale locale : LOCALES) {
            DateInput dates = input(locale);
            for (int month = 1; month <= 12; month++) {
                LocalDate date = LocalDate.of(1990, month, 3);
                String typed = switch (dates.style().order()) {
                    case DAY_MONTH_YEAR -> "3" + dates.style().separator() + month + dates.style().separator() + "1990";
                    case MONTH_DAY_YEAR -> month + "/3/1990";
                    case YEAR_MONTH_DAY -> "1990-" + month + "-3";
                };
                assertEquals(Optional.of(date), dates.parse(typed), locale + " " + typed);
            }
        }
    }

    @Test
    void twoDigitYearsAreTheLatestSuchYearNotInTheFuture() {
        for (Locale locale : LOCALES) {
            DateInput dates = input(locale);
            for (int twoDigits = 0; twoDigits <= 99; twoDigits++) {
                LocalDate date = LocalDate.of(2000 + twoDigits, 3, 14);
                String full = dates.format(date);
                String typed = full.substring(0, full.length() - 4) + String.format("%02d", twoDigits);
                int expected = twoDigits <= 26 ? 2000 + twoDigits : 1900 + twoDigits;
                LocalDate read = dates.parse(typed).orElseThrow();
                assertEquals(expected, read.getYear(), locale + " " + typed);
                assertTrue(read.getYear() <= TODAY.getYear(), typed);
                assertTrue(read.getYear() > TODAY.getYear() - 100, typed);
            }
        }
    }

    @Test
    void theYearTurningOverMovesTheCentury() {
        Clock in2099 = Clock.fixed(LocalDate.of(2099, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        DateInput dates = new DateInput(DateStyle.DAY_MONTH_YEAR, in2099);
        assertEquals(LocalDate.of(2099, 1, 1), dates.parse("1/1/99").orElseThrow());
        assertEquals(LocalDate.of(2000, 1, 1), dates.parse("1/1/00").orElseThrow());
        Clock in2100 = Clock.fixed(LocalDate.of(2100, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2099, 5, 5), new DateInput(DateStyle.DAY_MONTH_YEAR, in2100).parse("5/5/99")
                .orElseThrow());
        assertEquals(LocalDate.of(2100, 5, 5), new DateInput(DateStyle.DAY_MONTH_YEAR, in2100).parse("5/5/00")
                .orElseThrow());
    }

    @Test
    void blankIsNoDate() {
        assertEquals(Optional.empty(), input(Locale.UK).parse("  "));
        assertEquals(Optional.empty(), input(Locale.UK).parse(null));
    }

    @Test
    void notDatesAreRefused() {
        for (Locale locale : LOCALES) {
            DateInput dates = input(locale);
            for (String bad : new String[] {"31/02/2026", "02/31/2026", "31.02.2026", "2026-02-30", "13/13/2026",
                    "abc", "1/2", "1/2/3", "1/2/123", "2026-1-123", "0/0/2020", "26 Oct 2026", "12345/1/1"}) {
                assertThrows(DateTimeParseException.class, () -> dates.parse(bad), locale + " " + bad);
            }
        }
    }

    @Test
    void aDayOnlyValidInTheOtherOrderIsRefused() {
        assertThrows(DateTimeParseException.class, () -> input(Locale.US).parse("26/10/2026"));
        assertThrows(DateTimeParseException.class, () -> input(Locale.UK).parse("10/26/2026"));
        assertEquals(LocalDate.of(2026, 10, 26), input(Locale.GERMANY).parse("26.10.26").orElseThrow());
    }
}
