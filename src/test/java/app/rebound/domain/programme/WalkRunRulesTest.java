package app.rebound.domain.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.rebound.domain.IntRange;
import app.rebound.domain.Violation;

/**
 * The rules of a walk-run plan, as the clinician's edits meet them: each test starts from a plan
 * that passes and breaks (or keeps) one rule.
 */
class WalkRunRulesTest {

    /**
     * Twelve weeks of 5 min run / 30 s walk × 6, three times a week, then 30 minutes of continuous
     * running in week 13: passes every rule (consolidation all along, the walks dropped after runs of
     * 5 minutes with walks under a minute, the join in the last week).
     */
    static List<WalkRunWeek> valid() {
        List<WalkRunWeek> plan = new ArrayList<>();
        for (int week = 1; week <= 12; week++) {
            plan.add(new WalkRunWeek(week, 3, 300, 30, 6));
        }
        plan.add(new WalkRunWeek(13, 3, 300, 0, 6));
        return plan;
    }

    /** The violations but those of the 30-minute end (a plan with room to change, for the other rules). */
    private static List<Violation> apartFromTheEnd(List<Violation> violations) {
        return violations.stream().filter(v -> !v.messageKey().equals("validation.walkRun.tooLong")
                && !v.messageKey().equals("validation.walkRun.end.short")).toList();
    }

    /** {@code plan} with {@code edit} applied to week {@code from} and every week after it. */
    static List<WalkRunWeek> fromWeek(List<WalkRunWeek> plan, int from, UnaryOperator<WalkRunWeek> edit) {
        return plan.stream().map(w -> w.week() >= from ? edit.apply(w) : w).toList();
    }

    /** {@code plan} with {@code edit} applied to the week at {@code index} only. */
    static List<WalkRunWeek> atIndex(List<WalkRunWeek> plan, int index, UnaryOperator<WalkRunWeek> edit) {
        List<WalkRunWeek> edited = new ArrayList<>(plan);
        edited.set(index, edit.apply(plan.get(index)));
        return edited;
    }

    private static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::messageKey).toList();
    }

    // --- a plan that passes -------------------------------------------------------------------

    @Test
    void theValidPlanPasses() {
        assertThat(WalkRunRules.check(valid())).isEmpty();
    }

    @Test
    void consolidationNothingChangingIsAllowed() {
        List<WalkRunWeek> plan = valid();

        assertThat(plan.get(4).sameLoadAs(plan.get(3))).isTrue();
        assertThat(WalkRunRules.check(plan)).isEmpty();
    }

    @Test
    void oneChangeAWeekIsAllowed() {
        List<WalkRunWeek> plan = fromWeek(fromWeek(valid(), 6, w -> w.withWalkSeconds(w.walkSeconds() == 0 ? 0 : 20)),
                9, w -> w.withSessionsPerWeek(2));

        assertThat(WalkRunRules.check(plan)).isEmpty();
    }

    @Test
    void theGeneratedTypicalPlanPasses() {
        assertThat(WalkRunRules.check(WalkRunGenerator.generate())).isEmpty();
    }

    // --- one change at a time -------------------------------------------------------------------

    @Test
    void changingTwoThingsInOneWeekIsRefusedNamingThatWeek() {
        // 5 min × 6 becomes 6 min × 5 in week 5: the running stays 30 min, but two things change
        List<WalkRunWeek> plan = fromWeek(valid(), 5, w -> w.withRunSeconds(360).withRepeats(5));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(
                Violation.of("walkRun[4]", "validation.walkRun.twoChanges.runSeconds.repeats", "5"));
        assertThat(english(violations.get(0)))
                .isEqualTo("Week 5 changes both run time and repeats: change one thing at a time (split it over two weeks).");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
            "runSeconds, walkSeconds",
            "runSeconds, repeats",
            "runSeconds, sessionsPerWeek",
            "walkSeconds, repeats",
            "walkSeconds, sessionsPerWeek",
            "repeats, sessionsPerWeek"})
    void everyPairOfChangesHasItsOwnMessage(String first, String second) {
        List<WalkRunWeek> plan = twoChangesInWeek7(first, second);

        List<Violation> violations = apartFromTheEnd(WalkRunRules.check(plan));

        assertThat(violations).extracting(Violation::field).containsExactly("walkRun[6]");
        assertThat(keys(violations)).containsExactly("validation.walkRun.twoChanges." + first + "." + second);
        assertThat(english(violations.get(0))).startsWith("Week 7 changes both ")
                .endsWith(": change one thing at a time (split it over two weeks).");
    }

    /**
     * From 5 min × 6, two of: run 5½ min (+10 %), walk 15 s, 5 repeats (−17 %), 2 sessions a week;
     * together they break no rule but the one-change rule (and move the end off 30 minutes, which
     * {@link #apartFromTheEnd} leaves to its own tests).
     */
    private static List<WalkRunWeek> twoChangesInWeek7(String first, String second) {
        return fromWeek(valid(), 7, w -> change(change(w, first), second));
    }

    private static WalkRunWeek change(WalkRunWeek week, String variable) {
        return switch (variable) {
            case "runSeconds" -> week.withRunSeconds(330);
            case "walkSeconds" -> week.withWalkSeconds(week.walkSeconds() == 0 ? 0 : 15);
            case "repeats" -> week.withRepeats(5);
            case "sessionsPerWeek" -> week.withSessionsPerWeek(2);
            default -> throw new IllegalArgumentException(variable);
        };
    }

    @Test
    void changingThreeThingsAtOnceIsRefused() {
        List<WalkRunWeek> plan = fromWeek(valid(), 5,
                w -> w.withRunSeconds(360).withRepeats(5).withSessionsPerWeek(2));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(Violation.of("walkRun[4]", "validation.walkRun.manyChanges", "5", 3));
        assertThat(english(violations.get(0))).startsWith("Week 5 changes 3 of run time, walk time, repeats and sessions");
    }

    @Test
    void changedVariablesAreNamedInOrder() {
        WalkRunWeek week = new WalkRunWeek(1, 3, 60, 90, 10);

        assertThat(WalkRunRules.changedVariables(week, week.withWeek(2))).isEmpty();
        assertThat(WalkRunRules.changedVariables(week, new WalkRunWeek(2, 4, 65, 60, 11)))
                .containsExactly("runSeconds", "walkSeconds", "repeats", "sessionsPerWeek");
    }

    // --- at most 10 % more running a week --------------------------------------------------------

    /** Weeks 1–4 at {@code before} s run × 6, then {@code after} s run × 6 to the end. */
    private static List<WalkRunWeek> riseInWeek5(int before, int after) {
        return fromWeek(fromWeek(valid(), 1, w -> w.withRunSeconds(before)), 5, w -> w.withRunSeconds(after));
    }

    @Test
    void anElevenPercentRiseIsRefused() {
        List<Violation> violations = WalkRunRules.check(riseInWeek5(270, 300));

        assertThat(violations).extracting(Violation::field).containsExactly("walkRun[4]");
        assertThat(keys(violations)).containsExactly("validation.walkRun.riseTooLarge");
        assertThat(english(violations.get(0))).isEqualTo("Week 5 raises the week’s running time by 11.11 % over week 4,"
                + " from 81 to 90 min: raise it by at most 10 % a week (here to at most 89.1 min), or add a week in between.");
    }

    @ParameterizedTest(name = "{0} s → {1} s: refused {2}")
    @CsvSource({
            "200, 220, false",  // exactly 10 %
            "200, 221, true",   // 10.5 %
            "200, 222, true",   // 11 %
            "200, 300, true",   // 50 %
            "180, 198, false",  // exactly 10 %
            "190, 209, false",
            "190, 210, true"})
    void theLimitIsExactlyTenPercent(int before, int after, boolean refused) {
        List<Violation> violations = WalkRunRules.check(riseInWeek5(before, after));

        assertThat(keys(violations).contains("validation.walkRun.riseTooLarge")).isEqualTo(refused);
    }

    @Test
    void aFallIsAllowed() {
        // 6 min × 6 for four weeks, then back to 5 min × 6: a sixth less running
        List<WalkRunWeek> plan = fromWeek(valid(), 1, w -> w.week() <= 4 ? w.withRunSeconds(360) : w);

        assertThat(WalkRunRules.check(plan)).isEmpty();
    }

    @Test
    void addingASessionIsARiseToo() {
        // 3 → 4 sessions a week is one change, but a third more running
        List<WalkRunWeek> plan = fromWeek(valid(), 8, w -> w.withSessionsPerWeek(4));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).extracting(Violation::field, Violation::messageKey)
                .containsExactly(Tuple.tuple("walkRun[7]", "validation.walkRun.riseTooLarge"));
        assertThat(english(violations.get(0))).startsWith("Week 8 raises the week’s running time by 33.33 % over week 7");
    }

    @Test
    void risesTooMuchIsExactArithmetic() {
        assertThat(WalkRunRules.risesTooMuch(1000, 1100)).isFalse();
        assertThat(WalkRunRules.risesTooMuch(1000, 1101)).isTrue();
        assertThat(WalkRunRules.risesTooMuch(1000, 500)).isFalse();
        assertThat(WalkRunRules.risesTooMuch(3, 4)).isTrue();
        assertThat(WalkRunRules.risesTooMuch(10, 11)).isFalse();
    }

    // --- the end: 30 minutes continuous, 12 weeks or more after the start -----------------------

    @Test
    void aPlanEndingAtTwentyNineMinutesIsRefused() {
        // 7¼ min × 4 with no walk: 29 minutes of continuous running
        List<WalkRunWeek> plan = fromWeek(valid(), 1, w -> w.withRunSeconds(435).withRepeats(4));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(Violation.of("walkRun[12]", "validation.walkRun.end.short", "13", 29.0));
        assertThat(english(violations.get(0))).isEqualTo("The plan ends in week 13 with 29 min of continuous running."
                + " Add weeks until the last week reaches 30 minutes of continuous running"
                + " (walk time 0 and run time × repeats of 30 min).");
    }

    @Test
    void aPlanEndingWithWalksBetweenTheRunsIsRefused() {
        List<WalkRunWeek> plan = valid().subList(0, 12);
        List<WalkRunWeek> longer = new ArrayList<>(plan);
        longer.add(plan.get(11).withWeek(13));

        List<Violation> violations = WalkRunRules.check(longer);

        assertThat(violations).containsExactly(Violation.of("walkRun[12]", "validation.walkRun.end.walks", "13", 5.0));
        assertThat(english(violations.get(0))).startsWith("The plan ends in week 13 with runs of 5 min between walks.");
    }

    @Test
    void thirtyMinutesInOneRunCounts() {
        assertThat(WalkRunRules.check(fromWeek(valid(), 13, w -> w.withRunSeconds(1800).withRepeats(1))))
                .extracting(Violation::messageKey).doesNotContain("validation.walkRun.end.short");
        assertThat(WalkRunRules.check(fromWeek(valid(), 1, w -> w.withRunSeconds(1800).withRepeats(1)))).isEmpty();
    }

    // --- §9: 5-second steps, at most twice the longest run, the walks dropped late, 30 minutes at most

    @Test
    void runAndWalkTimesAreMultiplesOfFiveSeconds() {
        List<Violation> violations = WalkRunRules.check(atIndex(atIndex(valid(), 2, w -> w.withRunSeconds(302)), 3,
                w -> w.withRunSeconds(302).withWalkSeconds(33)));

        assertThat(violations).filteredOn(v -> v.messageKey().endsWith(".step")).containsExactly(
                Violation.of("walkRun[2].runSeconds", "validation.walkRun.runSeconds.step", "3", "302", "300", "305"),
                Violation.of("walkRun[3].runSeconds", "validation.walkRun.runSeconds.step", "4", "302", "300", "305"),
                Violation.of("walkRun[3].walkSeconds", "validation.walkRun.walkSeconds.step", "4", "33", "30", "35"));
        assertThat(english(violations.stream().filter(v -> v.messageKey().endsWith(".step")).findFirst()
                .orElseThrow())).isEqualTo("Week 3: a run of 302 s is not a multiple of 5 seconds. Enter 300 or 305 s.");
    }

    @Test
    void noContinuousRunIsLongerThanThirtyMinutes() {
        // 5½ min × 6 joined: 33 minutes in one run
        List<Violation> violations = WalkRunRules.check(fromWeek(valid(), 1, w -> w.withRunSeconds(330)));

        assertThat(violations).containsExactly(Violation.of("walkRun[12]", "validation.walkRun.tooLong", "13", 33.0));
        assertThat(english(violations.get(0))).startsWith("Week 13 has 33 min of continuous running");
    }

    @Test
    void theLongestRunAtMostDoubles() {
        // 5 min × 6 to 15 min × 2 in week 5: three times the longest run (and two changes)
        List<Violation> violations = WalkRunRules.check(fromWeek(valid(), 5, w -> w.withRunSeconds(900).withRepeats(2)));

        assertThat(violations).contains(Violation.of("walkRun[4]", "validation.walkRun.doubles", "5", "15:00", "5:00",
                "4", "10:00"));
        assertThat(english(violations.stream().filter(v -> v.messageKey().endsWith("doubles")).findFirst()
                .orElseThrow())).isEqualTo("Week 5: the longest run, 15:00, is more than twice week 4\u2019s (5:00)."
                + " Make it at most 10:00, or build up over more weeks.");
        assertThat(WalkRunRules.check(fromWeek(valid(), 5, w -> w.withRunSeconds(600).withRepeats(3))))
                .extracting(Violation::messageKey).doesNotContain("validation.walkRun.doubles");
    }

    @ParameterizedTest(name = "run {0} s, walk {1} s")
    @CsvSource({"240, 30", "300, 90", "295, 60"})
    void theWalksAreDroppedOnlyAfterRunsOfFiveMinutesWithWalksOfAMinute(int run, int walk) {
        List<WalkRunWeek> plan = fromWeek(valid(), 1, w -> w.withRunSeconds(run)
                .withWalkSeconds(w.walkSeconds() == 0 ? 0 : walk));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).contains(Violation.of("walkRun[12]", "validation.walkRun.dropTooSoon", "13", "12",
                String.format("%d:%02d", run / 60, run % 60), String.format("%d:%02d", walk / 60, walk % 60)));
        assertThat(WalkRunRules.check(fromWeek(valid(), 1, w -> w.withWalkSeconds(w.walkSeconds() == 0 ? 0 : 60))))
                .isEmpty();
    }

    @Test
    void aRecordFilesPlanIsCheckedAgainstTheRangesOnly() {
        // the old typical plan: 3 min / 30 s × 10, then 30 min joined: broke the drop rule; still imports
        List<WalkRunWeek> old = new ArrayList<>();
        for (int week = 1; week <= 12; week++) {
            old.add(new WalkRunWeek(week, 3, 180, 30, 10));
        }
        old.add(new WalkRunWeek(13, 3, 180, 0, 10));

        assertThat(WalkRunRules.check(old)).isNotEmpty();
        assertThat(WalkRunRules.checkRanges(old)).isEmpty();
        assertThat(WalkRunRules.checkRanges(atIndex(old, 2, w -> w.withRunSeconds(9))))
                .extracting(Violation::messageKey).containsExactly("validation.walkRun.runSeconds.range");
    }

    @Test
    void anElevenWeekPlanIsRefused() {
        // weeks 1 to 12: the last week is only 11 weeks after the first
        List<WalkRunWeek> plan = new ArrayList<>(valid().subList(0, 11));
        plan.add(valid().get(12).withWeek(12));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(Violation.of("walkRun", "validation.walkRun.tooShort", 11, "13"));
        assertThat(english(violations.get(0))).isEqualTo("The plan’s last week is 11 weeks after its first;"
                + " a walk-run plan needs at least 12. Add weeks, for example consolidation weeks that repeat"
                + " the week before, so that it ends at week 13 or later.");
    }

    @Test
    void twelveWeeksAfterTheStartIsEnough() {
        List<WalkRunWeek> plan = valid();

        assertThat(plan.get(plan.size() - 1).week() - plan.get(0).week()).isEqualTo(12);
        assertThat(WalkRunRules.check(plan)).isEmpty();
    }

    @Test
    void aOneWeekPlanBreaksTheLengthRuleOnly() {
        List<WalkRunWeek> plan = List.of(new WalkRunWeek(1, 3, 1800, 0, 1));

        assertThat(keys(WalkRunRules.check(plan))).containsExactly("validation.walkRun.tooShort");
    }

    // --- week numbers ---------------------------------------------------------------------------

    @Test
    void weekNumbersOutOfOrderAreRefused() {
        List<WalkRunWeek> plan = atIndex(atIndex(valid(), 4, w -> w.withWeek(6)), 5, w -> w.withWeek(5));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(
                Violation.of("walkRun[4].week", "validation.walkRun.week.order", "4", "6", "5"),
                Violation.of("walkRun[5].week", "validation.walkRun.week.order", "6", "5", "6"));
        assertThat(english(violations.get(0))).isEqualTo("Week 6 follows week 4. Number the weeks 1, 2, 3… in order"
                + " with none missing or repeated: this one should be week 5.");
    }

    @Test
    void aMissingWeekNumberIsReportedOnce() {
        // weeks 1–4, 6–14: one gap
        List<WalkRunWeek> plan = fromWeek(valid(), 5, w -> w.withWeek(w.week() + 1));

        assertThat(WalkRunRules.check(plan))
                .containsExactly(Violation.of("walkRun[4].week", "validation.walkRun.week.order", "4", "6", "5"));
    }

    @Test
    void aRepeatedWeekNumberIsReportedOnce() {
        // weeks 1, 2, 3, 4, 4, 5 … 13: week 4 twice
        List<WalkRunWeek> plan = new ArrayList<>(valid());
        plan.add(4, valid().get(3));

        assertThat(WalkRunRules.check(plan))
                .containsExactly(Violation.of("walkRun[4].week", "validation.walkRun.week.order", "4", "4", "5"));
    }

    @Test
    void theFirstWeekIsWeekOne() {
        List<WalkRunWeek> plan = fromWeek(valid(), 1, w -> w.withWeek(w.week() + 1));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).containsExactly(Violation.of("walkRun[0].week", "validation.walkRun.week.first", "2"));
        assertThat(english(violations.get(0))).isEqualTo("The plan starts at week 2. Number the first week 1.");
    }

    // --- ranges ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "week, 0", "week, 53",
            "sessionsPerWeek, 0", "sessionsPerWeek, 8",
            "runSeconds, 9", "runSeconds, 3601",
            "walkSeconds, -1", "walkSeconds, 601",
            "repeats, 0", "repeats, 61"})
    void valuesOutOfRangeAreRefusedWithTheirFieldPath(String field, int value) {
        List<WalkRunWeek> plan = atIndex(valid(), 2, w -> set(w, field, value));

        List<Violation> violations = WalkRunRules.check(plan);

        assertThat(violations).filteredOn(v -> v.messageKey().endsWith(".range"))
                .containsExactly(Violation.of("walkRun[2]." + field, "validation.walkRun." + field + ".range",
                        field.equals("week") ? Integer.toString(value) : "3", Integer.toString(value),
                        rangeOf(field).describe()));
        assertThat(english(violations.get(0))).contains(Integer.toString(value)).contains(rangeOf(field).min() + "–"
                + rangeOf(field).max());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "sessionsPerWeek, 1", "sessionsPerWeek, 7",
            "runSeconds, 10", "runSeconds, 3600",
            "walkSeconds, 0", "walkSeconds, 600",
            "repeats, 1", "repeats, 60"})
    void theEdgesOfTheRangesAreAllowed(String field, int value) {
        List<WalkRunWeek> plan = fromWeek(valid(), 1, w -> set(w, field, value));

        assertThat(WalkRunRules.check(plan)).extracting(Violation::messageKey)
                .noneMatch(key -> key.endsWith(".range"));
    }

    @Test
    void aFiftyTwoWeekPlanIsAllowed() {
        List<WalkRunWeek> plan = new ArrayList<>();
        for (int week = 1; week <= 51; week++) {
            plan.add(new WalkRunWeek(week, 3, 300, 30, 6));
        }
        plan.add(new WalkRunWeek(52, 3, 300, 0, 6));

        assertThat(WalkRunRules.check(plan)).isEmpty();
    }

    private static WalkRunWeek set(WalkRunWeek week, String field, int value) {
        return switch (field) {
            case "week" -> week.withWeek(value);
            case "sessionsPerWeek" -> week.withSessionsPerWeek(value);
            case "runSeconds" -> week.withRunSeconds(value);
            case "walkSeconds" -> week.withWalkSeconds(value);
            case "repeats" -> week.withRepeats(value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static IntRange rangeOf(String field) {
        return switch (field) {
            case "week" -> WalkRunWeek.WEEK;
            case "sessionsPerWeek" -> WalkRunWeek.SESSIONS_PER_WEEK;
            case "runSeconds" -> WalkRunWeek.RUN_SECONDS;
            case "walkSeconds" -> WalkRunWeek.WALK_SECONDS;
            case "repeats" -> WalkRunWeek.REPEATS;
            default -> throw new IllegalArgumentException(field);
        };
    }

    // --- no plan ---------------------------------------------------------------------------------

    @Test
    void anEmptyPlanIsRefused() {
        assertThat(WalkRunRules.check(List.of())).containsExactly(Violation.of("walkRun", "validation.walkRun.empty"));
        assertThat(WalkRunRules.check(null)).containsExactly(Violation.of("walkRun", "validation.walkRun.empty"));
    }

    @Test
    void anEmptyRowIsRefused() {
        List<WalkRunWeek> plan = new ArrayList<>(valid());
        plan.set(3, null);

        assertThat(WalkRunRules.check(plan)).extracting(Violation::field, Violation::messageKey)
                .containsExactly(Tuple.tuple("walkRun[3]", "validation.walkRun.missingWeek"));
    }

    // --- the texts ------------------------------------------------------------------------------

    /** One plan for each message: together they use every key. */
    private static List<List<WalkRunWeek>> brokenPlans() {
        List<WalkRunWeek> withNull = new ArrayList<>(valid());
        withNull.set(3, null);
        List<List<WalkRunWeek>> plans = new ArrayList<>(List.of(List.of(), withNull,
                fromWeek(valid(), 5, w -> w.withRunSeconds(360).withRepeats(5).withSessionsPerWeek(2)),
                riseInWeek5(270, 300),
                fromWeek(valid(), 1, w -> w.withRunSeconds(435).withRepeats(4)),
                atIndex(valid(), 2, w -> w.withRunSeconds(302).withWalkSeconds(33)),
                fromWeek(valid(), 1, w -> w.withRunSeconds(330)),
                fromWeek(valid(), 5, w -> w.withRunSeconds(900).withRepeats(2)),
                fromWeek(valid(), 1, w -> w.withRunSeconds(240)),
                valid().subList(0, 12),
                fromWeek(valid(), 1, w -> w.withWeek(w.week() + 1)),
                fromWeek(valid(), 5, w -> w.withWeek(w.week() + 1))));
        for (String field : List.of("week", "sessionsPerWeek", "runSeconds", "walkSeconds", "repeats")) {
            plans.add(atIndex(valid(), 2, w -> set(w, field, -5)));
        }
        for (String[] pair : new String[][] {{"runSeconds", "walkSeconds"}, {"runSeconds", "repeats"},
                {"runSeconds", "sessionsPerWeek"}, {"walkSeconds", "repeats"}, {"walkSeconds", "sessionsPerWeek"},
                {"repeats", "sessionsPerWeek"}}) {
            plans.add(twoChangesInWeek7(pair[0], pair[1]));
        }
        return plans;
    }

    @Test
    void everyKeyTheRulesUseHasAnEnglishTextAndNoOtherIsListed() throws IOException {
        Properties texts = walkRunMessages();
        Set<String> used = new TreeSet<>();
        for (List<WalkRunWeek> plan : brokenPlans()) {
            for (Violation v : WalkRunRules.check(plan)) {
                used.add(v.messageKey());
                String text = english(v);
                assertThat(text).as(v.messageKey()).doesNotContain("{").doesNotContain("validation.");
            }
        }

        assertThat(used).isEqualTo(new TreeSet<>(texts.stringPropertyNames()));
        assertThat(used).allMatch(key -> key.startsWith("validation.walkRun."));
    }

    /** As MessagesTest: an apostrophe that is not doubled is dropped by MessageFormat. */
    @Test
    void noTextLosesAnApostrophe() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        Properties texts = walkRunMessages();

        assertThat(texts.stringPropertyNames()).allSatisfy(key -> assertThat(lone.matcher(texts.getProperty(key)).find())
                .as(key).isFalse());
    }

    @Test
    void everyTextSaysHowToPutItRight() throws IOException {
        Properties texts = walkRunMessages();

        // each text names the problem, then what to do: a second sentence or a clause after a colon
        assertThat(texts.stringPropertyNames()).allSatisfy(key -> assertThat(texts.getProperty(key))
                .as(key).containsAnyOf(": ", ". ", "; ").endsWith("."));
        assertThat(Arrays.asList(texts.getProperty("validation.walkRun.twoChanges.runSeconds.repeats")
                .split(": "))).hasSize(2);
    }

    /** The message as a clinician reads it in English, from the file the lead engineer merges. */
    static String english(Violation violation) {
        try {
            String pattern = walkRunMessages().getProperty(violation.messageKey());
            assertThat(pattern).as(violation.messageKey()).isNotNull();
            return new MessageFormat(pattern, Locale.UK).format(violation.arguments().toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties walkRunMessages() throws IOException {
        Properties texts = new Properties();
        Properties all = new Properties();
        try (InputStream in = WalkRunRulesTest.class.getResourceAsStream("/app/rebound/messages.properties")) {
            assertThat(in).as("app/rebound/messages.properties").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                all.load(reader);
            }
        }
        all.stringPropertyNames().stream().filter(k -> k.startsWith("validation.walkRun."))
                .forEach(k -> texts.setProperty(k, all.getProperty(k)));
        return texts;
    }
}
