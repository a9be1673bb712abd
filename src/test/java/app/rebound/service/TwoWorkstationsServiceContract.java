package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.MutableClock;
import app.rebound.domain.FieldDifference;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;

/**
 * Two people, one patient, through the services as the window uses them: each save names the version it
 * read; the second of two saves from the same version is refused (naming who saved first and when), never
 * written over the first; Keep mine saves hers from the version stored now, Take theirs goes on from the
 * stored one. A visit open on one workstation shows as being edited on the other until its mark lapses.
 * Run on the embedded H2 (two sets of services on one database) and on PostgreSQL (two connections).
 */
abstract class TwoWorkstationsServiceContract {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    protected final MutableClock clock = new MutableClock(NOW);
    /** Workstation one (Anna Physio signed in) and workstation two. */
    protected Services here;
    protected Services there;
    private Patient patient;

    /** Opens both workstations on one clinic's records, the first with Anna Physio signed in. */
    abstract Services[] openTwo();

    abstract void closeTwo(Services[] both);

    /** The name the second workstation's saves carry. */
    abstract String secondName();

    private Services[] both;

    @BeforeEach
    void openWorkstations() {
        both = openTwo();
        here = both[0];
        there = both[1];
        patient = here.patients().save(PatientFixture.patient("Zoë", "Ødegård").dateOfBirth(LocalDate.of(1990, 3, 14))
                .birth(TODAY.minusWeeks(22)).build());
    }

    @AfterEach
    void closeWorkstations() {
        closeTwo(both);
    }

    private Visit draft() {
        return here.visits().save(VisitFixture.withRedFlags(Visit.draft(patient.id(), TODAY,
                VisitKind.INITIAL), Set.of())).visit();
    }

    private static String at(Instant when) {
        return DateTimeFormatter.ofPattern("HH:mm").format(when.atZone(ZoneId.systemDefault()));
    }

    @Test
    void aVisitEditedOnBothSidesGivesTheConflictNeverALostSave() {
        Visit visit = draft();
        Edition<Visit> annaOpened = here.visits().open(visit.id());
        Edition<Visit> zoeOpened = there.visits().open(visit.id());
        assertThat(zoeOpened.version()).isEqualTo(annaOpened.version());

        VisitService.Saved annas = here.visits().save(VisitFixture.withNotes(annaOpened.value(), "Anna's notes"),
                annaOpened.version(), null, null);
        assertThat(annas.version()).isEqualTo(annaOpened.version() + 1);

        clock.advance(Duration.ofMinutes(2));
        ChangedElsewhereException refused = catchThrowableOfType(() -> there.visits().save(
                VisitFixture.withNotes(zoeOpened.value(), "Zoë's notes"), zoeOpened.version(), null, null),
                ChangedElsewhereException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.changedBy()).isEqualTo("Anna Physio");
        assertThat(refused.changedAt()).isEqualTo(NOW);
        assertThat(refused.removed()).isFalse();
        assertThat(refused.storedVersion()).isEqualTo(annas.version());
        assertThat(refused).hasMessage("This visit was changed on another workstation by Anna Physio at " + at(NOW));
        assertThat(here.visits().load(visit.id()).notes()).as("the first save stays").isEqualTo("Anna's notes");
    }

    @Test
    void keepMineSavesHersOverTheOtherFromTheVersionStoredNow() {
        Visit visit = draft();
        Edition<Visit> zoeOpened = there.visits().open(visit.id());
        Edition<Visit> annaOpened = here.visits().open(visit.id());
        here.visits().save(VisitFixture.withNotes(annaOpened.value(), "Anna's notes"), annaOpened.version(), null,
                null);
        Visit zoes = VisitFixture.withNotes(zoeOpened.value(), "Zoë's notes");
        assertThatThrownBy(() -> there.visits().save(zoes, zoeOpened.version(), null, null))
                .isInstanceOf(ChangedElsewhereException.class);

        VisitService.Conflict conflict = there.visits().conflictWith(zoes).orElseThrow();
        assertThat(conflict.theirs().value().notes()).isEqualTo("Anna's notes");
        assertThat(conflict.differences()).containsExactly(
                new FieldDifference("notes", "Notes", "Zoë's notes", "Anna's notes"));

        VisitService.Saved kept = there.visits().save(zoes, conflict.theirs().version(), null, null);
        assertThat(here.visits().load(visit.id()).notes()).isEqualTo("Zoë's notes");
        // Anna's next save from what she had is refused in turn, naming Zoë's save
        ChangedElsewhereException back = catchThrowableOfType(() -> here.visits().save(
                VisitFixture.withNotes(annaOpened.value(), "Anna again"), annaOpened.version() + 1, null, null),
                ChangedElsewhereException.class);
        assertThat(back.changedBy()).isEqualTo(secondName());
        assertThat(back.storedVersion()).isEqualTo(kept.version());
    }

    @Test
    void takeTheirsGoesOnFromTheStoredVisit() {
        Visit visit = draft();
        Edition<Visit> zoeOpened = there.visits().open(visit.id());
        Edition<Visit> annaOpened = here.visits().open(visit.id());
        here.visits().save(VisitFixture.withNotes(annaOpened.value(), "Anna's notes"), annaOpened.version(), null,
                null);
        Visit zoes = VisitFixture.withNotes(zoeOpened.value(), "Zoë's notes");

        VisitService.Conflict conflict = there.visits().conflictWith(zoes).orElseThrow();
        Edition<Visit> theirs = conflict.theirs();
        assertThat(theirs).isEqualTo(there.visits().open(visit.id()));
        // she goes on typing from theirs: saved without a conflict
        there.visits().save(VisitFixture.withNotes(theirs.value(), "Anna's notes, and Zoë's"), theirs.version(), null,
                null);
        assertThat(here.visits().load(visit.id()).notes()).isEqualTo("Anna's notes, and Zoë's");
    }

    @Test
    void aVisitRemovedOnTheOtherSideIsNotMadeAgain() {
        Visit visit = draft();
        Edition<Visit> zoeOpened = there.visits().open(visit.id());
        here.visits().deleteDraft(visit.id());

        ChangedElsewhereException refused = catchThrowableOfType(() -> there.visits().save(
                VisitFixture.withNotes(zoeOpened.value(), "Zoë's notes"), zoeOpened.version(), null, null),
                ChangedElsewhereException.class);
        assertThat(refused.removed()).isTrue();
        assertThat(there.visits().conflictWith(zoeOpened.value())).isEmpty();
        assertThat(here.visits().visitsOf(patient.id())).isEmpty();
    }

    @Test
    void herDetailsEditedOnBothSidesGiveTheConflictFieldByField() {
        Edition<Patient> annaOpened = here.patients().open(patient.id());
        Edition<Patient> zoeOpened = there.patients().open(patient.id());
        here.patients().save(withPhone(annaOpened.value(), "0123 456"), annaOpened.version());
        Patient zoes = withPhone(zoeOpened.value(), "0999 111");

        ChangedElsewhereException refused = catchThrowableOfType(() -> there.patients().save(zoes,
                zoeOpened.version()), ChangedElsewhereException.class);
        assertThat(refused).hasMessageStartingWith("This patient was changed on another workstation by Anna Physio");
        PatientService.Conflict conflict = there.patients().conflictWith(zoes).orElseThrow();
        assertThat(conflict.differences()).containsExactly(new FieldDifference("phone", "Phone", "0999 111",
                "0123 456"));
        there.patients().save(zoes, conflict.theirs().version());
        assertThat(here.patients().load(patient.id()).phone()).isEqualTo("0999 111");
    }

    private static Patient withPhone(Patient p, String phone) {
        return new Patient(p.id(), p.updated(), p.givenName(), p.familyName(), p.dateOfBirth(), phone, p.email(),
                p.archived(), p.births(), p.previousWeeklyRunKm(), p.goal(), p.notes(), p.extensions());
    }

    @Test
    void aProgrammeAndTheReportSummaryEditedOnBothSidesGiveTheConflict() {
        Visit visit = draft();
        ProgrammeService.Context annas = here.programmes().open(visit.id());
        ProgrammeService.Context zoes = there.programmes().open(visit.id());
        assertThat(annas.version()).isEqualTo(Edition.NEW);
        long saved = here.programmes().save(visit.id(), annas.programme(), annas.version());
        ChangedElsewhereException refused = catchThrowableOfType(() -> there.programmes().save(visit.id(),
                zoes.programme(), zoes.version()), ChangedElsewhereException.class);
        assertThat(refused.changedBy()).isEqualTo("Anna Physio");
        assertThat(there.programmes().open(visit.id()).version()).isEqualTo(saved);

        ProgressService.Progress annaProgress = here.progress().load(patient.id());
        ProgressService.Progress zoeProgress = there.progress().load(patient.id());
        here.progress().saveSummary(patient.id(), "Running 5 km", annaProgress.summaryVersion());
        assertThatThrownBy(() -> there.progress().saveSummary(patient.id(), "Running 4 km",
                zoeProgress.summaryVersion()))
                .isInstanceOf(ChangedElsewhereException.class)
                .hasMessageStartingWith("This progress summary was changed on another workstation by Anna Physio");
        assertThat(there.progress().load(patient.id()).summary()).isEqualTo("Running 5 km");
    }

    @Test
    void aVisitOpenOnOneWorkstationShowsAsBeingEditedOnTheOtherUntilItsMarkLapses() {
        Visit visit = draft();
        here.workstations().editing(visit.id());
        assertThat(there.workstations().editingElsewhere(visit.id())).containsExactly("Anna Physio");
        assertThat(here.workstations().editingElsewhere(visit.id())).as("not her own").isEmpty();

        // renewed within the expiry: still shown
        clock.advance(OtherWorkstations.RENEW_EVERY);
        here.workstations().editing(visit.id());
        clock.advance(Duration.ofSeconds(60));
        assertThat(there.workstations().editingElsewhere(visit.id())).containsExactly("Anna Physio");

        // not renewed (the program crashed): it lapses by itself
        clock.advance(Duration.ofSeconds(31));
        assertThat(there.workstations().editingElsewhere(visit.id())).isEmpty();

        here.workstations().editing(visit.id());
        assertThat(there.workstations().editingElsewhere(visit.id())).containsExactly("Anna Physio");
        here.workstations().stoppedEditing(visit.id());
        assertThat(there.workstations().editingElsewhere(visit.id())).as("closed: cleared at once").isEmpty();
    }
}
