package app.rebound.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import app.rebound.TestKeys;
import app.rebound.domain.Patient;
import app.rebound.domain.programme.Dose;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.ExerciseKind;
import app.rebound.domain.programme.ExercisePhoto;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeItem;
import app.rebound.domain.programme.Reasons;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.InvalidRecordException;
import app.rebound.service.Services;

/**
 * A valid exported record file, damaged at random (bytes deleted, inserted, flipped, swapped, cut
 * short; a value replaced by another type, an out-of-range number, an unknown word or null; a field
 * repeated), is either imported or refused with InvalidRecordException, never any other exception;
 * and a refused file leaves the database exactly as it was: never half a file.
 */
class RecordImportFuzzProperties {

    private static final int TRIES = 200;

    /** The valid file, and a closed database holding a known patient plus the file's first patient. */
    private record Fixture(byte[] file, Path template, UUID knownPatient, UUID knownVisit) {
    }

    private static Fixture fixture;

    private Path folder;
    private Services services;

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = build();
        }
        return fixture;
    }

    private static Fixture build() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path work = Files.createTempDirectory(target, "rebound-fuzz-source");
            Path template = Files.createTempDirectory(target, "rebound-fuzz-template");
            Path file = work.resolve("valid.json");
            Path first = work.resolve("first.json");
            try (Services source = TestKeys.services(work.resolve("db"), VisitFixture.CLOCK, Locale.UK)) {
                Patient zoe = VisitFixture.seed(source, "Zoë", "Ødegård", 5, 7);
                VisitFixture.seed(source, "小龙", "李", 3, 11);
                Patient ana = VisitFixture.seed(source, "Ana-María", "O'Neil", 2, 5);
                source.visits().save(VisitFixture.full(ana.id(), LocalDate.of(2026, 11, 1)));
                source.visits().save(VisitFixture.nearlyEmpty(ana.id(), LocalDate.of(2026, 11, 2)));
                Exercise wallSit = new Exercise("wall-sit-ball", "Wall sit with a ball", Stage.BUILD,
                        ExerciseKind.GENERAL, "Strong thighs for downhill running.",
                        List.of("Lean on a wall.", "Slide down to a chair height."),
                        List.of("Breathe out as you slide down."), new Dose(3, 1, 30, 1, 3), null, null, null);
                source.exercises().saveClinicExercise(wallSit, true);
                source.exercises().setPhoto("wall-sit-ball", ExercisePhoto.of(png()));
                List<Visit> visits = source.visits().visitsOf(zoe.id());
                UUID last = visits.get(visits.size() - 1).id();
                Programme suggested = source.programmes().open(last).programme();
                List<ProgrammeItem> items = new ArrayList<>(suggested.exercises());
                items.add(new ProgrammeItem("wall-sit-ball", new Dose(2, 8, 20, 1, 3), "Slowly, Zoë",
                        List.of(Reasons.CLINICIAN)));
                source.programmes().save(last, new Programme(suggested.stage(), suggested.suggestedStage(), items,
                        suggested.walkRun(), 4));
                source.records().export(List.of(), file);
                source.records().export(List.of(zoe.id()), first);
            }
            UUID knownPatient;
            UUID knownVisit;
            try (Services db = TestKeys.services(template, VisitFixture.CLOCK, Locale.UK)) {
                Patient known = VisitFixture.seed(db, "Kari", "Nordmann", 3, 21);
                knownPatient = known.id();
                knownVisit = db.visits().visitsOf(known.id()).get(0).id();
                db.records().importFile(first);
            }
            byte[] bytes = Files.readAllBytes(file);
            delete(work);
            return new Fixture(bytes, template, knownPatient, knownVisit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny PNG photo for a clinic exercise. */
    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @BeforeProperty
    void open() throws IOException {
        fresh();
    }

    @AfterProperty
    void close() throws IOException {
        if (services != null) {
            services.close();
            services = null;
        }
        if (folder != null) {
            delete(folder);
            folder = null;
        }
    }

    @AfterContainer
    static void removeTemplate() throws IOException {
        if (fixture != null) {
            delete(fixture.template());
            fixture = null;
        }
    }

    /** A copy of the template database, open. */
    private void fresh() throws IOException {
        close();
        Path template = fixture().template();
        folder = Files.createTempDirectory(Path.of("target"), "rebound-fuzz-try");
        try (Stream<Path> files = Files.list(template)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        services = TestKeys.services(folder, VisitFixture.CLOCK, Locale.UK);
    }

    // --- the property ---------------------------------------------------------------------------

    @Property(tries = TRIES)
    void aDamagedFileIsImportedOrRefusedAndARefusalWritesNothing(@ForAll("damagedFiles") Damaged damaged)
            throws IOException {
        byte[] file = damaged.bytes();
        String content = content();
        String tables = tables();

        Throwable thrown = catchThrowable(() -> services.records().importBytes(file));

        if (thrown == null) {
            fresh(); // it was imported: the next try starts from the known database again
            return;
        }
        assertThat(thrown).as("only InvalidRecordException, for %s", damaged).isInstanceOf(InvalidRecordException.class);
        assertThat(((InvalidRecordException) thrown).errors()).as("%s", damaged).isNotEmpty();
        assertThat(content()).as("exported content unchanged after refusing %s", damaged).isEqualTo(content);
        assertThat(tables()).as("every table unchanged after refusing %s", damaged).isEqualTo(tables);
    }

    // --- damage ---------------------------------------------------------------------------------

    /** The valid file with these mutations applied in order. */
    record Damaged(List<Mutation> mutations) {

        byte[] bytes() {
            byte[] bytes = fixture().file();
            for (Mutation m : mutations) {
                bytes = m.apply(bytes);
            }
            return bytes;
        }

        @Override
        public String toString() {
            return mutations.toString();
        }
    }

    interface Mutation {
        byte[] apply(byte[] in);
    }

    private static int at(int position, int length) {
        return length == 0 ? 0 : Math.floorMod(position, length + 1);
    }

    record DeleteRange(int position, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            int from = at(position, in.length);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
        }
    }

    record Insert(int position, byte[] bytes) implements Mutation {
        public byte[] apply(byte[] in) {
            int p = at(position, in.length);
            return concat(Arrays.copyOfRange(in, 0, p), bytes, Arrays.copyOfRange(in, p, in.length));
        }

        @Override
        public String toString() {
            return "Insert[position=" + position + ", bytes=" + HexFormat.of().formatHex(bytes) + " \""
                    + new String(bytes, StandardCharsets.ISO_8859_1) + "\"]";
        }
    }

    record Flip(int position, int count, int mask) implements Mutation {
        public byte[] apply(byte[] in) {
            byte[] out = in.clone();
            if (out.length == 0) {
                return out;
            }
            int p = Math.floorMod(position, out.length);
            for (int i = p; i < Math.min(out.length, p + count); i++) {
                out[i] = (byte) (out[i] ^ mask);
            }
            return out;
        }
    }

    record Truncate(int position) implements Mutation {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, at(position, in.length));
        }
    }

    record Swap(int first, int second, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length < 2 * length) {
                return in;
            }
            int a = Math.floorMod(first, in.length - 2 * length + 1);
            int b = a + length + Math.floorMod(second, in.length - a - 2 * length + 1);
            byte[] out = in.clone();
            System.arraycopy(in, b, out, a, length);
            System.arraycopy(in, a, out, b, length);
            return out;
        }
    }

    /** A "field": scalar pair of the file, found in its text (bytes kept one to one as ISO-8859-1). */
    private static final Pattern FIELD = Pattern.compile(
            "\"([A-Za-z_]+)\": (\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[0-9][0-9.eE+-]*+|true|false|null)");

    private static Matcher field(String text, int which) {
        Matcher m = FIELD.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return null;
        }
        int target = Math.floorMod(which, count);
        m.reset();
        for (int i = 0; i <= target; i++) {
            m.find();
        }
        return m;
    }

    /** A JSON value, shown by a short label in reports. */
    record Value(String label, String json) {
        static Value of(String json) {
            return new Value(json, json);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    record ReplaceValue(int which, Value value) implements Mutation {
        public byte[] apply(byte[] in) {
            String json = value.json();
            String text = new String(in, StandardCharsets.ISO_8859_1);
            Matcher m = field(text, which);
            if (m == null) {
                return in;
            }
            String raw = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            return (text.substring(0, m.start(2)) + raw + text.substring(m.end(2))).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    record DuplicateField(int which) implements Mutation {
        public byte[] apply(byte[] in) {
            String text = new String(in, StandardCharsets.ISO_8859_1);
            Matcher m = field(text, which);
            if (m == null) {
                return in;
            }
            return (text.substring(0, m.end()) + ", " + m.group() + text.substring(m.end()))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<Damaged> damagedFiles() {
        Fixture f = fixture();
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<byte[]> someBytes = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
                Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "\\", "0", "-", "e", "1e400", "null", "true",
                        "\"x\": 1", ", \"kind\": \"INITIAL\"", "\u00EB", "\uFEFF")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Value> wrongType = values("true", "false", "\"x\"", "[]", "{}", "[null]", "{\"a\": 1}");
        Arbitrary<Value> badNumber = values("-1", "7", "201", "3.0", "2.555", "-0", "1e400", "-1e400", "1e-400",
                "1e2147483648", "-1e-2147483649", "99999999999999999999999");
        Arbitrary<Value> oddText = Arbitraries.of(Value.of("\"FOLLOWUP\""), Value.of("\"\""), Value.of("\" \""),
                Value.of("\"Zoe\u0308\""), new Value("\"(20,001 × y)\"", "\"" + "y".repeat(20_001) + "\""));
        Arbitrary<Value> dates = values("\"2026-11-23\"", "\"2026-02-30\"", "\"1800-01-01\"",
                "\"2026-11-21T12:15:00+02:00\"", "\"2027-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"");
        Arbitrary<Value> ids = values("\"" + f.knownPatient() + "\"", "\"" + f.knownVisit() + "\"",
                "\"" + UUID.randomUUID() + "\"", "\"wall-sit-ball\"", "\"pf-find\"", "\"no-such-exercise\"",
                "\"image/gif\"", "\"!!notbase64\"");
        Arbitrary<Value> values = Arbitraries.frequencyOf(Tuple.of(2, wrongType), Tuple.of(3, badNumber),
                Tuple.of(2, oddText), Tuple.of(1, Arbitraries.just(Value.of("null"))), Tuple.of(1, dates),
                Tuple.of(1, ids));
        Arbitrary<Mutation> mutation = Arbitraries.frequencyOf(
                Tuple.of(1, Combinators.combine(position, Arbitraries.integers().between(1, 200))
                        .as(DeleteRange::new)),
                Tuple.of(1, Combinators.combine(position, someBytes).as(Insert::new)),
                Tuple.of(1, Combinators.combine(position, Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 255)).as(Flip::new)),
                Tuple.of(1, position.map(Truncate::new)),
                Tuple.of(1, Combinators.combine(position, position, Arbitraries.integers().between(1, 120))
                        .as(Swap::new)),
                Tuple.of(5, Combinators.combine(position, values).as(ReplaceValue::new)),
                Tuple.of(2, position.map(DuplicateField::new)));
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(Damaged::new);
    }

    private static Arbitrary<Value> values(String... json) {
        return Arbitraries.of(Stream.of(json).map(Value::of).toList());
    }

    // --- what the database holds ----------------------------------------------------------------

    /** All patients as export writes them, without the "exported" line. */
    private String content() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordWriter.write(services.records().snapshot(List.of()), out);
        return out.toString(StandardCharsets.UTF_8).replaceFirst("\n *\"exported\": \"[^\"]*\",", "");
    }

    /** Every row of every table, sorted. */
    private String tables() {
        var dsl = services.database().dsl();
        List<String> names = dsl.fetch("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME").getValues(0, String.class);
        StringBuilder dump = new StringBuilder();
        for (String name : names) {
            List<String> rows = new ArrayList<>();
            for (var record : dsl.fetch("SELECT * FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                StringBuilder row = new StringBuilder();
                for (Object value : record.intoArray()) {
                    row.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value))
                            .append('|');
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            dump.append(name).append(' ').append(rows.size()).append('\n');
            rows.forEach(r -> dump.append(r).append('\n'));
        }
        return dump.toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
