package app.rebound.ui.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.TestKeys;
import app.rebound.domain.Messages;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.PersonName;
import app.rebound.ui.kit.OnClinicFile;

/** The patient list's view model on a real clinic file, without the JavaFX toolkit. */
class PatientListViewModelTest extends OnClinicFile {

    private PatientListViewModel list;

    @BeforeEach
    void open() {
        for (String[] name : new String[][] {{"Zoë", "Ødegård"}, {"小龙", "李"}, {"Ana-María", "O'Neil"},
                {"민지", "김"}, {"Anna", "Olsen"}}) {
            services.patients().save(PatientFixture.patient(name[0], name[1]).dateOfBirth(LocalDate.of(1990, 1, 1))
                    .build());
        }
        list = new PatientListViewModel(tasks, dialogs);
    }

    private List<String> shown() {
        return list.rows().stream().map(PatientRow::name).toList();
    }

    @Test
    void nothingIsSearchedBeforeTheRecordsAreOpenThenEveryoneIsListed() {
        list.queryProperty().set("Zo");
        assertThat(tasks.submitted()).isZero();
        assertThat(list.busyProperty().get()).as("opening").isTrue();
        list.queryProperty().set("");
        list.attach(services.patients());
        assertThat(list.rows()).hasSize(5);
        assertThat(list.statusProperty().get()).isEqualTo(Messages.format("patients.status.count", 5));
        assertThat(list.busyProperty().get()).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void typingNarrowsTheListAndSaysWhenNothingMatches() {
        list.attach(services.patients());
        list.queryProperty().set("ode");
        assertThat(shown()).singleElement().asString().contains("Zoë");
        list.queryProperty().set("O'N");
        assertThat(shown()).singleElement().asString().contains("O'Neil");
        list.queryProperty().set("李");
        assertThat(shown()).singleElement().asString().contains("小龙");
        list.queryProperty().set("Xavier");
        assertThat(list.rows()).isEmpty();
        assertThat(list.emptyMessageProperty().get()).isEqualTo(Messages.format("patients.none.matching", "Xavier"));
    }

    @Test
    void archivingOffersAnUndoThatBringsHerBack() {
        list.attach(services.patients());
        list.queryProperty().set("김");
        PatientRow minji = list.rows().get(0);
        list.archive(minji);
        assertThat(list.rows()).isEmpty();
        assertThat(list.undoProperty().get().message()).isEqualTo(Messages.format("patients.archived", PersonName.fullName("민지", "김")));
        list.showArchivedProperty().set(true);
        assertThat(list.rows()).singleElement().satisfies(row -> assertThat(row.archived()).isTrue());
        list.showArchivedProperty().set(false);
        list.undoArchive();
        assertThat(list.undoProperty().get()).isNull();
        assertThat(shown()).singleElement().asString().contains("민지");
        assertThat(services.patients().load(minji.id()).archived()).isFalse();
    }

    @Test
    void aFailedSearchIsReportedInWordsAndTheListIsNoLongerBusy() {
        list.attach(services.patients());
        services.close();
        list.queryProperty().set("Anna");
        assertThat(dialogs.errors()).singleElement().asString().doesNotContain("Exception").isNotBlank();
        assertThat(list.busyProperty().get()).isFalse();
        services = TestKeys.signIn(folder, CLOCK, Locale.UK);
    }
}
