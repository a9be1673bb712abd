package app.rebound.service;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.store.Database;
import app.rebound.store.PatientStore;

class PatientServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private Database database;
    private PatientStore store;
    private PatientService service;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        store = new PatientStore(database);
        service = new PatientService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void todayComesFromTheClock() {
        assertThat(service.today()).isEqualTo(TODAY);
    }

    @Test
    void saveTrimsAndComposesTheText() {
        Patient saved = service.save(patient("  Zoe\u0308 ", "\tO\u0308dega\u030Ard ")
                .phone(" 020 7946 0958 ")
                .email(" zoe@example.no ")
                .goal("  Run again  ")
                .build());

        Patient stored = service.load(saved.id());
        assertThat(stored.givenName()).isEqualTo("Zo\u00EB").hasSize(3);
        assertThat(stored.familyName()).isEqualTo("\u00D6deg\u00E5rd");
        assertThat(stored.phone()).isEqualTo("020 7946 0958");
        assertThat(stored.email()).isEqualTo("zoe@example.no");
        assertThat(stored.goal()).isEqualTo("Run again");
        assertThat(saved).isEqualTo(stored);
    }

    @Test
    void blankOptionalTextIsNotRecorded() {
        Patient saved = service.save(patient().phone("   ").email("").goal(" \n ").notes("  \n\t ").build());

        Patient stored = service.load(saved.id());
        assertThat(stored.phone()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(stored.goal()).isNull();
        assertThat(stored.notes()).isNull();
    }

    @Test
    void notesKeepTheirLayoutButLoseTrailingSpace() {
        Patient saved = service.save(patient().notes("  Indented first line\n\n  - a point\n   \n").build());

        assertThat(service.load(saved.id()).notes()).isEqualTo("  Indented first line\n\n  - a point");
    }

    @Test
    void saveStampsTheClocksTime() {
        Patient saved = service.save(patient().updated(Instant.parse("2001-01-01T00:00:00Z")).build());

        assertThat(saved.updated()).isEqualTo(NOW);
        assertThat(service.load(saved.id()).updated()).isEqualTo(NOW);
    }

    @Test
    void invalidPatientIsRefusedAndNothingIsStored() {
        service.save(patient("Anna", "Smith").build());

        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> service.save(patient("   ", "Ødegård").email("zoe@").build()));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(Violation::field).containsExactlyInAnyOrder("givenName", "email");
        assertThat(refused.getMessage()).doesNotContain("Ødegård", "zoe@");
        assertThat(store.count()).isEqualTo(1);
        assertThat(service.search("odegard", true).patients()).isEmpty();
    }

    @Test
    void invalidEditLeavesTheStoredPatientAsItWas() {
        Patient anna = service.save(patient("Anna", "Smith").phone("020 7946 0958").build());

        assertThatThrownBy(() -> service.save(patient("Anna", "Jones").id(anna.id()).phone("call me").build()))
                .isInstanceOf(ValidationException.class);

        assertThat(service.load(anna.id())).isEqualTo(anna);
    }

    @Test
    void rulesAreCheckedAgainstTheClocksDay() {
        service.save(patient().dateOfBirth(TODAY.minusYears(12)).build());

        assertThatThrownBy(() -> service.save(patient().dateOfBirth(TODAY.minusYears(12).plusDays(1)).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.save(patient().birth(TODAY.plusDays(1)).build()))
                .isInstanceOf(ValidationException.class);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void searchFindsWhatWasSavedByItsFoldedName() {
        service.save(patient("Zoe\u0308", "O\u0308degard").birth(TODAY.minusWeeks(12)).build());

        PatientSummary found = service.search("  zoe ÖDE ", false).patients().get(0);

        assertThat(found.listName()).isEqualTo("Ödegard, Zoë");
        assertThat(found.weeksSinceBirth(service.today())).hasValue(12);
    }

    @Test
    void archiveHidesAndRestoreBringsBack() {
        Patient anna = service.save(patient("Anna", "Smith").build());

        service.archive(anna.id());

        assertThat(service.search("", false).patients()).isEmpty();
        assertThat(service.search("", true).patients()).extracting(PatientSummary::id).containsExactly(anna.id());
        assertThat(service.load(anna.id()).archived()).isTrue();
        assertThat(service.load(anna.id()).updated()).isEqualTo(NOW);

        service.restore(anna.id());

        assertThat(service.search("anna", false).patients()).extracting(PatientSummary::id).containsExactly(anna.id());
        assertThat(service.load(anna.id()).archived()).isFalse();
    }

    @Test
    void archivingKeepsTheRecord() {
        Patient anna = service.save(patient("Anna", "Smith").goal("5 km").birth(TODAY.minusWeeks(8)).build());

        service.archive(anna.id());

        assertThat(service.load(anna.id())).isEqualTo(anna.withArchived(true));
    }

    @Test
    void unknownPatientCannotBeLoadedArchivedOrRestored() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> service.load(unknown)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.archive(unknown)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> service.restore(unknown)).isInstanceOf(NoSuchElementException.class);
    }
}
