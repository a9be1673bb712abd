package app.rebound.store;

import static app.rebound.domain.PatientFixture.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.TestKeys;
import app.rebound.domain.NameFolding;
import app.rebound.domain.Patient;
import app.rebound.domain.PatientPage;
import app.rebound.domain.PatientSummary;

/**
 * Search pages walked in name order through patient_name_prefix (V8): the page stops at the limit and
 * says there are more, archived patients neither show nor count, every term must match whichever is
 * walked, long terms, renames, imports and databases from before V8.
 */
class PatientSearchPagingTest {

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
        if (database != null) {
            database.close();
        }
    }

    private Patient saved(Patient patient) {
        store.save(patient);
        return patient;
    }

    private PatientPage page(String query, boolean includeArchived, int limit) {
        return store.search(NameFolding.queryTerms(query), includeArchived, limit, TODAY);
    }

    private static List<String> names(PatientPage page) {
        return page.patients().stream().map(PatientSummary::listName).toList();
    }

    @Test
    void aTermPageStopsAtTheLimitInNameOrderAndSaysThereIsMore() {
        for (String family : List.of("Dd", "Bb", "Ee", "Aa", "Cc")) {
            saved(patient("Anna", family).build());
        }
        saved(patient("Bea", "Ab").build());

        PatientPage first = page("an", false, 3);
        assertThat(names(first)).containsExactly("Aa, Anna", "Bb, Anna", "Cc, Anna");
        assertThat(first.more()).isTrue();

        PatientPage all = page("an", false, 5);
        assertThat(names(all)).containsExactly("Aa, Anna", "Bb, Anna", "Cc, Anna", "Dd, Anna", "Ee, Anna");
        assertThat(all.more()).isFalse();
    }

    /** Every page after the first, followed to the end, gives each match exactly once, in name order. */
    private List<String> allPages(String query, boolean includeArchived, int limit) {
        List<String> seen = new ArrayList<>();
        PatientPage page = page(query, includeArchived, limit);
        seen.addAll(names(page));
        while (page.more()) {
            assertThat(page.patients()).hasSize(limit);
            page = store.search(NameFolding.queryTerms(query), includeArchived, limit, TODAY, page.next());
            seen.addAll(names(page));
        }
        assertThat(page.next()).isNull();
        return seen;
    }

    @Test
    void theNextPagesContinueWhereEachEndsWithNoneMissedOrRepeated() {
        // three patients share one sort key: the id breaks the tie, and a page may end between them
        for (String family : List.of("Dd", "Bb", "Ee", "Aa", "Cc", "Aa", "Aa", "Ødegård", "O'Neil", "李")) {
            saved(patient("Anna", family).build());
        }
        saved(patient("Zoë", "Anand").build());
        saved(patient("Anna", "Ff").archived(true).build());
        List<String> everyone = names(page("", false, 100));
        List<String> annas = names(page("an", false, 100));
        List<String> both = names(page("an aa", false, 100));
        assertThat(annas).hasSize(11);
        assertThat(both).containsExactly("Aa, Anna", "Aa, Anna", "Aa, Anna");
        for (int limit = 1; limit <= 4; limit++) {
            assertThat(allPages("", false, limit)).as("everyone, pages of %d", limit).isEqualTo(everyone);
            assertThat(allPages("an", false, limit)).as("an, pages of %d", limit).isEqualTo(annas);
            assertThat(allPages("an aa", false, limit)).as("an aa, pages of %d", limit).isEqualTo(both);
            assertThat(allPages("", true, limit)).as("archived too, pages of %d", limit)
                    .isEqualTo(names(page("", true, 100)));
        }
    }

    @Test
    void archivedPatientsNeitherShowNorCountTowardsMoreUnlessAsked() {
        saved(patient("Anna", "Aa").archived(true).build());
        saved(patient("Anna", "Bb").build());
        saved(patient("Anna", "Cc").build());
        saved(patient("Anna", "Dd").archived(true).build());

        PatientPage hidden = page("anna", false, 2);
        assertThat(names(hidden)).containsExactly("Bb, Anna", "Cc, Anna");
        assertThat(hidden.more()).isFalse();

        PatientPage shown = page("anna", true, 2);
        assertThat(names(shown)).containsExactly("Aa, Anna", "Bb, Anna");
        assertThat(shown.more()).isTrue();
        assertThat(names(page("", true, 10))).containsExactly("Aa, Anna", "Bb, Anna", "Cc, Anna", "Dd, Anna");
    }

    @Test
    void everyTermMustMatchWhicheverIsWalked() {
        saved(patient("Anna", "Smithson").build());
        saved(patient("Annabel", "Smith").build());
        saved(patient("Priya", "Sharma").build());
        saved(patient("Priya", "Anand").build());

        assertThat(names(page("smiths an", false, 10))).containsExactly("Smithson, Anna");
        assertThat(names(page("an smiths", false, 10))).containsExactly("Smithson, Anna");
        assertThat(names(page("annab s", false, 10))).containsExactly("Smith, Annabel");
        assertThat(names(page("priya sh", false, 10))).containsExactly("Sharma, Priya");
        assertThat(names(page("a p", false, 10))).containsExactly("Anand, Priya");
        assertThat(names(page("p", false, 10))).containsExactly("Anand, Priya", "Sharma, Priya");
        assertThat(names(page("priya x", false, 10))).isEmpty();
    }

    @Test
    void termsLongerThanTheKeptPrefixesStillMatchOnlyWholeStarts() {
        saved(patient("Anna", "Wolfeschlegelsteinhausenbergerdorff").build());
        saved(patient("Bea", "Wolfeschlegelsteinhausenbergerdorfer").build());
        saved(patient("Cleo", "Wolfeschlegelsteinhausen").build());

        assertThat(names(page("wolfeschlegelsteinhausenbergerdorff", false, 10)))
                .containsExactly("Wolfeschlegelsteinhausenbergerdorff, Anna");
        assertThat(names(page("wolfeschlegelsteinhausenbergerdorf", false, 10))).containsExactly(
                "Wolfeschlegelsteinhausenbergerdorfer, Bea",
                "Wolfeschlegelsteinhausenbergerdorff, Anna");
        assertThat(names(page("wolfeschlegelsteinhausenx", false, 10))).isEmpty();
        assertThat(names(page("wolfeschlegelsteinhausen", false, 10))).hasSize(3);
        assertThat(names(page("anna wolfeschlegelsteinhausenbergerdorff", false, 10)))
                .containsExactly("Wolfeschlegelsteinhausenbergerdorff, Anna");
        assertThat(names(page("bea wolfeschlegelsteinhausenbergerdorff", false, 10))).isEmpty();
    }

    @Test
    void supplementaryCharactersAreNeverCutInHalf() {
        String family = "𠀀".repeat(12);
        saved(patient("Anna", family).build());

        assertThat(names(page("𠀀", false, 10))).hasSize(1);
        assertThat(names(page("𠀀".repeat(8), false, 10))).hasSize(1);
        assertThat(names(page("𠀀".repeat(9), false, 10))).hasSize(1);
        assertThat(names(page("𠀀".repeat(12), false, 10))).hasSize(1);
        assertThat(names(page("𠀀".repeat(13), false, 10))).isEmpty();
    }

    @Test
    void renamingMovesHerToHerNewPlaceAndName() {
        saved(patient("Anna", "Bb").build());
        Patient moved = saved(patient("Anna", "Aa").build());
        saved(patient("Anna", "Cc").build());

        store.save(patient("Anna", "Dd").id(moved.id()).build());

        assertThat(names(page("anna", false, 10))).containsExactly("Bb, Anna", "Cc, Anna", "Dd, Anna");
        assertThat(names(page("aa", false, 10))).isEmpty();
        assertThat(names(page("dd", false, 10))).containsExactly("Dd, Anna");
    }

    @Test
    void importedPatientsAreFoundLikeSavedOnes() {
        List<RecordStore.PatientWrite> writes = List.of(
                new RecordStore.PatientWrite(patient("Zoë", "Ødegård").build(), false),
                new RecordStore.PatientWrite(patient("Ana-María", "O'Neil").build(), false));
        new RecordStore(database).apply(new RecordStore.Change(writes, List.of(), List.of(), Map.of()));

        assertThat(names(page("zo ode", false, 10))).containsExactly("Ødegård, Zoë");
        assertThat(names(page("o", false, 10))).containsExactly("O'Neil, Ana-María", "Ødegård, Zoë");
        assertThat(names(page("anamaria", false, 10))).containsExactly("O'Neil, Ana-María");
    }

    @Test
    void patientsSavedBeforeVersion8AreFoundAfterTheUpgrade() throws Exception {
        database.close();
        database = null;
        Path old = folder.resolve("old");
        String url = "jdbc:h2:file:" + old.resolve(Database.FILE_NAME).toAbsolutePath()
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0";
        String password = new String(TestKeys.KEY.filePassword()) + " ";
        // H2's own data source: Flyway's would trim the trailing space of "file password <space> user password"
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("rebound");
        source.setPassword(password);
        Flyway.configure().dataSource(source).locations("classpath:db/migration", "classpath:db/h2").target("6")
                .load().migrate();
        UUID zoe = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, "rebound", password);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, updated, given_name, family_name, sort_key) VALUES ('" + zoe
                    + "', CURRENT_TIMESTAMP, 'Zoë', 'Ødegård', 'odegard zoe'), ('" + anna
                    + "', CURRENT_TIMESTAMP, 'Anna', 'Smith', 'smith anna')");
            statement.execute("INSERT INTO patient_name_word (word, patient_id) VALUES ('zoe', '" + zoe
                    + "'), ('odegard', '" + zoe + "'), ('anna', '" + anna + "'), ('smith', '" + anna + "')");
        }

        try (Database upgraded = Database.open(old, TestKeys.KEY)) {
            PatientStore upgradedStore = new PatientStore(upgraded);
            assertThat(names(upgradedStore.search(List.of("o"), false, 10, TODAY))).containsExactly("Ødegård, Zoë");
            assertThat(names(upgradedStore.search(List.of("sm", "anna"), false, 10, TODAY)))
                    .containsExactly("Smith, Anna");
            assertThat(names(upgradedStore.search(List.of(), false, 10, TODAY)))
                    .containsExactly("Ødegård, Zoë", "Smith, Anna");
        }
    }
}
