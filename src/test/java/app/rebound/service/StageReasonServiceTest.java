package app.rebound.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientFixture;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;

/**
 * Clinical reference §9 through the services on a real data folder: impact work chosen before 12 weeks
 * after the birth (or with the red flags not asked) is saved only with a reason, the reason is kept with
 * the visit and in its amendments, and record files (format v1, which has no field for it) leave it out.
 */
class StageReasonServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22); // VisitFixture.CLOCK
    private static final String REASON = "Elite runner; cleared by her obstetrician at 6 weeks";

    @TempDir
    Path folder;

    private Services services;
    private Patient early;

    @BeforeEach
    void open() {
        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);
        early = services.patients().save(PatientFixture.patient("Ana-María", "O'Neil").id(UUID.randomUUID())
                .dateOfBirth(LocalDate.of(1992, 5, 1)).birth(TODAY.minusWeeks(8)).build());
    }

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private Visit draft() {
        Visit draft = Visit.draft(early.id(), TODAY, VisitKind.INITIAL);
        return services.visits().save(VisitFixture.withRedFlags(draft, Set.of())).visit();
    }

    @Test
    void walkRunAtEightWeeksIsRefusedWithoutAReasonAndNothingOfThatSaveIsKept() {
        Visit stored = draft();
        for (Stage stage : List.of(Stage.IMPACT_PREP, Stage.WALK_RUN, Stage.RUN)) {
            ValidationException refused = catchThrowableOfType(
                    () -> services.visits().save(stored.withStage(stage, "   ")), ValidationException.class);

            assertThat(refused).as(stage.name()).isNotNull();
            assertThat(refused.violations()).extracting(Violation::field).containsExactly("stageReason");
            assertThat(refused.violations().get(0).message()).contains("before 12 weeks after the birth");
            assertThat(services.visits().load(stored.id()).stage()).isNull();
        }
        // a stage that needs no reason is saved without one
        assertThat(services.visits().save(stored.withStage(Stage.BUILD, null)).visit().stage()).isEqualTo(Stage.BUILD);
    }

    @Test
    void theProgrammeBuilderCannotGoAroundTheReason() {
        Visit stored = draft();
        ProgrammeService.Context context = services.programmes().open(stored.id());
        Programme atImpact = services.programmes().suggest(context, Stage.IMPACT_PREP);

        ValidationException refused = catchThrowableOfType(() -> services.programmes().save(stored.id(), atImpact),
                ValidationException.class);

        assertThat(refused).as("impact work at 8 weeks, chosen in the builder without a reason").isNotNull();
        assertThat(refused.violations()).extracting(Violation::field).contains("programme.stage");
        assertThat(refused.violations().get(0).message()).contains("before 12 weeks after the birth")
                .contains("visit form");
        assertThat(services.programmes().open(stored.id()).saved()).isFalse();

        // chosen on the visit with its reason, the same programme is saved
        services.visits().save(stored.withStage(Stage.IMPACT_PREP, REASON));
        services.programmes().save(stored.id(), atImpact);
        assertThat(services.programmes().open(stored.id()).saved()).isTrue();
    }

    @Test
    void theReasonIsKeptWithTheVisitAcrossARestart() {
        Visit stored = draft();
        services.visits().save(stored.withStage(Stage.WALK_RUN, "  " + REASON + "  "));
        services.close();
        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);

        Visit again = services.visits().load(stored.id());
        assertThat(again.stage()).isEqualTo(Stage.WALK_RUN);
        assertThat(again.stageReason()).isEqualTo(REASON);
    }

    @Test
    void aCompletedVisitsReasonChangesAreItsAmendmentsAndANeededReasonCannotBeRemoved() {
        Visit stored = draft();
        Visit completed = services.visits().complete(stored.withStage(Stage.WALK_RUN, REASON)).visit();

        services.visits().save(completed.withStage(Stage.WALK_RUN, "Her sports physician agreed"), null,
                "Letter received");

        List<Amendment> amendments = services.visits().amendments(completed.id());
        assertThat(amendments).singleElement().satisfies(a -> {
            assertThat(a.fields()).containsExactly("stageReason");
            assertThat(a.previous()).containsEntry("stageReason", REASON);
        });
        ValidationException refused = catchThrowableOfType(
                () -> services.visits().save(completed.withStage(Stage.WALK_RUN, null), null, "Tidying up"),
                ValidationException.class);
        assertThat(refused.violations()).extracting(Violation::field).containsExactly("stageReason");
        assertThat(services.visits().load(completed.id()).stageReason()).isEqualTo("Her sports physician agreed");
    }

    @Test
    void aChoiceMadeBeforeItNeededAReasonIsNotRefusedWhenTheVisitChanges() {
        Visit stored = services.visits().save(draft().withStage(Stage.BUILD, null)).visit();
        Patient later = services.patients().save(PatientFixture.patient("Zoë", "Ødegård").id(UUID.randomUUID())
                .birth(TODAY.minusWeeks(20)).build());
        Visit asked = VisitFixture.withRedFlags(Visit.draft(later.id(), TODAY, VisitKind.INITIAL), Set.of())
                .withStage(Stage.WALK_RUN, null);
        Visit saved = services.visits().save(asked).visit();

        // the red flags are then marked as not asked: walk-run would now need a reason, but was chosen before
        Visit notAsked = services.visits().save(VisitFixture.withRedFlags(saved, null)).visit();

        assertThat(notAsked.redFlags()).isNull();
        assertThat(notAsked.stage()).isEqualTo(Stage.WALK_RUN);
        assertThat(stored.stage()).isEqualTo(Stage.BUILD);
    }

    @Test
    void exportLeavesTheReasonOutAndImportingANewerCopyKeepsIt() throws Exception {
        Visit stored = draft();
        services.visits().save(stored.withStage(Stage.RUN, REASON));
        // the chosen stage travels in a record file as its programme's stage
        services.programmes().save(stored.id(), services.programmes().open(stored.id()).programme());
        Path file = folder.resolveSibling(folder.getFileName() + "-export.json");
        try {
            services.records().export(List.of(early.id()), file);
            String json = Files.readString(file);
            assertThat(json).doesNotContain(REASON).doesNotContain("stageReason").contains("\"stage\": \"RUN\"");

            String newer = json.replaceAll("\"updated\": \"[^\"]+\"", "\"updated\": \"2026-11-22T10:30:00Z\"");
            services.records().importBytes(newer.getBytes(StandardCharsets.UTF_8));

            assertThat(services.visits().load(stored.id()).stage()).isEqualTo(Stage.RUN);
            assertThat(services.visits().load(stored.id()).stageReason()).isEqualTo(REASON);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
