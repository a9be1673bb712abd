package app.rebound.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.rebound.domain.PatientPage;
import app.rebound.domain.visit.Visit;
import app.rebound.service.Services;
import app.rebound.service.VisitService;

/**
 * Measures a generated clinic in a JVM of its own: search as you type (first page), opening a patient
 * with 60 visits, saving a visit (durably, as the form does). {@code ClinicBenchmark FOLDER|SERVER_URL} prints
 * "RESULT name ms" lines for the suite. Changes nothing it does not undo: the draft it saves is deleted.
 */
public final class ClinicBenchmark {

    /** Prefixes as a clinician types them: Latin, accented, Greek, Cyrillic, Hangul, Han, apostrophes. */
    static final List<String> QUERIES = List.of("an", "zo", "ива", "김", "o'n", "a", "m", "mu", "mur", "murp",
            "pri", "sha", "ha", "han", "øde", "ode", "σο", "παπ", "ан", "ив", "王", "민", "芳", "fa", "fat", "ing",
            "oka", "wój", "woj", "łu", "lu", "aoi", "am", "ama", "had", "so", "zoë o", "anna i", "priya sh", "9");

    private static final int ROUNDS_WARM = 5;
    private static final int SEARCHES = 400;
    private static final int OPENS = 100;
    private static final int SAVES_FIRST = 100;
    private static final int SAVES_WARM = 1500;
    private static final int SAVES = 200;

    private ClinicBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        // a data folder, or a server's address (signed in with REBOUND_USER and REBOUND_PASSWORD)
        String folder = args[0];
        boolean patientsToo = args.length < 2 || !args[1].equals("search-only");
        try (Services services = folder.startsWith("postgresql://") ? BenchClinic.onServer(folder)
                : BenchClinic.open(Path.of(folder))) {
            services.warmUp();
            search(services);
            if (patientsToo) {
                List<UUID> longOnes = longHistories(services);
                if (longOnes.isEmpty()) {
                    System.out.println("no patient with 60 visits in " + folder);
                } else {
                    open(services, longOnes);
                    save(services, longOnes.get(0));
                }
            }
        }
    }

    private static void search(Services services) {
        for (int round = 0; round < ROUNDS_WARM; round++) {
            for (String query : QUERIES) {
                services.patients().search(query, false);
            }
        }
        List<Double> times = new ArrayList<>();
        Map<String, List<Double>> byQuery = new LinkedHashMap<>();
        Map<String, Integer> rows = new HashMap<>();
        long found = 0;
        for (int i = 0; i < SEARCHES; i++) {
            String query = QUERIES.get(i % QUERIES.size());
            long start = System.nanoTime();
            PatientPage page = services.patients().search(query, false);
            double ms = (System.nanoTime() - start) / 1e6;
            times.add(ms);
            byQuery.computeIfAbsent(query, q -> new ArrayList<>()).add(ms);
            rows.put(query, page.patients().size());
            found += page.patients().size();
        }
        // the slowest prefixes, for the report: "QUERY ms rows prefix"
        byQuery.entrySet().stream()
                .sorted((a, b) -> Double.compare(Stats.median(b.getValue()), Stats.median(a.getValue())))
                .limit(5)
                .forEach(e -> System.out.printf(Locale.ROOT, "QUERY %.1f %d %s%n", Stats.median(e.getValue()),
                        rows.get(e.getKey()), e.getKey()));
        result("search.median", Stats.median(times));
        result("search.p90", Stats.percentile(times, 90));
        result("search.max", Stats.percentile(times, 100));
        result("search.rows", (double) found / SEARCHES);
    }

    /** The patients with at least 60 visits (bench set-up, not timed; plain SQL through the store's connection). */
    private static List<UUID> longHistories(Services services) {
        List<UUID> ids = new ArrayList<>();
        services.database().dsl().fetch("SELECT patient_id FROM visit GROUP BY patient_id HAVING COUNT(*) >= 60"
                + " FETCH FIRST 10 ROWS ONLY").forEach(row -> ids.add((UUID) row.get(0)));
        return ids;
    }

    private static void open(Services services, List<UUID> patients) {
        VisitService visits = services.visits();
        for (int i = 0; i < 30; i++) {
            visits.workspace(patients.get(i % patients.size()));
            visits.visitsOf(patients.get(i % patients.size()));
        }
        List<Double> workspace = new ArrayList<>();
        List<Double> allVisits = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < OPENS; i++) {
            UUID id = patients.get(i % patients.size());
            long start = System.nanoTime();
            shown = visits.workspace(id).visits().size();
            workspace.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            visits.visitsOf(id);
            allVisits.add((System.nanoTime() - start) / 1e6);
        }
        result("open.median", Stats.median(workspace));
        result("open.visits", shown);
        result("visits.median", Stats.median(allVisits));
    }

    private static void save(Services services, UUID patientId) {
        VisitService visits = services.visits();
        Visit draft = visits.start(patientId, true);
        try {
            // the process's first saves run while the JIT compiles the save path (and competes with it
            // for the cores): reported apart; the figure is the steady state, after a warm-up as JMH's
            List<Double> first = new ArrayList<>();
            for (int i = 0; i < SAVES_FIRST; i++) {
                draft = timedSave(visits, draft, "First words: " + i, first);
            }
            for (int i = 0; i < SAVES_WARM; i++) {
                draft = visits.save(withNotes(draft, "Warming up: " + i)).visit();
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < SAVES; i++) {
                draft = timedSave(visits, draft, "Typed a little more: " + i, times);
            }
            result("save.first.median", Stats.median(first));
            result("save.median", Stats.median(times));
            result("save.p90", Stats.percentile(times, 90));
        } finally {
            visits.deleteDraft(draft.id());
        }
    }

    private static Visit timedSave(VisitService visits, Visit draft, String notes, List<Double> times) {
        Visit typed = withNotes(draft, notes);
        long start = System.nanoTime();
        Visit saved = visits.save(typed).visit();
        times.add((System.nanoTime() - start) / 1e6);
        return saved;
    }

    private static Visit withNotes(Visit v, String notes) {
        return new Visit(v.id(), v.patientId(), v.updated(), v.date(), v.status(), v.clinician(), v.kind(),
                v.history(), v.symptoms(), v.redFlags(), v.pelvicFloor(), v.abdominalWall(), v.strength(),
                v.loadImpact(), v.outcomes(), v.stage(), notes, v.extensions());
    }

    private static void result(String name, double value) {
        System.out.printf(Locale.ROOT, "RESULT %s %.3f%n", name, value);
    }
}
