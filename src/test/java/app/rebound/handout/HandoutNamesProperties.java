package app.rebound.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import app.rebound.domain.PaperSize;
import app.rebound.domain.visit.Stage;

/** Random names in the supported scripts and long notes always print, and read back as they went in. */
class HandoutNamesProperties {

    private final HandoutRenderer renderer = new HandoutRenderer();

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').withChars("åäöøæłśźżçéèêëíñóúüßğış")
                .ofMinLength(2).ofMaxLength(12);
        Arbitrary<String> greek = Arbitraries.strings().withCharRange('α', 'ω').withChars("άέήίόύώ").ofMinLength(2)
                .ofMaxLength(10);
        Arbitrary<String> cyrillic = Arbitraries.strings().withCharRange('а', 'я').withChars("ёйїєі").ofMinLength(2)
                .ofMaxLength(10);
        Arbitrary<String> chinese = Arbitraries.of("李", "王", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "小", "龙",
                "美", "玲", "华", "丽", "芳", "静", "敏", "燕").list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
        Arbitrary<String> japanese = Arbitraries.of("山田", "花子", "さくら", "ゆき", "佐藤", "鈴木", "アヤ", "ナナ")
                .list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l));
        Arbitrary<String> korean = Arbitraries.strings().withCharRange('가', '힣').ofMinLength(2).ofMaxLength(3);
        Arbitrary<String> word = Arbitraries.oneOf(latin.map(HandoutNamesProperties::capitalise),
                greek.map(HandoutNamesProperties::capitalise), cyrillic.map(HandoutNamesProperties::capitalise),
                chinese, japanese, korean);
        return Combinators.combine(word, word).as((a, b) -> a + " " + b);
    }

    private static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    @Property(tries = 25)
    void namesAndLongNotesReadBackExactly(@ForAll("names") String name, @ForAll("names") String word)
            throws IOException {
        Handout base = HandoutSamples.forStage(Stage.LOW_LOAD, name, PaperSize.A4);
        String notes = (word + " ").repeat(60).strip();
        List<Handout.Item> items = new ArrayList<>(base.exercises());
        items.set(0, new Handout.Item(items.get(0).exercise(), items.get(0).dose(), notes));
        Handout handout = new Handout(base.clinicName(), null, base.clinicianName(), base.paper(), name, base.date(),
                base.stage(), items, base.walkRun(), base.reviewInWeeks());

        // page footers ("name · page 2 of 3 · made with Rebound") come between a note that runs over a page
        String text = Normalizer.normalize(HandoutRendererTest.text(renderer.render(handout)), Normalizer.Form.NFC)
                .replaceAll("(?m)^.* · page \\d+ of \\d+ · made with Rebound\\R", "");

        assertThat(text).doesNotContain("\uFFFD");
        assertThat(text).contains(Normalizer.normalize(name, Normalizer.Form.NFC) + " · ");
        assertThat(text.replaceAll("\\s+", " ")).contains(Normalizer.normalize(notes, Normalizer.Form.NFC));
    }
}
