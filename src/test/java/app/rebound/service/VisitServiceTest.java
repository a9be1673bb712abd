package app.rebound.service;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.MutableClock;
import app.rebound.TestKeys;
import app.rebound.domain.AuditAction;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.visit.AbdominalWall;
import app.rebound.domain.visit.Amendment;
import app.rebound.domain.visit.History;
import app.rebound.domain.visit.IrdUnit;
import app.rebound.domain.visit.Outcomes;
import app.rebound.domain.visit.PelvicFloorExam;
import app.rebound.domain.visit.PsfsItem;
import app.rebound.domain.visit.RedFlag;
import app.rebound.domain.visit.Relaxation;
import app.rebound.domain.visit.Sides;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StrengthTest;
import app.rebound.domain.visit.SuggestedStage;
import app.rebound.domain.visit.SupportDevice;
import app.rebound.domain.visit.Symptoms;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.domain.visit.VisitKind;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.domain.visit.VisitSummary;
import app.rebound.store.AlsoInTransaction;
import app.rebound.store.Database;
import app.rebound.store.VisitStore;

class VisitServiceTest {

    /** The clock has a fraction of a second, which the service must not store. */
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.750Z");
    private static final Instant NOW_SECONDS = NOW.truncatedTo(ChronoUnit.SECONDS);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String CLINICIAN = "Zo\u00EB \u00D8deg\u00E5rd";

    @TempDir
    Path folder;

    private Database database;
    private MutableClock clock;
    private Services services;
    private VisitService visits;
    private VisitStore store;
    private Patient anna;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        clock = new MutableClock(NOW);
        services = Services.on(database, clock, Locale.UK);
        visits = services.visits();
        store = new VisitStore(database);
        services.settings().save(new ClinicSettings("Rebound Clinic", CLINICIAN, PaperSize.A4, null));
        anna = services.patients().save(patient("Anna", "Smith").birth(TODAY.minusWeeks(20)).build());
    }

    @AfterEach
    void close() {
        services.close();
    }

    // ---- the audit trail --------------------------------------------------------------------------

    @Test
    void aSavedVisitAndItsRowInTheTrailCommitTogetherOrNotAtAll() {
        Visit first = VisitFixture.nearlyEmpty(anna.id(), TODAY.minusDays(1));
        visits.save(first);
        assertThat(store.find(first.id())).isPresent();

        // a trail that cannot be written: the visit is not saved either
        visits.audit(new Audit() {
            @Override
            public void record(AuditAction action, UUID patientId, String detail) {
            }

            @Override
            public void recordAll(AuditAction action, Collection<UUID> patientIds, String detail) {
            }

            @Override
            public AlsoInTransaction recordWith(AuditAction action, UUID patientId,
                    String detail) {
                return tx -> {
                    throw new IllegalStateException("the trail is full");
                };
            }
        });
        Visit second = VisitFixture.nearlyEmpty(anna.id(), TODAY);
        assertThatThrownBy(() -> visits.save(second)).hasMessageContaining("the trail is full");
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(first.id())).isPresent();
    }

    /**
     * A power cut after the amended visit is saved and before its row in the trail is written left a change to a
     * completed visit that the trail does not show: both commit together, as a draft's save and its row do.
     */
    @Test
    void anAmendmentAndItsRowInTheTrailCommitTogetherOrNotAtAll() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();
        visits.audit(new Audit() {
            @Override
            public void record(AuditAction action, UUID patientId, String detail) {
                throw new IllegalStateException("the trail is full");
            }

            @Override
            public void recordAll(AuditAction action, Collection<UUID> patientIds, String detail) {
                throw new IllegalStateException("the trail is full");
            }

            @Override
            public AlsoInTransaction recordWith(AuditAction action, UUID patientId, String detail) {
                return tx -> {
                    throw new IllegalStateException("the trail is full");
                };
            }
        });

        assertThatThrownBy(() -> visits.save(VisitFixture.withNotes(complete, "Changed after the visit"),
                UUID.randomUUID(), "Typo")).hasMessageContaining("the trail is full");

        assertThat(store.find(complete.id())).get().extracting(Visit::notes).isEqualTo(complete.notes());
        assertThat(visits.amendments(complete.id())).as("no amendment without its row in the trail").isEmpty();
    }

    // ---- round trips ------------------------------------------------------------------------------

    @Test
    void aVisitWithEveryFieldFilledComesBackExactly() {
        Visit full = VisitFixture.full(anna.id(), TODAY.minusDays(3));

        VisitService.Saved saved = visits.save(full);

        assertThat(saved.at()).isEqualTo(NOW_SECONDS);
        assertThat(saved.visit()).isEqualTo(full.withUpdated(NOW_SECONDS));
        Visit found = store.find(full.id()).orElseThrow();
        assertThat(found).isEqualTo(saved.visit());
        assertThat(visits.load(full.id())).isEqualTo(saved.visit());
        // a few of the values spelled out, so that equality cannot hide a lost section
        assertThat(found.notes()).isEqualTo("Zoë — 李小龙");
        assertThat(found.abdominalWall().aboveUmbilicus()).isEqualTo(new BigDecimal("2.5"));
        assertThat(found.redFlags()).containsExactly(RedFlag.FEVER, RedFlag.WOUND_INFECTION);
        assertThat(found.strength()).hasSize(4);
        assertThat(found.loadImpact()).hasSize(7);
        assertThat(found.outcomes().psfs()).hasSize(5);
        assertThat(found.pelvicFloor().notes()).isEqualTo("Left side weaker;\nsecond line é");
        assertThat(found.extensions()).isEqualTo(full.extensions());
        assertThat(store.summaries(anna.id())).containsExactly(new VisitSummary(full.id(), full.date(),
                VisitKind.FOLLOW_UP, VisitStatus.DRAFT, Stage.LOW_LOAD, SuggestedStage.REFER));
    }

    @Test
    void aVisitWithNearlyNothingComesBackWithEveryAnswerKept() {
        Visit asked = VisitFixture.nearlyEmpty(anna.id(), TODAY);
        Visit notAsked = VisitFixture.withRedFlags(VisitFixture.nearlyEmpty(anna.id(), TODAY), null);

        Visit savedAsked = visits.save(asked).visit();
        Visit savedNotAsked = visits.save(notAsked).visit();

        Visit a = store.find(asked.id()).orElseThrow();
        Visit n = store.find(notAsked.id()).orElseThrow();
        assertThat(a).isEqualTo(savedAsked).isEqualTo(asked.withUpdated(NOW_SECONDS));
        assertThat(n).isEqualTo(savedNotAsked).isEqualTo(notAsked.withUpdated(NOW_SECONDS));
        assertThat(a.redFlags()).isNotNull().isEmpty();
        assertThat(n.redFlags()).isNull();
        assertThat(a.symptoms().urinaryIncontinence()).isFalse();
        assertThat(a.symptoms().faecalIncontinence()).isNull();
        assertThat(a.symptoms().runSymptomOnsetMinutes()).isZero();
        assertThat(a.pelvicFloor().repetitions()).isZero();
        assertThat(a.pelvicFloor().enduranceSeconds()).isNull();
        assertThat(a.strength(StrengthTest.SL_BRIDGE)).isEqualTo(Sides.of(0, null));
        assertThat(a.strength()).doesNotContainKey(StrengthTest.CALF_RAISE);
    }

    @Test
    void textIsTrimmedAndComposedAndBlankTextIsNotRecorded() {
        Visit v = VisitFixture.withNotes(VisitFixture.nearlyEmpty(anna.id(), TODAY),
                "  Zoe\u0308 \u2014 \u674E\u5C0F\u9F99 \n\n")
                .withClinician("  Zoe\u0308 ");
        v = VisitFixture.withOutcomes(v, new Outcomes(List.of(new PsfsItem("  Runnin\u0301g ", 3)), null, null));
        v = VisitFixture.withPelvicFloor(v, new PelvicFloorExam(null, null, null, null, null, null, null, null, null,
                null, null, " \n "));

        Visit saved = visits.save(v).visit();

        Visit found = store.find(v.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.notes()).isEqualTo("  Zo\u00EB \u2014 \u674E\u5C0F\u9F99");
        assertThat(found.clinician()).isEqualTo("Zo\u00EB");
        assertThat(found.outcomes().psfs().get(0).activity()).isEqualTo("Runnińg");
        assertThat(found.pelvicFloor().notes()).isNull();
    }

    @Test
    void theStampIsTheClocksTimeNotWhatTheVisitSaid() {
        Visit v = VisitFixture.nearlyEmpty(anna.id(), TODAY).withUpdated(Instant.parse("2099-01-01T00:00:00Z"));

        visits.save(v);
        clock.set(NOW.plusSeconds(95));
        VisitService.Saved second = visits.save(VisitFixture.withNotes(v, "later"));

        assertThat(second.at()).isEqualTo(NOW_SECONDS.plusSeconds(95));
        assertThat(store.find(v.id()).orElseThrow().updated()).isEqualTo(NOW_SECONDS.plusSeconds(95));
    }

    // ---- starting a visit -------------------------------------------------------------------------

    @Test
    void theFirstVisitIsInitialAndTheNextAreFollowUps() {
        Visit first = visits.start(anna.id(), true);
        Visit second = visits.start(anna.id(), false);
        Visit third = visits.start(anna.id(), true);

        assertThat(first.kind()).isEqualTo(VisitKind.INITIAL);
        assertThat(second.kind()).isEqualTo(VisitKind.FOLLOW_UP);
        assertThat(third.kind()).isEqualTo(VisitKind.FOLLOW_UP);
        for (Visit v : List.of(first, second, third)) {
            assertThat(v.date()).isEqualTo(TODAY);
            assertThat(v.status()).isEqualTo(VisitStatus.DRAFT);
            assertThat(v.clinician()).isEqualTo(CLINICIAN);
            assertThat(v.updated()).isEqualTo(NOW_SECONDS);
            assertThat(store.find(v.id())).contains(v);
        }
        // a first visit has nothing to copy
        assertThat(first.history()).isEqualTo(History.EMPTY);
    }

    @Test
    void startingAFollowUpCopiesOnlyTheHistory() {
        Visit previous = visits.save(VisitFixture.full(anna.id(), TODAY.minusWeeks(4))).visit();
        visits.complete(previous);

        Visit next = visits.start(anna.id(), true);

        Visit stored = store.find(next.id()).orElseThrow();
        assertThat(stored).isEqualTo(next);
        assertThat(stored.id()).isNotEqualTo(previous.id());
        assertThat(stored.history()).isEqualTo(previous.history());
        assertThat(stored.kind()).isEqualTo(VisitKind.FOLLOW_UP);
        assertThat(stored.date()).isEqualTo(TODAY);
        assertThat(stored.status()).isEqualTo(VisitStatus.DRAFT);
        assertThat(stored.clinician()).isEqualTo(CLINICIAN);
        assertThat(stored.symptoms()).isEqualTo(Symptoms.EMPTY);
        assertThat(stored.redFlags()).isNull();
        assertThat(stored.pelvicFloor()).isEqualTo(PelvicFloorExam.EMPTY);
        assertThat(stored.abdominalWall()).isEqualTo(AbdominalWall.EMPTY);
        assertThat(stored.strength()).isEmpty();
        assertThat(stored.loadImpact()).isEmpty();
        assertThat(stored.outcomes()).isEqualTo(Outcomes.EMPTY);
        assertThat(stored.stage()).isNull();
        assertThat(stored.notes()).isNull();
        assertThat(stored.extensions()).isNull();
        // and the visit it copied from is untouched
        assertThat(store.find(previous.id()).orElseThrow().withStatus(VisitStatus.DRAFT)).isEqualTo(previous);
    }

    @Test
    void startingAFollowUpCopiesTheHistoryOfTheLatestVisit() {
        History older = new History(true, new BigDecimal("5"), null, null, null, null, null, SupportDevice.NONE);
        History latest = new History(false, new BigDecimal("7.25"), new BigDecimal("24"), true, null, null, null,
                SupportDevice.SUPPORT_GARMENT);
        // saved newest first, so that "latest" cannot mean "saved last"
        visits.save(withHistory(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(2)), latest));
        visits.save(withHistory(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(8)), older));

        assertThat(visits.start(anna.id(), true).history()).isEqualTo(latest);
    }

    @Test
    void startingWithoutCopyingLeavesTheHistoryEmpty() {
        visits.save(VisitFixture.full(anna.id(), TODAY.minusWeeks(4)));

        Visit next = visits.start(anna.id(), false);

        assertThat(next.history()).isEqualTo(History.EMPTY);
        assertThat(store.find(next.id()).orElseThrow().history()).isEqualTo(History.EMPTY);
    }

    // ---- validation -------------------------------------------------------------------------------

    @Test
    void aVisitDatedTomorrowIsRefusedAndNothingIsStored() {
        Visit tomorrow = VisitFixture.full(anna.id(), TODAY.plusDays(1));

        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> visits.save(tomorrow));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(Violation::field).containsExactly("date");
        assertThat(store.find(tomorrow.id())).isEmpty();
        assertThat(store.forPatient(anna.id())).isEmpty();
        assertThat(services.patients().search("", false).patients().get(0).lastVisit()).isNull();
    }

    @Test
    void movingAStoredVisitToTomorrowIsRefusedAndLeavesItAsItWas() {
        Visit saved = visits.save(VisitFixture.full(anna.id(), TODAY)).visit();

        assertThatThrownBy(() -> visits.save(VisitFixture.withDate(
                VisitFixture.withNotes(saved, "changed"), TODAY.plusDays(1))))
                .isInstanceOf(ValidationException.class);

        assertThat(store.find(saved.id())).contains(saved);
    }

    @Test
    void todayIsTheClocksDayInItsZone() {
        // 23:30 on the 22nd in UTC is already the 23rd in Auckland
        MutableClock auckland = new MutableClock(Instant.parse("2026-11-22T23:30:00Z"), ZoneId.of("Pacific/Auckland"));
        VisitService there = Services.on(database, auckland, Locale.UK).visits();

        assertThat(there.today()).isEqualTo(LocalDate.of(2026, 11, 23));
        Visit v = there.save(VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 11, 23))).visit();
        assertThat(store.find(v.id())).isPresent();
        assertThatThrownBy(() -> there.save(VisitFixture.nearlyEmpty(anna.id(), LocalDate.of(2026, 11, 24))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirRecordFormatPaths() {
        Visit bad = VisitFixture.withPelvicFloor(VisitFixture.nearlyEmpty(anna.id(), TODAY),
                new PelvicFloorExam(null, 7, null, null, null, null, null, null, null, null, null, null));
        bad = VisitFixture.withStrength(bad, Map.of(StrengthTest.SL_BRIDGE, Sides.of(201, -1)));
        bad = VisitFixture.withAbdominalWall(bad, new AbdominalWall(null, IrdUnit.CM, new BigDecimal("2.555"),
                new BigDecimal("20.01"), null, null, null));

        Visit refused = bad;
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> visits.save(refused));

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("pelvicFloor.power",
                "strength.SL_BRIDGE.left", "strength.SL_BRIDGE.right", "abdominalWall.aboveUmbilicus",
                "abdominalWall.atUmbilicus");
        assertThat(store.find(bad.id())).isEmpty();
    }

    @Test
    void aVisitOfAnUnknownPatientIsRefused() {
        assertThatThrownBy(() -> visits.save(VisitFixture.nearlyEmpty(UUID.randomUUID(), TODAY)))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> visits.load(UUID.randomUUID())).isInstanceOf(NoSuchElementException.class);
    }

    // ---- completing and amending ------------------------------------------------------------------

    @Test
    void changingACompletedVisitRecordsWhoChangedWhichField() {
        Visit draft = visits.save(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();
        Visit complete = visits.complete(draft).visit();
        assertThat(complete.status()).isEqualTo(VisitStatus.COMPLETE);
        assertThat(visits.amendments(draft.id())).as("completing is not an amendment").isEmpty();

        clock.set(NOW.plusSeconds(600));
        Visit changed = VisitFixture.withPelvicFloor(complete, withPower(complete.pelvicFloor(), 4));
        VisitService.Saved saved = visits.save(changed, null, "Re-tested after the visit");

        assertThat(visits.amendments(draft.id())).singleElement().satisfies(a -> {
            assertThat(a.at()).isEqualTo(NOW_SECONDS.plusSeconds(600));
            assertThat(a.clinician()).isEqualTo(CLINICIAN);
            assertThat(a.fields()).containsExactly("pelvicFloor.power");
            // what it held before stays on record
            assertThat(a.previous()).containsExactly(Map.entry("pelvicFloor.power",
                    String.valueOf(complete.pelvicFloor().power())));
        });
        assertThat(store.find(draft.id())).contains(saved.visit());
        assertThat(saved.visit().pelvicFloor().power()).isEqualTo(4);
        assertThat(saved.visit().status()).isEqualTo(VisitStatus.COMPLETE);
    }

    @Test
    void theSameAmendmentIdGathersTheFieldsOfSeveralSavesIntoOneAmendment() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();
        UUID sitting = UUID.randomUUID();

        clock.set(NOW.plusSeconds(60));
        Visit first = visits.save(VisitFixture.withPelvicFloor(complete, withPower(complete.pelvicFloor(), 5)),
                sitting, "Re-tested").visit();
        clock.set(NOW.plusSeconds(120));
        Visit second = visits.save(VisitFixture.withNotes(VisitFixture.withRedFlags(first, Set.of()), "Reviewed"),
                sitting, "Re-tested").visit();

        assertThat(visits.amendments(complete.id())).singleElement().satisfies(a -> {
            assertThat(a.at()).isEqualTo(NOW_SECONDS.plusSeconds(120));
            assertThat(a.fields()).containsExactly("notes", "pelvicFloor.power", "redFlags");
            // the power it had before the sitting, not the 5 of its first save
            assertThat(a.previous()).containsEntry("pelvicFloor.power", String.valueOf(complete.pelvicFloor().power()))
                    .containsKeys("notes", "redFlags");
        });
        assertThat(store.find(complete.id())).contains(second);

        // another sitting is another amendment
        clock.set(NOW.plusSeconds(180));
        visits.save(VisitFixture.withStage(second, Stage.BUILD), UUID.randomUUID(), "Stage reviewed");
        assertThat(visits.amendments(complete.id())).hasSize(2).last()
                .satisfies(a -> assertThat(a.fields()).containsExactly("stage"));
    }

    @Test
    void anAmendmentKeepsItsReasonAndEachChangeInWordsFromWhatItHeldBeforeTheSitting() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();
        UUID sitting = UUID.randomUUID();

        Visit first = visits.save(VisitFixture.withPelvicFloor(complete, withPower(complete.pelvicFloor(), 5)),
                sitting, "Re-tested after the visit").visit();
        visits.save(VisitFixture.withNotes(VisitFixture.withPelvicFloor(first, withPower(first.pelvicFloor(), 4)),
                "Reviewed\tagain"), sitting, "another reason");

        assertThat(visits.amendments(complete.id())).singleElement().satisfies(a -> {
            assertThat(a.reason()).as("the reason given when she chose Amend").isEqualTo("Re-tested after the visit");
            assertThat(a.changes()).extracting(Amendment.Change::text).hasSize(2)
                    .contains("Power (MOS): 3 → 4")
                    .anySatisfy(text -> assertThat(text).startsWith("Notes: “").endsWith(" → “Reviewed\tagain”"));
        });
    }

    /**
     * The reason is checked by the service, not only by the dialog that asks it: 10,000 characters failed in the
     * database (its column holds 1,000) instead of being refused; control characters (which PostgreSQL refuses,
     * U+0000) were kept as given.
     */
    @Test
    void anAmendReasonIsCheckedAndCleanedByTheServiceNotOnlyByTheDialog() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();

        ValidationException tooLong = catchThrowableOfType(ValidationException.class, () -> visits.save(
                VisitFixture.withNotes(complete, "Changed after the visit"), UUID.randomUUID(), "x".repeat(10_000)));

        assertThat(tooLong).isNotNull();
        assertThat(tooLong.violations()).extracting(Violation::field).containsExactly("amendReason");
        assertThat(store.find(complete.id())).get().extracting(Visit::notes).isEqualTo(complete.notes());
        assertThat(visits.amendments(complete.id())).isEmpty();

        visits.save(VisitFixture.withNotes(complete, "Changed after the visit"), UUID.randomUUID(),
                "Re-tested\u0000 after\u0001 the visit\u0007");
        assertThat(visits.amendments(complete.id())).singleElement().extracting(Amendment::reason)
                .isEqualTo("Re-tested after the visit");
    }

    @Test
    void savingACompletedVisitUnchangedRecordsNoAmendment() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();

        clock.set(NOW.plusSeconds(60));
        VisitService.Saved again = visits.save(complete, UUID.randomUUID());

        assertThat(visits.amendments(complete.id())).isEmpty();
        assertThat(again.at()).isEqualTo(NOW_SECONDS);
        assertThat(store.find(complete.id()).orElseThrow().updated()).isEqualTo(NOW_SECONDS);
    }

    @Test
    void anAmendmentWithoutAnIdIsOneAmendmentPerSave() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();

        Visit one = visits.save(VisitFixture.withNotes(complete, "one"), null, "first look").visit();
        visits.save(VisitFixture.withNotes(one, "two"), null, "second look");

        assertThat(visits.amendments(complete.id())).extracting(Amendment::fields)
                .containsExactly(List.of("notes"), List.of("notes"));
    }

    @Test
    void changesToADraftAreNotAmendments() {
        Visit draft = visits.save(VisitFixture.full(anna.id(), TODAY)).visit();

        visits.save(VisitFixture.withPelvicFloor(draft, withPower(draft.pelvicFloor(), 1)), UUID.randomUUID());

        assertThat(visits.amendments(draft.id())).isEmpty();
    }

    /**
     * The same measurement written with more zeros (2.50 for the stored 2.5, 20.0 for 20) is not a
     * change, and the saved visit the service returns should be the visit as stored.
     */
    @Test
    void theSameDecimalWithMoreZerosIsNoChange() {
        Visit full = VisitFixture.full(anna.id(), TODAY.minusDays(1));
        Visit complete = visits.complete(full).visit();
        History h = complete.history();
        Visit sameValues = withHistory(complete, new History(h.breastfeeding(), new BigDecimal("6.50"),
                new BigDecimal("23.450"), h.hypermobility(), h.psychologicalConcern(), h.redsConcern(),
                h.leakedBeforeOrDuringPregnancy(), h.supportDevice()));

        VisitService.Saved saved = visits.save(sameValues);

        assertThat(visits.amendments(complete.id())).isEmpty();
        assertThat(saved.visit()).isEqualTo(store.find(complete.id()).orElseThrow());
    }

    /**
     * "A completed visit is part of the record and stays", but saving it back as a DRAFT is taken as
     * an amendment of "status", after which deleteDraft removes the visit and its amendments.
     */
    @Test
    void aCompletedVisitCannotBeReopenedAndThenDeleted() {
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(1))).visit();

        try {
            visits.save(complete.withStatus(VisitStatus.DRAFT));
        } catch (IllegalStateException | ValidationException refused) {
            // refusing is one right answer
        }

        assertThat(store.find(complete.id()).orElseThrow().status()).isEqualTo(VisitStatus.COMPLETE);
        assertThatThrownBy(() -> visits.deleteDraft(complete.id())).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(complete.id())).isPresent();
    }

    // ---- deleting ---------------------------------------------------------------------------------

    @Test
    void aDraftCanBeDeletedButACompletedVisitCannot() {
        Visit draft = visits.save(VisitFixture.full(anna.id(), TODAY)).visit();
        Visit complete = visits.complete(VisitFixture.full(anna.id(), TODAY.minusDays(7))).visit();

        visits.deleteDraft(draft.id());

        assertThat(store.find(draft.id())).isEmpty();
        assertThatThrownBy(() -> visits.deleteDraft(complete.id())).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(complete.id())).contains(complete);
        assertThat(visits.visitsOf(anna.id())).containsExactly(complete);
        assertThatThrownBy(() -> visits.deleteDraft(draft.id())).isInstanceOf(NoSuchElementException.class);
    }

    // ---- lists ------------------------------------------------------------------------------------

    @Test
    void summariesAreNewestFirstWithTheSuggestedAndTheChosenStage() {
        Visit referred = VisitFixture.withRedFlags(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(6)),
                Set.of(RedFlag.CALF_PAIN_SWELLING));
        Visit chosen = VisitFixture.withStage(VisitFixture.withStrength(
                VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(2)),
                Map.of(StrengthTest.CALF_RAISE, Sides.of(5, 12))), Stage.CONNECT);
        Visit noContraction = VisitFixture.withPelvicFloor(VisitFixture.nearlyEmpty(anna.id(), TODAY),
                new PelvicFloorExam(null, 1, null, null, null, null, null, null, Relaxation.COMPLETE, null, null,
                        null));
        visits.save(chosen);
        visits.complete(referred);
        visits.save(noContraction);

        assertThat(visits.workspace(anna.id()).visits()).containsExactly(
                new VisitSummary(noContraction.id(), TODAY, null, VisitStatus.DRAFT, null, SuggestedStage.CONNECT),
                new VisitSummary(chosen.id(), TODAY.minusWeeks(2), null, VisitStatus.DRAFT, Stage.CONNECT,
                        SuggestedStage.LOW_LOAD),
                new VisitSummary(referred.id(), TODAY.minusWeeks(6), null, VisitStatus.COMPLETE, null,
                        SuggestedStage.REFER));
        assertThat(visits.workspace(anna.id()).patient()).isEqualTo(anna);
        assertThat(visits.workspace(anna.id()).visits().get(2).stageIssued()).isNull();
        assertThat(visits.workspace(anna.id()).visits().get(1).stageIssued()).isEqualTo(Stage.CONNECT);
    }

    @Test
    void theSuggestionStoredFollowsTheLatestSave() {
        Visit referred = visits.save(VisitFixture.withRedFlags(VisitFixture.nearlyEmpty(anna.id(), TODAY),
                Set.of(RedFlag.FEVER, RedFlag.SEVERE_HEADACHE_VISION))).visit();
        assertThat(store.summaries(anna.id())).extracting(VisitSummary::suggestedStage)
                .containsExactly(SuggestedStage.REFER);

        visits.save(VisitFixture.withRedFlags(referred, Set.of()));

        assertThat(store.summaries(anna.id())).extracting(VisitSummary::suggestedStage)
                .containsExactly(SuggestedStage.LOW_LOAD);
    }

    @Test
    void thePatientListShowsTheDateOfTheLatestVisit() {
        Patient zoe = services.patients().save(patient("Zoë", "Ødegård").build());
        visits.save(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(1)));
        visits.save(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(9)));
        Visit latest = visits.save(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusDays(2))).visit();
        visits.save(VisitFixture.nearlyEmpty(anna.id(), TODAY.minusWeeks(5)));

        assertThat(lastVisitOf(anna.id())).isEqualTo(TODAY.minusDays(2));
        assertThat(lastVisitOf(zoe.id())).isNull();

        visits.start(anna.id(), true);
        assertThat(lastVisitOf(anna.id())).isEqualTo(TODAY);

        // a visit moved to another date moves the column with it
        visits.deleteDraft(visits.workspace(anna.id()).visits().get(0).id());
        visits.save(VisitFixture.withDate(latest, TODAY.minusDays(1)));
        assertThat(lastVisitOf(anna.id())).isEqualTo(TODAY.minusDays(1));
    }

    private LocalDate lastVisitOf(UUID patientId) {
        PatientSummary summary = services.patients().search("", true).patients().stream()
                .filter(p -> p.id().equals(patientId))
                .findFirst()
                .orElseThrow();
        return summary.lastVisit();
    }

    private static PelvicFloorExam withPower(PelvicFloorExam f, Integer power) {
        return new PelvicFloorExam(f.method(), power, f.enduranceSeconds(), f.repetitions(), f.fastContractions(),
                f.elevation(), f.coContraction(), f.coughPrecontraction(), f.relaxation(), f.tone(),
                f.standingSubmaxHoldSeconds(), f.notes());
    }

    private static Visit withHistory(Visit v, History history) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(), history,
                v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(), v.loadImpact(),
                v.outcomes(), v.stage(), v.notes(), v.extensions());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private volatile Instant now;
        private final ZoneId zone;

        MutableClock(Instant now) {
            this(now, ZoneOffset.UTC);
        }

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId value) {
            return new MutableClock(now, value);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
