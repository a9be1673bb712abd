package app.rebound.domain.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Patient-Specific Functional Scale score is the mean of the activities' scores (clinical
 * reference section 5), a decimal written in its shortest form with at most 2 decimals (record
 * format, Rules). An activity without a score is not a zero.
 */
class PsfsMeanTest {

    private static Outcomes psfs(Integer... scores) {
        List<PsfsItem> items = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            items.add(new PsfsItem("Activity " + (i + 1), scores[i]));
        }
        return new Outcomes(items, null, null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "4,6; 5",
        "7,8; 7.5",
        "10; 10",
        "10,10,10,10,10; 10",
        "0; 0",
        "0,0,0; 0",
        "1,0,0; 0.33",
        "0,0,2; 0.67",
        "7,8,8; 7.67",
        "1,0,0,0; 0.25",
        "3,4,4,4,4; 3.8",
        "2,4,6,8,10; 6",
    })
    void isTheMeanInShortestFormWithAtMostTwoDecimals(String scores, String mean) {
        Integer[] values = Arrays.stream(scores.split(",")).map(Integer::valueOf).toArray(Integer[]::new);

        BigDecimal result = psfs(values).psfsMean().orElseThrow();

        assertThat(result.toPlainString()).isEqualTo(mean);
        assertThat(result).isEqualByComparingTo(mean);
    }

    @Test
    void noActivityGivesNoScore() {
        assertThat(Outcomes.EMPTY.psfsMean()).isEmpty();
        assertThat(new Outcomes(null, 5, 3).psfsMean()).isEmpty();
    }

    @Test
    void anActivityWithoutAScoreIsLeftOutNotCountedAsZero() {
        Outcomes o = new Outcomes(List.of(new PsfsItem("Running", 8), new PsfsItem("Lifting", null)), null, null);

        assertThat(o.psfsMean()).hasValueSatisfying(m -> assertThat(m.toPlainString()).isEqualTo("8"));
    }

    @Test
    void activitiesWithoutScoresGiveNoScore() {
        Outcomes o = new Outcomes(List.of(new PsfsItem("Running", null)), null, null);

        assertThat(o.psfsMean()).isEmpty();
    }
}
