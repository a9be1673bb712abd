package app.rebound.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.service.SecondWorkstation;
import app.rebound.service.Services;
import app.rebound.ui.kit.OnClinicFile;

/**
 * The patient list when another workstation changes patients: the rows on screen are read again and only
 * those that differ are replaced, in place, so her selection and where she scrolled to stay.
 */
class PatientListRefreshTest extends OnClinicFile {

    private PatientListViewModel list;
    private Services there;
    private final List<UUID> reselected = new ArrayList<>();

    @BeforeEach
    void open() {
        for (String family : List.of("Adams", "Brown", "Clark", "Davis")) {
            services.patients().save(PatientFixture.patient("Ann", family).dateOfBirth(LocalDate.of(1990, 1, 1))
                    .build());
        }
        there = SecondWorkstation.beside(services, CLOCK, SecondWorkstation.ZOE);
        list = new PatientListViewModel(tasks, dialogs);
        list.onRefreshKeepSelected(reselected::add);
        list.attach(services.patients());
    }

    @AfterEach
    void closeSecond() {
        SecondWorkstation.close(there);
    }

    @Test
    void aChangeElsewhereReplacesOnlyTheRowsThatDifferAndKeepsTheSelection() {
        List<PatientRow> before = List.copyOf(list.rows());
        assertThat(before).hasSize(4);
        PatientRow brown = before.get(1);
        Patient clark = services.patients().load(before.get(2).id());

        // Zoë, on the other workstation, corrects Clark's date of birth and adds a patient
        there.patients().save(new Patient(clark.id(), clark.updated(), clark.givenName(), clark.familyName(),
                LocalDate.of(1991, 2, 3), clark.phone(), clark.email(), clark.archived(), clark.births(),
                clark.previousWeeklyRunKm(), clark.goal(), clark.notes(), clark.extensions()));
        there.patients().save(PatientFixture.patient("Ann", "Evans").dateOfBirth(LocalDate.of(1990, 1, 1)).build());

        list.refreshInPlace(brown.id());
        assertThat(list.rows()).hasSize(5);
        assertThat(list.rows().get(0)).isSameAs(before.get(0));
        assertThat(list.rows().get(1)).as("unchanged rows stay as they were").isSameAs(brown);
        assertThat(list.rows().get(2)).isNotSameAs(before.get(2));
        assertThat(list.rows().get(2).dateOfBirth()).isNotEqualTo(before.get(2).dateOfBirth());
        assertThat(list.rows().get(3)).isSameAs(before.get(3));
        assertThat(list.rows().get(4).name()).contains("Evans");
        assertThat(reselected).containsExactly(brown.id());
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aSearchSheIsTypingWinsOverTheRefresh() {
        list.queryProperty().set("Brown");
        there.patients().save(PatientFixture.patient("Ann", "Bryant").dateOfBirth(LocalDate.of(1990, 1, 1)).build());
        list.refreshInPlace(null);
        assertThat(list.rows()).singleElement().satisfies(row -> assertThat(row.name()).contains("Brown"));
    }
}
