package app.rebound.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import app.rebound.service.ClinicAccess;
import app.rebound.service.Services;

/**
 * The training run of the installer's start-up cache (a Java 25 AOT cache, JEP 483/514/515): one JVM
 * that does what a clinic does first, so the cache holds the classes, linked, and the method profiles
 * of all of it. Run by {@code installer/linux/train-aot-cache.sh} with the app image's own runtime and
 * exactly the launcher's class path, never by a clinician:
 * {@code java -XX:AOTCacheOutput=rebound.aot -cp ... app.rebound.app.AotTraining WORK_FOLDER}.
 * <p>
 * In a new, made-up clinic in {@code WORK_FOLDER} (nothing real is read or written): the commands
 * {@code init}, {@code demo-data}, {@code export}, {@code readiness}, {@code handout} and
 * {@code report}, in this process; then the window as {@code --smoke} starts it (sign-in window,
 * signed in from the training credentials, the main window with its first page of patients), her
 * workspace, her latest visit and its programme, and a set-up window on a new folder. Exits 0 when
 * all of it worked, 4 otherwise (the message says which step).
 */
public final class AotTraining {

    private static final String USER = "training";
    private static final String PASSWORD = "start-up cache training run";
    private static final int PATIENTS = 12;

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: AotTraining WORK_FOLDER   (a new or empty folder)");
            System.exit(1);
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        Path clinic = work.resolve("clinic");
        if (Files.exists(clinic)) {
            fail(clinic + " exists already: give a new or empty folder");
        }
        Map<String, String> environment = Map.of("REBOUND_USER", USER, "REBOUND_PASSWORD", PASSWORD);
        String folder = clinic.toString();
        command(environment, "init", "--clinic", "Training clinic", "--data-dir", folder);
        command(environment, "demo-data", "--patients", String.valueOf(PATIENTS), "--data-dir", folder);
        command(environment, "export", "--out", work.resolve("all.json").toString(), "--data-dir", folder);
        UUID patient = null;
        for (UUID candidate : patients(clinic)) {
            // a patient whose latest visit gets a handout (not a REFER visit): her programme opens too
            if (run(environment, "handout", "--patient", candidate.toString(), "--out",
                    work.resolve("handout.pdf").toString(), "--data-dir", folder).code() == 0) {
                patient = candidate;
                break;
            }
        }
        if (patient == null) {
            fail("no made-up patient's latest visit gets a handout");
        }
        command(environment, "readiness", "--patient", patient.toString(), "--data-dir", folder);
        command(environment, "readiness", "--patient", patient.toString(), "--json", "--data-dir", folder);
        command(environment, "report", "--patient", patient.toString(), "--out",
                work.resolve("report.pdf").toString(), "--data-dir", folder);
        System.out.println("training: commands done");
        // the window last: it ends the process (exit 0 once the set-up window is drawn)
        Launcher.prepareEnvironment(clinic);
        ReboundApp.train(clinic, USER, PASSWORD, patient, work.resolve("new-clinic"));
    }

    /** The clinic's patients, as the patient list's first page shows them. */
    private static List<UUID> patients(Path clinic) throws IOException {
        try (Services services = new ClinicAccess(Clock.systemDefaultZone(), Locale.getDefault())
                .signIn(clinic, USER, PASSWORD.toCharArray())) {
            return services.patients().search("", false).patients().stream().map(p -> p.id()).toList();
        }
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Launcher.run(args, o, e, environment);
        }
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed. */
    private static void command(Map<String, String> environment, String... args) {
        Outcome outcome = run(environment, args);
        if (outcome.code() != 0) {
            fail("the command " + args[0] + " ended with exit " + outcome.code() + ": " + outcome.err().strip());
        }
    }

    private static void fail(String message) {
        System.err.println("training: " + message);
        System.exit(4);
    }
}
