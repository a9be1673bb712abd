package app.rebound.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import app.rebound.domain.DateStyle;
import app.rebound.domain.Patient;
import app.rebound.service.Services;

/**
 * The date of birth typed every way the clinic's style allows (the style itself, one-digit day and
 * month, ISO, a two-digit year), saved, and shown back in the patient list in that one style.
 */
@Tag("ui")
class DateFieldUiTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 4);

    abstract static class Typing extends MainWindowFixture {

        abstract DateStyle style();

        /** What she may type for 4 March 1990 in this style. */
        abstract List<String> forms();

        abstract String shown();

        @Override
        protected boolean prepares() {
            return true;
        }

        @Override
        protected void prepare(Services services) {
            services.settings().setDateStyle(style());
        }

        @Test
        void eachFormTypedIsTheSameDayShownInTheClinicsStyle(FxRobot robot) throws TimeoutException {
            waitUntilReady();
            List<String> forms = forms();
            for (int i = 0; i < forms.size(); i++) {
                robot.push(KeyCode.CONTROL, KeyCode.N);
                WaitForDialog.open(robot, "#patientDialog");
                robot.clickOn("#givenName").write("김민지");
                robot.clickOn("#familyName").write("Form" + (char) ('A' + i));
                robot.clickOn("#dateOfBirth").write(forms.get(i));
                robot.clickOn("#savePatient");
                WaitForAsyncUtilsLite.settle();
                WaitForDialog.closed(robot, "#patientDialog");
                settle();
            }
            List<Patient> saved = window.services().patients().search("", true).patients().stream()
                    .map(s -> window.services().patients().load(s.id())).toList();
            assertThat(saved).hasSize(forms.size()).allSatisfy(p -> assertThat(p.dateOfBirth()).isEqualTo(BORN));
            assertThat(table(robot).getItems()).hasSize(forms.size())
                    .allSatisfy(row -> assertThat(row.dateOfBirth()).isEqualTo(shown()));
        }
    }

    @Nested
    @ExtendWith(ApplicationExtension.class)
    class DayMonthYear extends Typing {
        @Start
        void start(Stage stage) {
            startWindow(stage);
        }

        DateStyle style() {
            return DateStyle.DAY_MONTH_YEAR;
        }

        List<String> forms() {
            return List.of("04/03/1990", "4/3/1990", "1990-03-04", "04/03/90", "4/3/90");
        }

        String shown() {
            return "04/03/1990";
        }
    }

    @Nested
    @ExtendWith(ApplicationExtension.class)
    class MonthDayYear extends Typing {
        @Start
        void start(Stage stage) {
            startWindow(stage);
        }

        DateStyle style() {
            return DateStyle.MONTH_DAY_YEAR;
        }

        List<String> forms() {
            return List.of("03/04/1990", "3/4/1990", "1990-03-04", "03/04/90", "3/4/90");
        }

        String shown() {
            return "03/04/1990";
        }
    }

    @Nested
    @ExtendWith(ApplicationExtension.class)
    class DayMonthYearDots extends Typing {
        @Start
        void start(Stage stage) {
            startWindow(stage);
        }

        DateStyle style() {
            return DateStyle.DAY_MONTH_YEAR_DOTS;
        }

        List<String> forms() {
            return List.of("04.03.1990", "4.3.1990", "1990-03-04", "04.03.90", "4.3.90");
        }

        String shown() {
            return "04.03.1990";
        }
    }
}
