package app.rebound.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class NameFoldingTest {

    @Nested
    class Fold {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "Zoë, zoe",
                "ZOË, zoe",
                "Ødegård, odegard",
                "Łukasz, lukasz",
                "Straße, strasse",
                "STRAẞE, strasse",
                "Æsa, aesa",
                "Œuvre, oeuvre",
                "Đorđević, dordevic",
                "Þóra, thora",
                "Guðrún, gudrun",
                "İlknur, ilknur",
                "ılgın, ilgin",
                "IŞIK, isik",
                "Nguyễn, nguyen",
                "François, francois",
                "Ελένη, ελενη",
                "ΕΛΈΝΗ, ελενη",
                "Анна, анна",
                "ИВАНОВА, иванова",
                "Ёлкина, елкина",
        })
        void foldsCaseAccentsAndSpecialLetters(String name, String folded) {
            assertThat(NameFolding.fold(name)).isEqualTo(folded);
        }

        @Test
        void keepsLettersOfScriptsWithoutCaseOrAccentsAsWritten() {
            assertThat(NameFolding.fold("李小龙")).isEqualTo("李小龙");
            assertThat(NameFolding.fold("김민지")).isEqualTo("김민지");
            // Voiced kana keep their mark: が is a different letter from か, not an accented one.
            assertThat(NameFolding.fold("ながの")).isEqualTo("ながの");
        }

        @Test
        void hangulComesBackComposedEvenWhenTypedAsJamo() {
            String decomposed = Normalizer.normalize("김민지", Normalizer.Form.NFD);
            assertThat(decomposed).hasSize(8); // sanity: really decomposed into jamo

            String folded = NameFolding.fold(decomposed);

            assertThat(folded).isEqualTo("김민지");
            assertThat(Normalizer.isNormalized(folded, Normalizer.Form.NFC)).isTrue();
        }

        @Test
        void composedAndDecomposedAccentsFoldAlike() {
            assertThat(NameFolding.fold("Zoe\u0308")).isEqualTo(NameFolding.fold("Zo\u00EB")).isEqualTo("zoe");
            assertThat(NameFolding.fold("\u0395\u03BB\u03B5\u0301\u03BD\u03B7")).isEqualTo("ελενη");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void nothingFoldsToEmpty(String nothing) {
            assertThat(NameFolding.fold(nothing)).isEmpty();
        }

        @Test
        void foldingTwiceChangesNothing() {
            for (String name : List.of("Zoë Ødegård", "Þóra", "Straße", "İlknur", "Ελένη", "李小龙", "김민지", "ながの")) {
                String once = NameFolding.fold(name);
                assertThat(NameFolding.fold(once)).as(name).isEqualTo(once);
            }
        }

        @Test
        void greekFinalSigmaFoldsLikeSigma() {
            assertThat(NameFolding.fold("ΣΟΦΙΑΣ")).isEqualTo(NameFolding.fold("Σοφίας"));
            assertThat(NameFolding.fold("ΠΑΠΑΔΟΠΟΥΛΟΣ")).isEqualTo(NameFolding.fold("Παπαδόπουλος"));
        }
    }

    @Nested
    class SearchWords {

        @Test
        void hyphenatedAndApostrophedNamesGiveTheirPiecesAndThePiecesJoined() {
            assertThat(NameFolding.searchWords("Ana-María", "O'Neil"))
                    .containsExactlyInAnyOrder("ana", "maria", "anamaria", "o", "neil", "oneil");
        }

        @Test
        void typographicApostropheSplitsLikeTheTypewriterOne() {
            assertThat(NameFolding.searchWords("Zoë", "O\u2019Neil"))
                    .containsExactlyInAnyOrder("zoe", "o", "neil", "oneil");
        }

        @Test
        void everySpaceSeparatedPartIsAWord() {
            assertThat(NameFolding.searchWords("Mary  Ann", "van der Berg"))
                    .contains("mary", "ann", "van", "der", "berg")
                    .doesNotContain("", " ");
        }

        @Test
        void namesWithoutLettersGiveNoWords() {
            assertThat(NameFolding.searchWords("  ", "-")).isEmpty();
        }

        @Test
        void wordsAreFolded() {
            assertThat(NameFolding.searchWords("Łukasz", "Đorđević-Ødegård"))
                    .containsExactlyInAnyOrder("lukasz", "dordevic", "odegard", "dordevicodegard");
        }
    }

    @Nested
    class QueryTerms {

        @Test
        void foldsAndSplitsOnSpaces() {
            assertThat(NameFolding.queryTerms("  Zoë   ØDE ")).containsExactly("zoe", "ode");
        }

        @Test
        void dropsPunctuationInsideATerm() {
            assertThat(NameFolding.queryTerms("o'ne")).containsExactly("one");
            assertThat(NameFolding.queryTerms("Ana-Ma")).containsExactly("anama");
        }

        @Test
        void removesDuplicatesKeepingTheFirst() {
            assertThat(NameFolding.queryTerms("zoe Zoë ZOE smith zoe")).containsExactly("zoe", "smith");
        }

        @Test
        void blankOrPunctuationOnlyQueriesHaveNoTerms() {
            assertThat(NameFolding.queryTerms(null)).isEmpty();
            assertThat(NameFolding.queryTerms("")).isEmpty();
            assertThat(NameFolding.queryTerms("   ")).isEmpty();
            assertThat(NameFolding.queryTerms("% _ '")).isEmpty();
        }

        @Test
        void aTermIsAPrefixOfTheJoinedSearchWord() {
            String term = NameFolding.queryTerms("O'Ne").get(0);
            assertThat(NameFolding.searchWords("Siobhan", "O'Neil")).anyMatch(word -> word.startsWith(term));
        }
    }

    @Nested
    class SortKey {

        @Test
        void isFoldedFamilyThenGiven() {
            assertThat(NameFolding.sortKey("Zoë", "Ødegård")).isEqualTo("odegard zoe");
        }

        @Test
        void familyNameDecidesBeforeGivenName() {
            record Name(String given, String family) {
            }
            List<Name> names = List.of(
                    new Name("Anna", "Smithson"),
                    new Name("Zoe", "Smith"),
                    new Name("Anna", "Persson"),
                    new Name("Bea", "Ødegård"),
                    new Name("Anna", "Odegard"),
                    new Name("Łukasz", "Nowak"),
                    new Name("Ana", "Nowak"));

            List<String> sorted = names.stream()
                    .sorted(Comparator.comparing((Name n) -> NameFolding.sortKey(n.given(), n.family())))
                    .map(n -> n.family() + ", " + n.given())
                    .toList();

            assertThat(sorted).containsExactly(
                    "Nowak, Ana", "Nowak, Łukasz", "Odegard, Anna", "Ødegård, Bea", "Persson, Anna",
                    "Smith, Zoe", "Smithson, Anna");
        }
    }
}
