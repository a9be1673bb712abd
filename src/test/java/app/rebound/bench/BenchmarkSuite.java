package app.rebound.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.rebound.handout.HandoutBenchmark;
import app.rebound.server.TestPostgres;
import app.rebound.ui.progress.ProgressChartsBenchmark;

/**
 * The benchmark suite behind {@code mvn -B -Pbench verify}: runs every benchmark (each in a fresh JVM
 * where start-up or memory matters), prints a table and writes docs/performance.md. Figures are
 * medians of repeated runs. Not a test: nothing here fails the build; a missed target is reported.
 * <p>
 * {@code BenchmarkSuite [parts]} with parts a comma list of startup, handout, charts, clinic, memory,
 * import, rotation, installed, server (default: all; only a run of all parts writes docs/performance.md).
 * The server part starts a PostgreSQL of its own (the tests' fixture, Debian's PostgreSQL) and measures
 * the generated 100,000-patient clinic moved onto it. The installed
 * part measures the launcher of the installed package ({@code -Dbench.launcher=PATH}, default
 * /opt/rebound-clinic/bin/Rebound, else /opt/rebound/bin/Rebound). The project folder is
 * the working folder or {@code -Dbench.project}; target/rebound.jar must be built.
 */
public final class BenchmarkSuite {

    static final List<String> PARTS = List.of("startup", "handout", "charts", "clinic", "memory", "import",
            "rotation", "installed", "server");

    private static final int STARTUP_RUNS = 7;
    private static final int HANDOUT_COMMAND_RUNS = 5;
    private static final int MEMORY_RUNS = 3;
    private static final int IMPORT_RUNS = 3;
    /** Rounds of the installed launcher and its baselines, taking turns (at least 10: these machines drift). */
    private static final int INSTALLED_PAIRS = 10;
    /** Where the .deb installs the launcher, and where builds named rebound (before 1.0) put it. */
    private static final List<Path> LAUNCHERS = List.of(Path.of("/opt/rebound-clinic/bin/Rebound"),
            Path.of("/opt/rebound/bin/Rebound"));
    private static final int CLINIC_PATIENTS = 100_000;
    private static final int SMALL_CLINIC_PATIENTS = 1_000;
    private static final double AVERAGE_VISITS = 5;
    private static final String MARKER = "bench-clinic.properties";
    static final String GENERATED = "<!-- Everything below is written by app.rebound.bench.BenchmarkSuite; edit the intro above. -->";

    private final Path project;
    private final Path target;
    private final Path jar;
    private final Path work;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Display display;
    private List<String> samplePatients;
    private Path samplesFolder;

    private BenchmarkSuite(Path project) {
        this.project = project;
        this.target = project.resolve("target");
        this.jar = target.resolve("rebound.jar");
        this.work = target.resolve("bench");
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path project = Path.of(System.getProperty("bench.project", "")).toAbsolutePath();
        Set<String> parts = new LinkedHashSet<>(args.length == 0 ? PARTS : List.of(args[0].split(",")));
        BenchmarkSuite suite = new BenchmarkSuite(project);
        long start = System.nanoTime();
        suite.run(parts);
        // the order (1 start-up ... 5 import), then the rest; stable within a group
        suite.figures.sort(Comparator.comparing(Figure::group));
        String table = suite.table();
        System.out.println();
        System.out.println(table);
        double minutes = (System.nanoTime() - start) / 60e9;
        System.out.printf(Locale.ROOT, "suite: %.1f min%n", minutes);
        if (parts.containsAll(PARTS) || Boolean.getBoolean("bench.write")) {
            Path doc = project.resolve("docs/performance.md");
            suite.write(doc, table, minutes);
            System.out.println("wrote " + doc);
        }
    }

    private void run(Set<String> parts) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package first (mvn -B -Pbench verify does)");
        }
        Files.createDirectories(work);
        Machine.noteStart();
        try {
            display = Display.open();
        } catch (IOException e) {
            System.out.println("no display: " + e.getMessage());
        }
        try {
            for (String part : parts) {
                System.out.println("== " + part);
                try {
                    switch (part) {
                        case "startup" -> startup();
                        case "handout" -> handout();
                        case "charts" -> charts();
                        case "clinic" -> clinic();
                        case "memory" -> memory();
                        case "import" -> importFile();
                        case "rotation" -> rotation();
                        case "installed" -> installed();
                        case "server" -> server();
                        default -> throw new IllegalArgumentException("no part " + part + "; parts: " + PARTS);
                    }
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (RuntimeException | IOException e) {
                    System.out.println(part + " failed: " + e.getMessage());
                    figures.add(Figure.notMeasured(part, part, "", "failed: " + firstLine(e.getMessage())));
                }
            }
        } finally {
            if (display != null) {
                display.close();
            }
        }
    }

    // ---- 1. start-up

    private void startup() throws IOException, InterruptedException {
        if (display == null) {
            figures.add(Figure.notMeasured("1 Start-up", "app --smoke / bare window, first frame", "≤ 1.30×",
                    "no display (DISPLAY unset and Xvfb not available)"));
            return;
        }
        Path folder = samples();
        startup(folder, "", List.of(), List.of());
        // As the installed launcher starts (its .deb makes an AppCDS archive at install): each side gets a
        // dynamic archive of its own classes, dumped by one run of its own; the same flag for both.
        Path cds = work.resolve("cds");
        Files.createDirectories(cds);
        Path appArchive = cds.resolve("app.jsa");
        Path bareArchive = cds.resolve("bare.jsa");
        Files.deleteIfExists(appArchive);
        Files.deleteIfExists(bareArchive);
        // class-data sharing takes jars only: the bare window's class goes into a jar of its own
        String bareJars = bareJarClassPath(cds.resolve("bare-window.jar"));
        firstFrame(Child.onClassPath(List.of("-XX:ArchiveClassesAtExit=" + bareArchive), bareJars,
                BareWindow.class).env(display.environment()));
        firstFrame(Child.app(List.of("-XX:ArchiveClassesAtExit=" + appArchive), jar, "--smoke", "--data-dir",
                folder.toString()).env(display.environment()));
        startup(folder, " (AppCDS archive each)", List.of("-XX:SharedArchiveFile=" + appArchive, "-Xshare:auto"),
                List.of("-XX:SharedArchiveFile=" + bareArchive, "-Xshare:auto"), bareJars);
    }

    private void startup(Path folder, String variant, List<String> appFlags, List<String> bareFlags)
            throws IOException, InterruptedException {
        startup(folder, variant, appFlags, bareFlags, bareClassPath());
    }

    /** The bare window's class in a jar, then JavaFX's jars: a class path class-data sharing accepts. */
    private String bareJarClassPath(Path jarFile) throws IOException {
        String name = BareWindow.class.getName().replace('.', '/');
        Path classes = target.resolve("test-classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile));
                Stream<Path> files = Files.walk(classes.resolve(name).getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(BareWindow.class.getSimpleName()))
                    .toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar,
                        '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return bareClassPath().replace(classes.toString(), jarFile.toString());
    }

    private void startup(Path folder, String variant, List<String> appFlags, List<String> bareFlags,
            String bareClassPath) throws IOException, InterruptedException {
        Child bare = Child.onClassPath(bareFlags, bareClassPath, BareWindow.class).env(display.environment());
        Child app = Child.app(appFlags, jar, "--smoke", "--data-dir", folder.toString()).env(display.environment());
        // one of each first, not counted: the OS file cache and JavaFX's native library cache
        firstFrame(bare);
        firstFrame(app);
        List<Double> bareFrame = new ArrayList<>();
        List<Double> appFrame = new ArrayList<>();
        List<Double> bareSelf = new ArrayList<>();
        List<Double> appSelf = new ArrayList<>();
        List<Double> appPatients = new ArrayList<>();
        for (int i = 0; i < STARTUP_RUNS; i++) {
            for (int k = 0; k < 2; k++) {
                boolean appNow = (i + k) % 2 == 1;
                Child.Result result = firstFrame(appNow ? app : bare);
                (appNow ? appFrame : bareFrame).add(result.lineAt("^first frame: "));
                (appNow ? appSelf : bareSelf).add(result.number("^first frame: (\\d+) ms"));
                if (appNow) {
                    appPatients.add(result.lineAt("^patients shown: "));
                }
            }
            System.out.printf(Locale.ROOT, "  run %d%s: bare %.0f ms, app %.0f ms%n", i + 1, variant,
                    bareFrame.get(i), appFrame.get(i));
        }
        double ratio = Stats.median(appFrame) / Stats.median(bareFrame);
        String group = "1 Start-up";
        figures.add(Figure.info(group, "bare JavaFX window (one Label): process start → first frame" + variant,
                Stats.median(bareFrame), "ms", String.format(Locale.ROOT, "%d runs; as it reports itself: %.0f ms",
                        STARTUP_RUNS, Stats.median(bareSelf))));
        figures.add(Figure.info(group, "app --smoke (sign-in window): process start → first frame" + variant,
                Stats.median(appFrame), "ms", String.format(Locale.ROOT, "%d runs; as it reports itself: %.0f ms;"
                        + " signed in and first page of patients shown at %.0f ms", STARTUP_RUNS,
                        Stats.median(appSelf), Stats.median(appPatients))));
        figures.add(Figure.measured(group, "app / bare window, first frame (ratio of medians)" + variant, ratio, "x",
                "<=", 1.3, "same java, same flags, same display, alternating"));
    }

    private Child.Result firstFrame(Child child) throws IOException, InterruptedException {
        Child.Result result = child.runOk(120);
        if (Double.isNaN(result.lineAt("^first frame: "))) {
            throw new IllegalStateException("no \"first frame\" line from " + child + "\n" + Child.tail(result.output()));
        }
        return result;
    }

    /** The bare window's classes and JavaFX: nothing more, as small as a window can start. */
    private String bareClassPath() throws IOException {
        List<String> path = new ArrayList<>();
        path.add(target.resolve("test-classes").toString());
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            lib.filter(p -> p.getFileName().toString().startsWith("javafx-")).sorted()
                    .forEach(p -> path.add(p.toString()));
        }
        return String.join(File.pathSeparator, path);
    }

    /** A data folder with the shipped sample patients (made afresh once a suite run). */
    private Path samples() throws IOException, InterruptedException {
        if (samplesFolder == null) {
            Path folder = work.resolve("samples-data");
            delete(folder);
            Child.Result result = Child.bench(List.of(), SmallClinic.class, "samples", folder.toString()).runOk(300);
            samplePatients = result.lines().stream().map(Child.Line::text).filter(t -> t.startsWith("PATIENT "))
                    .map(t -> t.substring(8).trim()).collect(Collectors.toList());
            samplesFolder = folder;
        }
        return samplesFolder;
    }

    // ---- 6. the installed launcher

    /**
     * The installed package's launcher (its own runtime and start-up cache) against what a clinic
     * would otherwise run, in rounds where each takes its turn (the order turns too): its first frame
     * against a bare JavaFX window on this machine's default java; signed in with the first page of
     * patients drawn against the bare window plus a sign-in's key derivation (in a fresh JVM); its
     * {@code handout} command against {@code java -jar target/rebound.jar handout}. With
     * {@code -Dbench.launcher=A,B} two launchers (say, the package before and after a change) are
     * measured in the same rounds, each against the same baselines.
     */
    private void installed() throws IOException, InterruptedException {
        String group = "6 Installed launcher";
        String property = System.getProperty("bench.launcher");
        List<Path> launchers = property != null ? Stream.of(property.split(",")).map(Path::of).toList()
                : List.of(LAUNCHERS.stream().filter(Files::isExecutable).findFirst().orElse(LAUNCHERS.get(0)));
        for (Path launcher : launchers) {
            if (!Files.isExecutable(launcher)) {
                figures.add(Figure.notMeasured(group, "installed launcher / bare window, first frame", "≤ 0.80×",
                        "no installed launcher at " + launcher + " (install the .deb, or -Dbench.launcher=PATH)"));
                return;
            }
        }
        if (display == null) {
            figures.add(Figure.notMeasured(group, "installed launcher / bare window, first frame", "≤ 0.80×", "no display"));
            return;
        }
        Path folder = samples();
        Path out = work.resolve("installed-handout.pdf");
        String patient = handoutPatient(folder, out);
        int n = launchers.size();
        // the runs of a round: 0 bare window, 1 java -jar handout, then per launcher its window and its handout
        List<Child> runs = new ArrayList<>();
        runs.add(Child.onClassPath(List.of(), bareClassPath(), BareWindow.class).env(display.environment()));
        runs.add(Child.app(jar, "handout", "--patient", patient, "--out", out.toString(), "--data-dir",
                folder.toString()));
        for (Path launcher : launchers) {
            runs.add(Child.launcher(launcher, "--smoke", "--data-dir", folder.toString()).env(display.environment()));
            runs.add(Child.launcher(launcher, "handout", "--patient", patient, "--out", out.toString(), "--data-dir",
                    folder.toString()));
        }
        Child key = Child.bench(List.of(), KeyDerivation.class);
        // one of each window first, not counted: the OS file cache and JavaFX's native library cache
        for (int r = 0; r < runs.size(); r += 2) {
            firstFrame(runs.get(r));
        }
        List<List<Double>> times = new ArrayList<>();
        List<List<Double>> signedIn = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            times.add(new ArrayList<>());
            signedIn.add(new ArrayList<>());
        }
        List<Double> derivation = new ArrayList<>();
        for (int i = 0; i < INSTALLED_PAIRS; i++) {
            for (int k = 0; k < runs.size(); k++) {
                int r = (i + k) % runs.size();
                Files.deleteIfExists(out);
                boolean window = r % 2 == 0;
                Child.Result result = window ? firstFrame(runs.get(r)) : runs.get(r).runOk(180);
                times.get(r).add(window ? result.lineAt("^first frame: ") : result.wallMs());
                if (r >= 2 && window) {
                    double patients = result.lineAt("^patients shown: ");
                    if (Double.isNaN(patients)) {
                        throw new IllegalStateException("the installed launcher did not sign in\n" + Child.tail(result.output()));
                    }
                    signedIn.get(r).add(patients);
                }
            }
            derivation.add(key.runOk(60).number("^derived: (\\d+) ms"));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "  round %d: bare %.0f ms, key %.0f ms, handout java -jar %.0f ms", i + 1, times.get(0).get(i),
                    derivation.get(i), times.get(1).get(i)));
            for (int l = 0; l < n; l++) {
                line.append(String.format(Locale.ROOT, "; %s: first frame %.0f ms, signed in %.0f ms, handout %.0f ms",
                        launchers.get(l), times.get(2 + 2 * l).get(i), signedIn.get(2 + 2 * l).get(i),
                        times.get(3 + 2 * l).get(i)));
            }
            System.out.println(line);
        }
        double bare = Stats.median(times.get(0));
        double jarMs = Stats.median(times.get(1));
        double keyMs = Stats.median(derivation);
        String rounds = INSTALLED_PAIRS + " rounds, each run taking its turn; default java " + System.getProperty("java.version");
        figures.add(Figure.info(group, "bare JavaFX window (one Label), default java: process start → first frame", bare,
                "ms", rounds));
        figures.add(Figure.info(group, "key derivation of a sign-in, fresh JVM (PBKDF2, 600,000 iterations)", keyMs, "ms",
                "default java"));
        figures.add(Figure.info(group, "`handout` command, java -jar target/rebound.jar, default java", jarMs / 1000, "s",
                "process start → exit"));
        for (int l = 0; l < n; l++) {
            Path launcher = launchers.get(l);
            String which = n == 1 ? "installed" : launcher.toString();
            String runtime = runtimeOf(launcher);
            double frame = Stats.median(times.get(2 + 2 * l));
            double patients = Stats.median(signedIn.get(2 + 2 * l));
            double handout = Stats.median(times.get(3 + 2 * l));
            figures.add(Figure.info(group, which + " launcher --smoke: process start → first frame (sign-in window)", frame,
                    "ms", launcher + ", " + runtime + "; signed in, first page of patients drawn: "
                            + Math.round(patients) + " ms"));
            figures.add(Figure.measured(group, which + " launcher / bare window, first frame (ratio of medians)",
                    frame / bare, "x", "<=", 0.8, rounds));
            figures.add(Figure.measured(group, which + ", signed in, first page of patients / (bare window + key derivation)",
                    patients / (bare + keyMs), "x", "<=", 1.0, String.format(Locale.ROOT, "%.0f ms against %.0f + %.0f ms",
                            patients, bare, keyMs)));
            figures.add(Figure.info(group, "`handout` command, " + which + " launcher", handout / 1000, "s",
                    "process start → exit"));
            figures.add(Figure.measured(group, "`handout` command: " + which + " / java -jar (ratio of medians)",
                    handout / jarMs, "x", "<=", 0.6, rounds));
            System.out.printf(Locale.ROOT, "  %s (%s): first frame / bare window %.2fx; signed in / (bare + key) %.2fx;"
                    + " handout / java -jar %.2fx%n", launcher, runtime, frame / bare, patients / (bare + keyMs),
                    handout / jarMs);
        }
    }

    /** "Java 25.0.3" from the release file of the launcher's bundled runtime. */
    private static String runtimeOf(Path launcher) throws IOException {
        Path release = launcher.toAbsolutePath().getParent().getParent().resolve("lib/runtime/release");
        if (!Files.isRegularFile(release)) {
            return "runtime unknown";
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return "Java " + properties.getProperty("JAVA_VERSION", "?").replace("\"", "");
    }

    /** The first sample patient whose latest visit gets a handout. */
    private String handoutPatient(Path folder, Path out) throws IOException, InterruptedException {
        for (String id : samplePatients) {
            Files.deleteIfExists(out);
            if (Child.app(jar, "handout", "--patient", id, "--out", out.toString(), "--data-dir", folder.toString())
                    .run(120).exitCode() == 0) {
                return id;
            }
        }
        throw new IllegalStateException("no sample patient has a visit that gets a handout");
    }

    // ---- 3. handout

    private void handout() throws IOException, InterruptedException {
        String group = "3 Handout";
        Child.Result warm = Child.bench(List.of(), HandoutBenchmark.class).runOk(300);
        figures.add(Figure.measured(group, "12-exercise handout rendered, warm", warm.number("warm median (\\d+) ms"),
                "ms", "<=", 300, firstLine(warm.output().lines().filter(l -> l.contains("warm median"))
                        .findFirst().orElse(""))));
        Path folder = samples();
        Path out = work.resolve("handout.pdf");
        String patient = null;
        for (String id : samplePatients) {
            Files.deleteIfExists(out);
            Child.Result tried = Child.app(jar, "handout", "--patient", id, "--out", out.toString(), "--data-dir",
                    folder.toString()).run(120);
            if (tried.exitCode() == 0) {
                patient = id;
                break;
            }
        }
        if (patient == null) {
            figures.add(Figure.notMeasured(group, "`handout` command, fresh process", "≤ 2.0 s",
                    "no sample patient has a visit that gets a handout"));
            return;
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < HANDOUT_COMMAND_RUNS; i++) {
            Files.deleteIfExists(out);
            times.add(Child.app(jar, "handout", "--patient", patient, "--out", out.toString(), "--data-dir",
                    folder.toString()).runOk(120).wallMs() / 1000);
        }
        figures.add(Figure.measured(group, "`handout` command, fresh process (sample patients)", Stats.median(times), "s",
                "<=", 2.0, HANDOUT_COMMAND_RUNS + " runs, process start → exit; includes the password's key "
                        + "derivation (PBKDF2, 600,000 iterations)"));
        // as the installed launcher runs it: with a class-data-sharing archive, dumped by one run of its own
        Path archive = work.resolve("cds").resolve("handout.jsa");
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        Files.deleteIfExists(out);
        Child.app(List.of("-XX:ArchiveClassesAtExit=" + archive), jar, "handout", "--patient", patient, "--out",
                out.toString(), "--data-dir", folder.toString()).runOk(120);
        List<Double> shared = new ArrayList<>();
        for (int i = 0; i < HANDOUT_COMMAND_RUNS; i++) {
            Files.deleteIfExists(out);
            shared.add(Child.app(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), jar, "handout",
                    "--patient", patient, "--out", out.toString(), "--data-dir", folder.toString()).runOk(120)
                    .wallMs() / 1000);
        }
        figures.add(Figure.measured(group, "`handout` command, fresh process, AppCDS archive", Stats.median(shared), "s",
                "<=", 2.0, HANDOUT_COMMAND_RUNS + " runs, as the installed launcher starts it"));
    }

    // ---- progress charts (README's target)

    private void charts() throws IOException, InterruptedException {
        String group = "Progress charts";
        if (display == null) {
            figures.add(Figure.notMeasured(group, "60 visits, every chart built and painted", "≤ 100 ms", "no display"));
            return;
        }
        Child.Result result = Child.bench(List.of(), ProgressChartsBenchmark.class).env(display.environment()).runOk(300);
        figures.add(Figure.measured(group, "60 visits: every chart built, laid out and painted, warm",
                result.number("warm median ([\\d.]+) ms"), "ms", "<=", 100,
                String.format(Locale.ROOT, "first time in a fresh JVM: %.0f ms", result.number("first ([\\d.]+) ms"))));
    }

    // ---- 2. clinic scale

    private void clinic() throws IOException, InterruptedException {
        String group = "2 Clinic scale";
        Path big = clinicFolder(target.resolve("bench-clinic"), CLINIC_PATIENTS);
        Path small = clinicFolder(target.resolve("bench-clinic-1k"), SMALL_CLINIC_PATIENTS);
        System.out.println("  measuring the 100,000-patient clinic");
        Child.Result largeRun = Child.bench(List.of(), ClinicBenchmark.class, big.toString()).echo("  ").runOk(1200);
        Map<String, Double> large = largeRun.results();
        System.out.println("  measuring the 1,000-patient clinic");
        Map<String, Double> few = Child.bench(List.of(), ClinicBenchmark.class, small.toString(), "search-only")
                .echo("  ").runOk(600).results();
        String slowest = slowest(largeRun);
        Properties bigMarker = marker(big);
        String size = String.format(Locale.ROOT, "%,d patients, %,d visits", Integer.parseInt(bigMarker.getProperty("patients")),
                Integer.parseInt(bigMarker.getProperty("visits")));
        notes.add(String.format(Locale.ROOT, "The generated clinic's database file: %,.0f MB for %s; %,.1f MB for"
                + " the 1,000-patient one.", databaseMb(big), size, databaseMb(small)));
        figures.add(Figure.measured(group, "search as you type, first page (" + size + ")", large.get("search.median"),
                "ms", "<=", 20, String.format(Locale.ROOT, "%d prefixes, 400 searches; p90 %.1f ms, max %.1f ms;"
                        + " slowest prefixes (median ms, rows shown): %s", ClinicBenchmark.QUERIES.size(),
                        large.get("search.p90"), large.get("search.max"), slowest)));
        figures.add(Figure.info(group, "the same searches, 1,000 patients", few.get("search.median"), "ms",
                String.format(Locale.ROOT, "p90 %.1f ms", few.get("search.p90"))));
        figures.add(Figure.measured(group, "search: 100,000 patients / 1,000 patients (ratio of medians)",
                large.get("search.median") / few.get("search.median"), "x", "<=", 2.0, "must not grow with the clinic"));
        if (large.containsKey("open.median")) {
            figures.add(Figure.measured(group, String.format(Locale.ROOT, "open a patient with %.0f visits (workspace)",
                    large.get("open.visits")), large.get("open.median"), "ms", "<=", 50,
                    String.format(Locale.ROOT, "her 60 full visits (visit form, progress): %.1f ms",
                            large.get("visits.median"))));
            figures.add(Figure.measured(group, "save a visit, durably (draft of a patient with 60 visits)",
                    large.get("save.median"), "ms", "<=", 10,
                    String.format(Locale.ROOT, "200 saves after 1,600 to warm up, as JMH does; p90 %.1f ms;"
                            + " the process's first 100 saves, while the JIT compiles: median %.1f ms",
                            large.get("save.p90"), large.get("save.first.median"))));
        } else {
            figures.add(Figure.notMeasured(group, "open a patient with 60 visits", "≤ 50 ms",
                    "the generated clinic has no patient with 60 visits"));
            figures.add(Figure.notMeasured(group, "save a visit, durably", "≤ 10 ms",
                    "the generated clinic has no patient with 60 visits"));
        }
    }

    /**
     * Removing a clinician re-encrypts the database under a new key: timed on a copy of the generated
     * 100,000-patient clinic (the clinic itself is left as it was, for the other benchmarks).
     */
    private void rotation() throws IOException, InterruptedException {
        String group = "2 Clinic scale";
        Path big = clinicFolder(target.resolve("bench-clinic"), CLINIC_PATIENTS);
        Path copy = work.resolve("rotation-clinic");
        delete(copy);
        Files.createDirectories(copy);
        for (String name : List.of("rebound.mv.db", "rebound.keys", "rebound.audit-head")) {
            if (Files.exists(big.resolve(name))) {
                Files.copy(big.resolve(name), copy.resolve(name));
            }
        }
        try {
            System.out.println("  removing a clinician from a copy of the 100,000-patient clinic");
            Map<String, Double> result = Child.bench(List.of(), RotationBenchmark.class, copy.toString()).echo("  ")
                    .runOk(1800).results();
            figures.add(Figure.measured(group, "remove a clinician: database re-encrypted under a new key (100,000 "
                    + "patients)", result.get("rotate.ms") / 1000, "s", "<=", 60, String.format(Locale.ROOT,
                    "%.0f MB database file: copied under the new key, read back and compared, opened, swapped in",
                    result.get("database.mb"))));
        } finally {
            delete(copy);
        }
    }

    private static double databaseMb(Path folder) throws IOException {
        Path file = folder.resolve("rebound.mv.db");
        return Files.isRegularFile(file) ? Files.size(file) / 1e6 : Double.NaN;
    }

    /** "a" 41 ms (200), ... from the QUERY lines of a clinic run. */
    private static String slowest(Child.Result result) {
        return result.lines().stream().map(Child.Line::text).filter(t -> t.startsWith("QUERY "))
                .map(t -> {
                    String[] parts = t.split(" ", 4);
                    return "\"" + parts[3] + "\" " + parts[1] + " ms (" + parts[2] + ")";
                })
                .collect(Collectors.joining(", "));
    }

    /** The generated clinic in {@code folder}: reused when its marker says it is the one asked for. */
    private Path clinicFolder(Path folder, int patients) throws IOException, InterruptedException {
        Properties marker = marker(folder);
        if (marker != null && String.valueOf(patients).equals(marker.getProperty("patients"))
                && String.valueOf(AVERAGE_VISITS).equals(marker.getProperty("averageVisits"))
                && String.valueOf(ClinicData.SEED).equals(marker.getProperty("seed"))) {
            System.out.printf(Locale.ROOT, "  reusing %s (%s patients, %s visits)%n", folder,
                    marker.getProperty("patients"), marker.getProperty("visits"));
            return folder;
        }
        System.out.printf(Locale.ROOT, "  generating %,d patients into %s (once; may take minutes)%n", patients, folder);
        delete(folder);
        Map<String, Double> written = Child.bench(List.of("-Xmx2g"), ClinicData.class, folder.toString(),
                String.valueOf(patients), String.valueOf(AVERAGE_VISITS)).echo("  ").runOk(3600).results();
        Properties done = new Properties();
        done.setProperty("patients", String.valueOf(patients));
        done.setProperty("visits", String.valueOf(written.get("visits").intValue()));
        done.setProperty("averageVisits", String.valueOf(AVERAGE_VISITS));
        done.setProperty("seed", String.valueOf(ClinicData.SEED));
        done.setProperty("generator", "app.rebound.service.DemoDataService");
        try (var out = Files.newBufferedWriter(folder.resolve(MARKER), StandardCharsets.UTF_8)) {
            done.store(out, "generated by app.rebound.bench.ClinicData; delete this folder to generate it again");
        }
        return folder;
    }

    private static Properties marker(Path folder) throws IOException {
        Path file = folder.resolve(MARKER);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    // ---- 4. memory

    private void memory() throws IOException, InterruptedException {
        String group = "4 Memory";
        if (display == null) {
            figures.add(Figure.notMeasured(group, "idle resident memory, 100,000 patients / empty", "≤ 1.20×", "no display"));
            return;
        }
        Path big = clinicFolder(target.resolve("bench-clinic"), CLINIC_PATIENTS);
        Path empty = work.resolve("empty-data");
        delete(empty);
        Child.bench(List.of(), SmallClinic.class, "empty", empty.toString()).runOk(300);
        List<Double> emptyRss = new ArrayList<>();
        List<Double> bigRss = new ArrayList<>();
        for (int i = 0; i < MEMORY_RUNS; i++) {
            emptyRss.add(idleRss(empty));
            bigRss.add(idleRss(big));
            System.out.printf(Locale.ROOT, "  run %d: empty %.0f MB, 100,000 patients %.0f MB%n", i + 1,
                    emptyRss.get(i), bigRss.get(i));
        }
        figures.add(Figure.info(group, "idle resident memory (VmRSS), empty data folder", Stats.median(emptyRss), "MB",
                MEMORY_RUNS + " runs; window open, then idle"));
        figures.add(Figure.info(group, "idle resident memory (VmRSS), 100,000 patients", Stats.median(bigRss), "MB",
                MEMORY_RUNS + " runs"));
        figures.add(Figure.measured(group, "idle memory: 100,000 patients / empty (ratio of medians)",
                Stats.median(bigRss) / Stats.median(emptyRss), "x", "<=", 1.2, "nothing loads every patient"));
    }

    /**
     * Starts the window on {@code folder}, signed in from the environment, waits until the records are
     * open (its log says "Records open") and then until it is idle (at least 5 s, and 2 s without CPU use), reads VmRSS in MB, and
     * closes it.
     */
    private double idleRss(Path folder) throws IOException, InterruptedException {
        Path log = folder.resolve("logs/rebound.log");
        long before = started(log);
        Path output = work.resolve("memory-run.log");
        Process process = Child.app(jar, "--sign-in-from-env", "--data-dir", folder.toString())
                .env(display.environment())
                .start(output.toFile());
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (started(log) <= before) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the window did not start on " + folder + ": "
                            + Child.tail(Files.readString(output)));
                }
                Thread.sleep(100);
            }
            long shown = System.nanoTime();
            long lastTicks = cpuTicks(process.pid());
            int quiet = 0;
            while (true) {
                Thread.sleep(500);
                long ticks = cpuTicks(process.pid());
                quiet = ticks - lastTicks <= 2 ? quiet + 1 : 0;
                lastTicks = ticks;
                double since = (System.nanoTime() - shown) / 1e9;
                if ((since >= 5 && quiet >= 4) || since > 60) {
                    break;
                }
            }
            return vmRssKb(process.pid()) / 1024.0;
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private static long started(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("Records open")).count();
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long vmRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    // ---- 5. import

    private void importFile() throws IOException, InterruptedException {
        String group = "5 Import";
        Path file = work.resolve("import-10k-50k.json");
        if (!Files.isRegularFile(file)) {
            System.out.println("  writing the record file (10,000 patients, 50,000 visits)");
            Child.bench(List.of("-Xmx2g"), SmallClinic.class, "import-file", file.toString()).runOk(600);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < IMPORT_RUNS; i++) {
            Path folder = work.resolve("import-data");
            delete(folder);
            // a new clinic, as the import would go into: set up first (not timed)
            Child.app(jar, "init", "--clinic", "Import clinic", "--user", BenchClinic.USER, "--data-dir",
                    folder.toString()).runOk(120);
            Child.Result result = Child.app(jar, "import", file.toString(), "--data-dir", folder.toString()).runOk(600);
            times.add(result.wallMs() / 1000);
            System.out.printf(Locale.ROOT, "  run %d: %.1f s%n", i + 1, times.get(i));
        }
        delete(work.resolve("import-data"));
        figures.add(Figure.measured(group, "`import` of 10,000 patients with 50,000 visits into a new clinic",
                Stats.median(times), "s", "<", 60, String.format(Locale.ROOT,
                        "%d runs, fresh process each (%.0f MB file)", IMPORT_RUNS, Files.size(file) / 1e6)));
    }

    // ---- 6. a clinic's server (PostgreSQL)

    /**
     * The generated 100,000-patient clinic moved onto a PostgreSQL of its own (the tests' fixture: a fresh
     * cluster on loopback, Debian's PostgreSQL 15), then the clinic benchmark on it, as a workstation signed in
     * to the server; and an import of 10,000 patients into a new server database.
     */
    private void server() throws IOException, InterruptedException {
        String group = "6 Server (PostgreSQL)";
        // BENCH_SERVER_PATIENTS=N in the environment: a smaller clinic, to try the part out (its figures are not
        // the targets')
        String asked = System.getenv("BENCH_SERVER_PATIENTS");
        int patients = asked == null || asked.isBlank() ? CLINIC_PATIENTS : Integer.parseInt(asked.trim());
        Path big = clinicFolder(target.resolve(patients == CLINIC_PATIENTS ? "bench-clinic"
                : "bench-clinic-" + patients), patients);
        // a copy is moved: the move adds its archive and audit rows to the folder it reads
        Path source = work.resolve("server-source");
        delete(source);
        Files.createDirectories(source);
        for (String name : List.of("rebound.mv.db", "rebound.keys", "rebound.audit-head")) {
            if (Files.exists(big.resolve(name))) {
                Files.copy(big.resolve(name), source.resolve(name));
            }
        }
        try {
            TestPostgres.Owned clinic = TestPostgres.newDatabase();
            Map<String, String> owner = Map.of("REBOUND_USER", clinic.owner(), "REBOUND_PASSWORD",
                    new String(clinic.password()), "REBOUND_HOME", work.resolve("server-home").toString(),
                    "REBOUND_SERVER_PASSWORD", new String(clinic.password()));
            String url = clinic.address().toString();
            Child.app(jar, "init", "--database", url, "--clinic", "Benchmark clinic").env(owner).runOk(300);
            System.out.printf(Locale.ROOT, "  moving the %,d-patient clinic onto the server%n", patients);
            Child.Result moved = Child.app(jar, "move-to-server", "--data-dir", source.toString(), "--database", url,
                    "--server-user", clinic.owner()).env(Map.of("REBOUND_SERVER_PASSWORD",
                            new String(clinic.password()))).echo("  ").runOk(7200);
            figures.add(Figure.info(group, String.format(Locale.ROOT, "move-to-server of the %,d-patient clinic "
                    + "(every table, one transaction)", patients), moved.wallMs() / 1000, "s", "the trail verified and archived first"));
            System.out.println("  measuring the clinic on the server");
            Map<String, Double> large = Child.bench(List.of(), ClinicBenchmark.class, url).env(owner).echo("  ")
                    .runOk(1800).results();
            figures.add(Figure.measured(group, String.format(Locale.ROOT,
                    "search as you type, first page (server, %,d patients)", patients),
                    large.get("search.median"), "ms", "<=", 20, String.format(Locale.ROOT,
                            "p90 %.1f ms, max %.1f ms", large.get("search.p90"), large.get("search.max"))));
            if (large.containsKey("open.median")) {
                figures.add(Figure.measured(group, String.format(Locale.ROOT, "open a patient with %.0f visits "
                        + "(server)", large.get("open.visits")), large.get("open.median"), "ms", "<=", 50,
                        String.format(Locale.ROOT, "her 60 full visits: %.1f ms", large.get("visits.median"))));
                figures.add(Figure.measured(group, "save a visit, committed (server)", large.get("save.median"),
                        "ms", "<=", 10, String.format(Locale.ROOT, "p90 %.1f ms", large.get("save.p90"))));
            }
            Path file = work.resolve("import-10k-50k.json");
            if (!Files.isRegularFile(file)) {
                Child.bench(List.of("-Xmx2g"), SmallClinic.class, "import-file", file.toString()).runOk(600);
            }
            TestPostgres.Owned empty = TestPostgres.newDatabase();
            Map<String, String> emptyOwner = Map.of("REBOUND_USER", empty.owner(), "REBOUND_PASSWORD",
                    new String(empty.password()), "REBOUND_HOME", work.resolve("server-home").toString());
            Child.app(jar, "init", "--database", empty.address().toString(), "--clinic", "Import clinic")
                    .env(emptyOwner).runOk(300);
            Child.Result imported = Child.app(jar, "import", file.toString(), "--database",
                    empty.address().toString()).env(emptyOwner).runOk(1800);
            figures.add(Figure.measured(group, "`import` of 10,000 patients with 50,000 visits (server)",
                    imported.wallMs() / 1000, "s", "<", 60, "one run, fresh process"));
            notes.add("The server figures come from a PostgreSQL 15 on the same machine (loopback), started by the "
                    + "bench; on a shared machine they vary with its load.");
        } finally {
            delete(source);
        }
    }

    // ---- the report

    private String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "median", "target", "met?"});
        for (Figure f : figures) {
            rows.add(new String[] {f.name(), f.value(), f.target(), f.verdict()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append(String.format(Locale.ROOT, "%-" + widths[0] + "s | %" + widths[1] + "s | %-" + widths[2]
                    + "s | %s%n", row[0], row[1], row[2], row[3]));
            if (r == 0) {
                out.append("-".repeat(widths[0] + widths[1] + widths[2] + 14)).append('\n');
            }
        }
        return out.toString();
    }

    private void write(Path doc, String table, double minutes) throws IOException {
        String intro = Files.isRegularFile(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Performance\n\n";
        int cut = intro.indexOf(GENERATED);
        intro = cut >= 0 ? intro.substring(0, cut) : intro + "\n";
        StringBuilder md = new StringBuilder(intro).append(GENERATED).append("\n\n");
        md.append("## Last run\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(String.format(Locale.ROOT, " (the suite took %.1f min)%n", minutes));
        md.append(Machine.describe()).append("\n\n");
        md.append("| Benchmark | Median | Target | Met? | How, and what else was seen |\n");
        md.append("|---|---:|---|---|---|\n");
        String group = null;
        for (Figure f : figures) {
            if (!f.group().equals(group)) {
                group = f.group();
                md.append("| **").append(group).append("** | | | | |\n");
            }
            md.append("| ").append(cell(f.name())).append(" | ").append(cell(f.value())).append(" | ")
                    .append(cell(f.target())).append(" | ").append(f.verdict().equals("MISSED") ? "**missed**"
                            : f.verdict()).append(" | ").append(cell(f.note() == null ? "" : f.note())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## How to run\n\n");
        md.append("```sh\nmvn -B -Pbench verify\n```\n\n");
        md.append("packages the jar (without running the unit tests again) and runs `app.rebound.bench.BenchmarkSuite`"
                + " with the test class path; it rewrites everything below the marker line of this page. One part"
                + " alone, after `mvn -B -Pbench verify` has built everything once:\n\n");
        md.append("```sh\njava -cp \"target/test-classes:target/classes:target/lib/*:$(cat cp.txt)\""
                + " app.rebound.bench.BenchmarkSuite startup,handout,charts,clinic,memory,import\n```\n\n");
        md.append("(with the test dependencies on the class path, e.g. from `mvn dependency:build-classpath"
                + " -Dmdep.outputFile=cp.txt`). The generated clinics are kept in `target/bench-clinic` and"
                + " `target/bench-clinic-1k` and reused; delete them to generate them again.\n");
        Files.writeString(doc, md.toString(), StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
