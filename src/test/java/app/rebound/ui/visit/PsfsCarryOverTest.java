package app.rebound.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitKind;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.OnClinicFile;

/** A follow-up starts with the PSFS activities of her previous visit, unscored, on the view model alone. */
class PsfsCarryOverTest extends OnClinicFile {

    private Patient zoe;

    @BeforeEach
    void aFirstVisitWithTwoActivities() {
        zoe = zoe();
        Visit first = services.visits().start(zoe.id(), false);
        services.visits().complete(first.toBuilder().date(TODAY.minusWeeks(4))
                .outcomes(new Outcomes(List.of(new PsfsItem("Running for the bus", 4),
                        new PsfsItem("Jumping with my son", 6)), null, null))
                .build());
    }

    private VisitFormViewModel open(Visit visit) {
        return new VisitFormViewModel(services.visits(), tasks, new DateInput(Locale.UK), zoe,
                services.visits().visitsOf(zoe.id()), visit, services.visits().storedVersion(visit.id()),
                dialogs);
    }

    @Test
    void aFollowUpShowsHerActivitiesWithoutScoresAndSavesOnlyTheScoredOnes() {
        Visit followUp = services.visits().start(zoe.id(), true);
        assertThat(followUp.kind()).isEqualTo(VisitKind.FOLLOW_UP);
        VisitFormViewModel form = open(followUp);

        assertThat(form.psfsActivity(0).get()).isEqualTo("Running for the bus");
        assertThat(form.psfsActivity(1).get()).isEqualTo("Jumping with my son");
        assertThat(form.psfsActivity(2).get()).isEmpty();
        assertThat(form.psfsScore(0).textProperty().get()).as("scores empty").isEmpty();
        assertThat(form.errors()).as("an activity carried and not yet scored is not an error").isEmpty();

        form.psfsScore(1).textProperty().set("8");
        tasks.elapseDelays();
        assertThat(form.errors()).isEmpty();
        assertThat(services.visits().load(followUp.id()).outcomes().psfs())
                .containsExactly(new PsfsItem("Jumping with my son", 8));

        // reopened: the scored activity as saved, the other carried again
        VisitFormViewModel again = open(services.visits().load(followUp.id()));
        assertThat(again.psfsActivity(0).get()).isEqualTo("Jumping with my son");
        assertThat(again.psfsScore(0).textProperty().get()).isEqualTo("8");
        assertThat(again.psfsActivity(1).get()).isEqualTo("Running for the bus");
        assertThat(again.psfsScore(1).textProperty().get()).isEmpty();
    }

    @Test
    void aNewActivityWithoutAScoreIsStillAsked() {
        VisitFormViewModel form = open(services.visits().start(zoe.id(), true));
        form.psfsActivity(2).set("Skipping");
        assertThat(form.errors()).containsKey("outcomes.psfs[2].score");
    }

    @Test
    void theFirstVisitAndACompletedVisitGetNothingCarried() {
        Visit first = services.visits().visitsOf(zoe.id()).get(0);
        VisitFormViewModel form = open(first);
        assertThat(form.psfsActivity(0).get()).isEqualTo("Running for the bus");
        assertThat(form.psfsScore(0).textProperty().get()).isEqualTo("4");
        assertThat(form.psfsActivity(2).get()).isEmpty();
    }
}
