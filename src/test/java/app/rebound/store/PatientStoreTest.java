package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.Birth;
import app.rebound.domain.BirthMode;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.PatientValidator;
import app.rebound.domain.PerinealTrauma;

class PatientStoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;

    private Database database;
    private PatientStore store;

    @BeforeEach
    void open() {
        database = TestKeys.database(folder);
        store = new PatientStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Patient saved(Patient patient) {
        store.save(patient);
        return patient;
    }

    private Patient saved(String given, String family) {
        return saved(patient(given, family).build());
    }

    private Patient found(UUID id) {
        return store.find(id).orElseThrow();
    }

    private List<String> search(String query) {
        return names(store.search(NameFolding.queryTerms(query), false, 100, TODAY));
    }

    private List<String> searchTerms(String... terms) {
        return names(store.search(List.of(terms), false, 100, TODAY));
    }

    private static List<String> names(PatientPage page) {
        return page.patients().stream().map(PatientSummary::listName).toList();
    }

    @Nested
    class SaveAndFind {

        @Test
        void everyFieldComesBack() {
            Patient zoe = patient("Zoë", "Ødegård")
                    .updated(Instant.parse("2026-11-20T08:15:30Z"))
                    .dateOfBirth(LocalDate.of(1992, 2, 29))
                    .phone("+47 22 33 44 55")
                    .email("zoe@example.no")
                    .archived(true)
                    .birth(LocalDate.of(2026, 8, 1), BirthMode.EMERGENCY_CAESAREAN, PerinealTrauma.NONE)
                    .birth(LocalDate.of(2023, 5, 17), BirthMode.ASSISTED_VAGINAL, PerinealTrauma.TEAR_3)
                    .previousWeeklyRunKm("12.5")
                    .goal("Run the Holmenkollstafett")
                    .notes("Line one\n  indented line two\n\nLine four — with “quotes”")
                    .extensions("{\"x-clinic\":{\"room\":\"2\"}}")
                    .build();

            store.save(zoe);

            assertThat(found(zoe.id())).isEqualTo(zoe);
        }

        @Test
        void birthsWithUnknownModeAndTraumaComeBackUnknown() {
            Patient anna = saved(patient()
                    .birth(LocalDate.of(2025, 1, 1))
                    .birth(LocalDate.of(2026, 1, 1), null, PerinealTrauma.EPISIOTOMY)
                    .build());

            assertThat(found(anna.id()).births()).containsExactly(
                    new Birth(LocalDate.of(2025, 1, 1), null, null),
                    new Birth(LocalDate.of(2026, 1, 1), null, PerinealTrauma.EPISIOTOMY));
        }

        @Test
        void emptyOptionalFieldsComeBackEmpty() {
            Patient anna = saved(patient().build());

            Patient back = found(anna.id());

            assertThat(back).isEqualTo(anna);
            assertThat(back.dateOfBirth()).isNull();
            assertThat(back.previousWeeklyRunKm()).isNull();
            assertThat(back.births()).isEmpty();
        }

        @Test
        void kilometresComeBackAsTheSameNumber() {
            Patient half = saved(patient().previousWeeklyRunKm("12.5").build());
            Patient whole = saved(patient().previousWeeklyRunKm("25").build());
            Patient zero = saved(patient().previousWeeklyRunKm("0").build());
            Patient most = saved(patient().previousWeeklyRunKm("300").build());

            assertThat(found(half.id()).previousWeeklyRunKm()).isEqualByComparingTo("12.5");
            assertThat(found(whole.id()).previousWeeklyRunKm()).isEqualByComparingTo("25");
            assertThat(found(whole.id()).previousWeeklyRunKm().toPlainString()).isEqualTo("25");
            assertThat(found(zero.id()).previousWeeklyRunKm()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(found(most.id()).previousWeeklyRunKm()).isEqualByComparingTo("300");
        }

        @Test
        void notesOfTwentyThousandCharactersFit() {
            String notes = "0123456789".repeat(2_000);
            Patient anna = saved(patient().notes(notes).build());

            assertThat(found(anna.id()).notes()).isEqualTo(notes);
        }

        @Test
        void notesAsLongAsTheValidatorAllowsFitEvenWithEmoji() {
            String notes = "n".repeat(19_990) + "🏃\u200d♀\ufe0f" + "😀".repeat(6);
            assertThat(notes.codePointCount(0, notes.length())).isEqualTo(20_000);
            assertThat(PatientValidator.validate(patient().notes(notes).build(), TODAY)).isEmpty();

            Patient anna = saved(patient().notes(notes).build());

            assertThat(found(anna.id()).notes()).isEqualTo(notes);
        }

        @Test
        void goalAsLongAsTheValidatorAllowsFitsEvenWithEmoji() {
            String goal = "😀".repeat(500);
            assertThat(PatientValidator.validate(patient().goal(goal).build(), TODAY)).isEmpty();

            Patient anna = saved(patient().goal(goal).build());

            assertThat(found(anna.id()).goal()).isEqualTo(goal);
        }

        @Test
        void namesWithoutLettersCanBeSaved() {
            Patient unknown = patient("?", "-").build();
            assertThat(PatientValidator.validate(unknown, TODAY)).isEmpty();

            store.save(unknown);

            assertThat(found(unknown.id())).isEqualTo(unknown);
            assertThat(search("")).containsExactly("-, ?");
        }

        @Test
        void namesInAnyScriptComeBackAsWritten() {
            Patient zoe = saved("Zoë", "Ødegård");
            Patient li = saved("小龙", "李");
            Patient ana = saved("Ana-María", "O'Neil");
            Patient kim = saved("민지", "김");

            assertThat(found(zoe.id())).extracting(Patient::givenName, Patient::familyName).containsExactly("Zoë", "Ødegård");
            assertThat(found(li.id())).extracting(Patient::givenName, Patient::familyName).containsExactly("小龙", "李");
            assertThat(found(ana.id())).extracting(Patient::givenName, Patient::familyName)
                    .containsExactly("Ana-María", "O'Neil");
            assertThat(found(kim.id())).extracting(Patient::givenName, Patient::familyName).containsExactly("민지", "김");
        }

        @Test
        void namesOfAHundredSupplementaryCharactersFit() {
            String name = "𠀀".repeat(100);
            Patient patient = saved(name, "😀".repeat(100));

            assertThat(found(patient.id()).givenName()).isEqualTo(name);
            assertThat(found(patient.id()).familyName()).isEqualTo("😀".repeat(100));
        }

        @Test
        void unknownIdIsNotFound() {
            saved("Anna", "Smith");

            assertThat(store.find(UUID.randomUUID())).isEmpty();
        }

        @Test
        void savingAgainReplacesThePatient() {
            Patient first = saved(patient("Anna", "Smith")
                    .phone("020 7946 0958")
                    .email("anna@example.com")
                    .dateOfBirth(LocalDate.of(1990, 1, 1))
                    .previousWeeklyRunKm("20")
                    .goal("5 km")
                    .notes("notes")
                    .extensions("{}")
                    .birth(LocalDate.of(2024, 1, 1))
                    .birth(LocalDate.of(2026, 1, 1), BirthMode.VAGINAL, PerinealTrauma.TEAR_1)
                    .build());
            Patient edited = patient("Anna", "Jones")
                    .id(first.id())
                    .updated(first.updated().plusSeconds(60))
                    .birth(LocalDate.of(2026, 1, 1))
                    .build();

            store.save(edited);

            assertThat(found(first.id())).isEqualTo(edited);
            assertThat(store.count()).isEqualTo(1);
        }

        @Test
        void editingReplacesTheNameWords() {
            Patient zoe = saved("Zoë", "Ødegård");

            store.save(patient("Anna", "Smith").id(zoe.id()).build());

            assertThat(search("zoe")).isEmpty();
            assertThat(search("odegard")).isEmpty();
            assertThat(search("smith")).containsExactly("Smith, Anna");
            assertThat(search("anna")).containsExactly("Smith, Anna");
        }

        @Test
        void countCountsArchivedToo() {
            saved("Anna", "Smith");
            saved(patient("Bea", "Jones").archived(true).build());

            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Nested
    class Search {

        @BeforeEach
        void clinic() {
            saved("Zoë", "Ødegård");
            saved("Łukasz", "Nowak");
            saved("小龙", "李");
            saved("Ana-María", "O'Neil");
            saved("Zoë", "Smith");
        }

        @Test
        void findsNamesTypedWithoutAccentsOrSpecialLetters() {
            assertThat(search("zoe")).containsExactly("Ødegård, Zoë", "Smith, Zoë");
            assertThat(search("odegard")).containsExactly("Ødegård, Zoë");
            assertThat(search("ØDEGÅRD")).containsExactly("Ødegård, Zoë");
            assertThat(search("lukasz")).containsExactly("Nowak, Łukasz");
            assertThat(search("maria")).containsExactly("O'Neil, Ana-María");
        }

        @Test
        void findsTheStartOfAWord() {
            assertThat(search("ode")).containsExactly("Ødegård, Zoë");
            assertThat(search("小")).containsExactly("李, 小龙");
            assertThat(search("李")).containsExactly("李, 小龙");
        }

        @Test
        void doesNotFindTheMiddleOfAWord() {
            assertThat(search("degard")).isEmpty();
            assertThat(search("龙")).isEmpty();
        }

        @Test
        void findsApostrophedAndHyphenatedNamesByAnyPieceOrTheWhole() {
            assertThat(search("oneil")).containsExactly("O'Neil, Ana-María");
            assertThat(search("neil")).containsExactly("O'Neil, Ana-María");
            assertThat(search("O'Ne")).containsExactly("O'Neil, Ana-María");
            assertThat(search("O’Neil")).containsExactly("O'Neil, Ana-María");
            assertThat(search("anamaria")).containsExactly("O'Neil, Ana-María");
        }

        @Test
        void everyTermMustMatch() {
            assertThat(search("zoe ode")).containsExactly("Ødegård, Zoë");
            assertThat(search("ode zoe")).containsExactly("Ødegård, Zoë");
            assertThat(search("zoe nowak")).isEmpty();
        }

        @Test
        void aTermMatchingNothingFindsNothing() {
            assertThat(search("xavier")).isEmpty();
            assertThat(search("zoe xavier")).isEmpty();
        }

        @Test
        void noTermsListEveryone() {
            assertThat(search("")).hasSize(5);
        }

        @Test
        void likeWildcardsAreOrdinaryCharacters() {
            assertThat(searchTerms("%")).isEmpty();
            assertThat(searchTerms("_")).isEmpty();
            assertThat(searchTerms("z%")).isEmpty();
            assertThat(searchTerms("z_e")).isEmpty();
            assertThat(searchTerms("%oe")).isEmpty();
            assertThat(searchTerms("!")).isEmpty();
            assertThat(searchTerms("zo!")).isEmpty();
        }

        @Test
        void wildcardsTypedInAQueryDoNotMatchEveryone() {
            assertThat(search("z%")).containsExactly("Ødegård, Zoë", "Smith, Zoë");
            assertThat(search("_degard")).isEmpty();
            assertThat(search("%degard")).isEmpty();
        }
    }

    @Nested
    class Order {

        @Test
        void byFoldedFamilyNameThenGivenName() {
            saved("Anna", "Smithson");
            saved("Zoe", "Smith");
            saved("Anna", "Persson");
            saved("Bea", "Ødegård");
            saved("Anna", "Odegard");
            saved("Łukasz", "Nowak");
            saved("Ana", "Nowak");
            saved("Zoë", "abbott");

            assertThat(search("")).containsExactly(
                    "abbott, Zoë", "Nowak, Ana", "Nowak, Łukasz", "Odegard, Anna", "Ødegård, Bea",
                    "Persson, Anna", "Smith, Zoe", "Smithson, Anna");
        }

        @Test
        void samePeopleStayInTheSameOrder() {
            for (int i = 0; i < 5; i++) {
                saved("Anna", "Smith");
            }

            PatientPage first = store.search(List.of(), false, 100, TODAY);
            PatientPage second = store.search(List.of("smith"), false, 100, TODAY);

            assertThat(second.patients()).extracting(PatientSummary::id)
                    .containsExactlyElementsOf(first.patients().stream().map(PatientSummary::id).toList());
        }
    }

    @Nested
    class Archived {

        @Test
        void hiddenUnlessAsked() {
            saved("Anna", "Smith");
            Patient bea = saved(patient("Bea", "Smith").archived(true).build());

            assertThat(search("smith")).containsExactly("Smith, Anna");

            PatientPage all = store.search(List.of("smith"), true, 100, TODAY);
            assertThat(names(all)).containsExactly("Smith, Anna", "Smith, Bea");
            assertThat(all.patients()).filteredOn(PatientSummary::archived).extracting(PatientSummary::id)
                    .containsExactly(bea.id());
        }

        @Test
        void archivingAndRestoringChangeTheFlagAndTheTime() {
            Patient anna = saved("Anna", "Smith");
            Instant later = anna.updated().plusSeconds(3600);

            assertThat(store.setArchived(anna.id(), true, later)).isTrue();

            assertThat(found(anna.id()).archived()).isTrue();
            assertThat(found(anna.id()).updated()).isEqualTo(later);
            assertThat(search("anna")).isEmpty();

            assertThat(store.setArchived(anna.id(), false, later.plusSeconds(1))).isTrue();

            assertThat(found(anna.id()).archived()).isFalse();
            assertThat(search("anna")).containsExactly("Smith, Anna");
        }

        @Test
        void unknownIdCannotBeArchived() {
            saved("Anna", "Smith");

            assertThat(store.setArchived(UUID.randomUUID(), true, Instant.now())).isFalse();
            assertThat(search("")).containsExactly("Smith, Anna");
        }
    }

    @Nested
    class Limit {

        @BeforeEach
        void fourPatients() {
            saved("Anna", "Aa");
            saved("Anna", "Bb");
            saved("Anna", "Cc");
            saved("Anna", "Dd");
        }

        @Test
        void oneMoreThanTheLimitSaysThereIsMore() {
            PatientPage page = store.search(List.of(), false, 3, TODAY);

            assertThat(names(page)).containsExactly("Aa, Anna", "Bb, Anna", "Cc, Anna");
            assertThat(page.more()).isTrue();
        }

        @Test
        void exactlyTheLimitSaysThereIsNoMore() {
            PatientPage page = store.search(List.of(), false, 4, TODAY);

            assertThat(page.patients()).hasSize(4);
            assertThat(page.more()).isFalse();
        }

        @Test
        void archivedPatientsDoNotCountTowardsMoreWhenHidden() {
            saved(patient("Anna", "Ee").archived(true).build());

            assertThat(store.search(List.of(), false, 4, TODAY).more()).isFalse();
            assertThat(store.search(List.of(), true, 4, TODAY).more()).isTrue();
        }
    }

    @Nested
    class Summary {

        @Test
        void latestBirthIsTheMostRecentOnOrBeforeToday() {
            saved(patient("Anna", "Smith")
                    .dateOfBirth(LocalDate.of(1990, 4, 1))
                    .birth(LocalDate.of(2024, 1, 10))
                    .birth(LocalDate.of(2026, 3, 1))
                    .birth(TODAY.plusDays(1))
                    .build());

            PatientSummary anna = store.search(List.of(), false, 10, TODAY).patients().get(0);

            assertThat(anna.latestBirth()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(anna.dateOfBirth()).isEqualTo(LocalDate.of(1990, 4, 1));
            assertThat(anna.lastVisit()).isNull();
            assertThat(anna.archived()).isFalse();
        }

        @Test
        void aBirthTodayIsTheLatest() {
            saved(patient().birth(LocalDate.of(2020, 1, 1)).birth(TODAY).build());

            assertThat(store.search(List.of(), false, 10, TODAY).patients().get(0).latestBirth()).isEqualTo(TODAY);
        }

        @Test
        void noBirthsOrOnlyLaterOnesGiveNoLatestBirth() {
            saved(patient("Anna", "Aa").build());
            saved(patient("Bea", "Bb").birth(TODAY.plusDays(1)).build());

            assertThat(store.search(List.of(), false, 10, TODAY).patients())
                    .extracting(PatientSummary::latestBirth)
                    .containsOnlyNulls();
        }
    }
}
