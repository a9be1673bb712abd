package app.rebound.docs;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import app.rebound.domain.Appearance;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.visit.VisitStatus;
import app.rebound.service.ClinicAccess;
import app.rebound.service.ProgrammeService;
import app.rebound.service.RecordsUnavailableException;
import app.rebound.service.Services;
import app.rebound.service.VisitService;
import app.rebound.ui.kit.DateInput;
import app.rebound.ui.kit.ScriptFonts;
import app.rebound.ui.kit.Truncation;
import app.rebound.ui.shell.MainWindow;
import app.rebound.ui.kit.Theme;
import app.rebound.ui.kit.Worker;
import app.rebound.ui.access.AccessView;
import app.rebound.ui.clinic.AccountsDialog;
import app.rebound.ui.clinic.AuditDialog;
import app.rebound.ui.patients.PatientDialog;
import app.rebound.ui.patients.PatientFormViewModel;
import app.rebound.ui.progress.ProgressView;
import app.rebound.ui.settings.SettingsDialog;
import app.rebound.ui.settings.SettingsViewModel;
import app.rebound.ui.visit.VisitView;
import app.rebound.domain.Patient;
import app.rebound.ui.kit.Drawn;
import app.rebound.ui.patients.PatientWorkspaceView;
import app.rebound.ui.programme.ProgrammeView;

/**
 * Takes the user guide's and the README's pictures from the real app: the real views on a clinic set
 * up in a temporary folder with the real services and the sample patients, each snapshot taken once
 * the screen has settled. Run by {@code docs/make-screenshots.sh}; never drawn by hand.
 *
 * <p>Usage: {@code GuideScreenshots [OUTPUT_FOLDER]} (default {@code docs/images}). The clock and the
 * locale are fixed (22 November 2026, en-GB) so the pictures change only when the screens do; the
 * recovery key is random, as in the app.
 */
public final class GuideScreenshots {

    /** Every picture this class writes, in the order it takes them. {@code GuideScreenshotsTest} checks the docs against it. */
    public static final List<String> IMAGES = List.of(
            "setup.png", "recovery-key.png", "sign-in.png", "patient-list.png", "patient-dialog.png",
            "workspace.png", "visit-form.png", "programme.png", "handout-page1.png", "progress-charts.png",
            "progress-compare.png", "report-page-3.png", "settings.png", "accounts.png", "audit-trail.png",
            "lock-screen.png", "server-choice.png", "server-sign-in.png");

    static final String CLINIC = "Fjord Physio";
    static final String USER = "ingrid";
    static final String DISPLAY_NAME = "Ingrid Hansen";
    /** Made up for the pictures only. */
    static final String PASSWORD = "seven gulls over the fjord";
    private static final Instant START = Instant.parse("2026-11-22T09:30:00Z");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path out;
    private final Path folder;
    private final Worker worker = new Worker();
    private final Set<String> written = new LinkedHashSet<>();
    private Stage stage;
    private MainWindow window;
    private Services services;

    private GuideScreenshots(Path out, Path folder) {
        this.out = out;
        this.folder = folder;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Files.createDirectories(out);
        Path folder = Files.createTempDirectory("rebound-screenshots");
        Locale.setDefault(Locale.UK);
        int status = 0;
        try {
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            // as ReboundApp.init does: before the first text, or Hangul and Chinese names are boxes
            ScriptFonts.register();
            GuideScreenshots shots = new GuideScreenshots(out, folder);
            shots.takeAll();
            if (!shots.written.equals(new LinkedHashSet<>(IMAGES))) {
                System.err.println("written " + shots.written + " but IMAGES lists " + IMAGES);
                status = 1;
            } else {
                System.out.println("Wrote " + IMAGES.size() + " pictures to " + out);
            }
            shots.close();
        } catch (Throwable failure) {
            failure.printStackTrace();
            status = 1;
        } finally {
            deleteQuietly(folder);
        }
        // JavaFX and the worker hold non-daemon threads
        System.exit(status);
    }

    /**
     * A clock that starts at a fixed moment and moves on a few seconds each time it is read, so the
     * audit trail shows a plausible order of events and the same pictures come out each run.
     */
    static final class SteppingClock extends Clock {
        private final AtomicLong reads = new AtomicLong();
        private final ZoneId zone;

        SteppingClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new SteppingClock(other);
        }

        @Override
        public Instant instant() {
            return START.plusSeconds(7 * reads.getAndIncrement());
        }
    }

    private void takeAll() throws Exception {
        Clock clock = new SteppingClock(ZoneId.of("Europe/London"));
        ClinicAccess access = new ClinicAccess(clock, Locale.UK);
        stage = onFx(() -> {
            Stage s = new Stage();
            s.setTitle("Rebound");
            return s;
        });

        // --- set-up and the recovery key: the real first start on an empty folder ---------------
        CompletableFuture<Services> setUp = new CompletableFuture<>();
        onFx(() -> showAccess(access, setUp));
        settle();
        onFx(() -> {
            type("#setUpClinic", CLINIC);
            type("#setUpDisplayName", DISPLAY_NAME);
            type("#setUpUser", USER);
            type("#setUpPassword", PASSWORD);
            type("#setUpPasswordAgain", PASSWORD);
            return null;
        });
        settle();
        shoot("setup.png");
        onFx(() -> {
            ((Button) lookup("#setUp")).fire();
            return null;
        });
        waitFor(() -> lookupOrNull("#recoveryKey") != null);
        settle();
        shoot("recovery-key.png");
        onFx(() -> {
            ((CheckBox) lookup("#recoveryKeyKept")).setSelected(true);
            ((Button) lookup("#recoveryContinue")).fire();
            return null;
        });
        try (Services first = setUp.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            first.records().importSamples();
            first.accounts().add("maria", "Maria Lind", "reception-desk-42".toCharArray(), false);
            first.accounts().add("sofie", "Sofie Berg", "pelvic-floor-runs".toCharArray(), false);
            first.accounts().add("jonas", "Jonas Dahl", "clinic-admin-2026".toCharArray(), true);
        }

        // --- sign-in: the folder is set up now ---------------------------------------------------
        CompletableFuture<Services> signedIn = new CompletableFuture<>();
        onFx(() -> showAccess(access, signedIn));
        settle();
        onFx(() -> {
            type("#signInUser", USER);
            type("#signInPassword", PASSWORD);
            return null;
        });
        settle();
        shoot("sign-in.png");
        onFx(() -> {
            ((Button) lookup("#signIn")).fire();
            return null;
        });
        services = signedIn.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        // --- the main window ---------------------------------------------------------------------
        Services open = services;
        // -Drebound.shots.appearance=DARK:200 and -Drebound.shots.size=1280x800: the same screens in a
        // theme and text size, at a window size (the signed-in clinician's appearance, as she keeps it)
        String appearance = System.getProperty("rebound.shots.appearance");
        if (appearance != null) {
            String[] parts = appearance.split(":");
            open.settings().saveAppearance(new Appearance(Appearance.scheme(parts[0]),
                    parts.length > 1 ? Appearance.zoom(parts[1]) : Appearance.ACTUAL_SIZE));
        }
        String size = System.getProperty("rebound.shots.size");
        onFx(() -> {
            window = new MainWindow(stage, folder, () -> open, worker);
            window.show(() -> { }, () -> { }, message -> System.err.println("records did not open: " + message));
            if (size != null) {
                String[] wh = size.split("x");
                stage.setWidth(Double.parseDouble(wh[0]));
                stage.setHeight(Double.parseDouble(wh[1]));
            }
            return null;
        });
        waitFor(() -> window.patientList().ready() && !window.patientList().busyProperty().get()
                && !window.patientList().rows().isEmpty());
        settle();
        shoot("patient-list.png");

        UUID zoe = patientNamed("zoe");
        onFx(() -> {
            window.patientList().queryProperty().set("zoe");
            return null;
        });
        settle();
        onFx(() -> {
            var read = open.patients().open(zoe);
            PatientDialog.open(stage, form -> new PatientFormViewModel(open.patients(), worker,
                    DateInput.forDefaultLocale(), read.value(), read.version(), form), saved -> { });
            return null;
        });
        settle();
        shootWithDialog("patient-dialog.png");
        closeDialogs();
        onFx(() -> {
            window.patientList().queryProperty().set("");
            return null;
        });
        settle();

        // the patient with the most visits shows the most
        UUID patient = patientWithMostVisits();
        List<Visit> visits = open.visits().visitsOf(patient);
        Patient her = open.patients().load(patient);
        Visit visit = visits.stream()
                .filter(v -> v.status() == VisitStatus.COMPLETE)
                .filter(v -> !VisitService.readiness(v, her, visits).refer())
                .max(Comparator.comparing(Visit::date))
                .orElseThrow();
        onFx(() -> {
            window.navigator().openWorkspace(patient);
            return null;
        });
        waitFor(() -> centre() instanceof PatientWorkspaceView);
        settle();
        shoot("workspace.png");

        onFx(() -> {
            window.navigator().openVisit(patient, visit.id());
            return null;
        });
        waitFor(() -> centre() instanceof VisitView);
        settle();
        onFx(() -> {
            // the pelvic floor, as the README describes it
            ((VisitView) centre()).jumpTo(4);
            return null;
        });
        settle();
        shoot("visit-form.png");

        onFx(() -> {
            window.navigator().openProgramme(patient, visit.id());
            return null;
        });
        waitFor(() -> centre() instanceof ProgrammeView);
        settle();
        shoot("programme.png");

        ProgrammeService.Context context = open.programmes().open(visit.id());
        writePdfPage(open.programmes().handout(context, context.programme()), 0, "handout-page1.png");

        onFx(() -> {
            window.navigator().openProgress(patient);
            return null;
        });
        waitFor(() -> centre() instanceof ProgressView view && !view.chartViews().isEmpty());
        settle();
        shoot("progress-charts.png");
        onFx(() -> {
            ((ProgressView) centre()).tabs().getSelectionModel().select(1);
            return null;
        });
        waitFor(() -> !((ProgressView) centre()).comparisonTable().getItems().isEmpty());
        settle();
        shoot("progress-compare.png");

        byte[] report = open.progress().report(open.progress().load(patient));
        writePdfPage(report, 2, "report-page-3.png");

        // --- back to the list for the dialogs of the menus --------------------------------------
        onFx(() -> {
            window.navigator().showList();
            return null;
        });
        settle();

        SettingsViewModel.Stored stored = SettingsViewModel.Stored.readFrom(open.settings());
        onFx(() -> {
            SettingsDialog.open(stage, dialogs -> {
                SettingsViewModel settings = new SettingsViewModel(open.settings(), worker, stored, dialogs);
                settings.schemeProperty().set(Theme.current().scheme());
                return settings;
            }, (settings, saved) -> { });
            return null;
        });
        settle();
        shootWithDialog("settings.png");
        closeDialogs();

        onFx(() -> {
            AccountsDialog.open(stage, open, worker);
            return null;
        });
        waitFor(() -> dialogTable("#cliniciansTable") != null && !dialogTable("#cliniciansTable").getItems().isEmpty());
        onFx(() -> {
            dialogTable("#cliniciansTable").getSelectionModel().select(1);
            return null;
        });
        settle();
        shootWithDialog("accounts.png");
        closeDialogs();

        onFx(() -> {
            AuditDialog.open(stage, open, worker, null);
            return null;
        });
        waitFor(() -> dialogTable("#auditTable") != null && !dialogTable("#auditTable").getItems().isEmpty());
        settle();
        shootWithDialog("audit-trail.png");
        closeDialogs();

        onFx(() -> {
            window.navigator().openWorkspace(patient);
            return null;
        });
        waitFor(() -> centre() instanceof PatientWorkspaceView);
        settle();
        onFx(() -> {
            window.lockScreen().lock(false);
            return null;
        });
        settle();
        shoot("lock-screen.png");

        // --- the clinic's server: the first start's other choice, then the sign-in there ---------
        Path workstation = folder.resolve("workstation");
        onFx(() -> {
            showAccess(workstation, access, new CompletableFuture<>());
            return null;
        });
        settle();
        onFx(() -> {
            ((Hyperlink) lookup("#connectToServer")).fire();
            return null;
        });
        settle();
        onFx(() -> {
            type("#serverHost", "db.clinic.example");
            type("#serverDatabase", "rebound");
            return null;
        });
        settle();
        shoot("server-choice.png");
        onFx(() -> {
            ((Button) lookup("#serverContinue")).fire();
            return null;
        });
        waitFor(() -> lookupOrNull("#signInServer") != null);
        onFx(() -> {
            type("#signInUser", USER);
            type("#signInPassword", PASSWORD);
            return null;
        });
        settle();
        shoot("server-sign-in.png");
    }

    private void showAccess(ClinicAccess access, CompletableFuture<Services> result) {
        showAccess(folder, access, result);
    }

    private void showAccess(Path dataFolder, ClinicAccess access, CompletableFuture<Services> result) {
        AccessView view = new AccessView(dataFolder, access, worker, new AccessView.Host() {
            @Override
            public void signedIn(Services opened) {
                result.complete(opened);
            }

            @Override
            public void cannotOpen(RecordsUnavailableException failure) {
                result.completeExceptionally(failure);
            }
        });
        // as ReboundApp shows it
        view.showIn(stage);
        view.focusFirst();
    }

    private void close() throws Exception {
        onFx(() -> {
            window.closing();
            return null;
        });
        worker.close();
        if (services != null) {
            services.close();
        }
    }

    // --- finding things --------------------------------------------------------------------------

    private UUID patientNamed(String query) {
        List<PatientSummary> found = services.patients().search(query, false).patients();
        if (found.isEmpty()) {
            throw new IllegalStateException("no sample patient matches " + query);
        }
        return found.get(0).id();
    }

    private UUID patientWithMostVisits() {
        return services.patients().search("", false).patients().stream()
                .max(Comparator.comparingInt(p -> services.visits().visitsOf(p.id()).size()))
                .orElseThrow()
                .id();
    }

    private Node centre() {
        Parent layers = stage.getScene().getRoot();
        for (Node child : layers.getChildrenUnmodifiable()) {
            if (child instanceof BorderPane main) {
                return main.getCenter();
            }
        }
        return null;
    }

    private Node lookup(String selector) {
        Node node = lookupOrNull(selector);
        if (node == null) {
            throw new IllegalStateException("nothing on screen matches " + selector);
        }
        return node;
    }

    private Node lookupOrNull(String selector) {
        return stage.getScene() == null ? null : stage.getScene().lookup(selector);
    }

    private void type(String selector, String text) {
        TextInputControl field = (TextInputControl) lookup(selector);
        field.requestFocus();
        field.setText(text);
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> dialogTable(String selector) {
        for (Window each : dialogs()) {
            Node found = each.getScene().lookup(selector);
            if (found instanceof TableView<?> table) {
                return (TableView<Object>) table;
            }
        }
        return null;
    }

    /** The program's windows other than the main one, showing now. */
    private List<Window> dialogs() {
        List<Window> found = new ArrayList<>();
        for (Window each : Window.getWindows()) {
            if (each != stage && each.isShowing() && each.getScene() != null) {
                found.add(each);
            }
        }
        return found;
    }

    private void closeDialogs() throws Exception {
        onFx(() -> {
            dialogs().forEach(Window::hide);
            return null;
        });
        settle();
    }

    // --- waiting -------------------------------------------------------------------------------

    /** Runs on the JavaFX thread and waits for the answer. */
    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits until the worker has nothing queued, the JavaFX thread has handled what came back, and
     * the scene has been laid out and drawn twice more (a table fills its rows a pulse late; a dialog
     * sizes itself once shown). Repeated, since what comes back may queue more work.
     */
    private void settle() throws Exception {
        for (int round = 0; round < 3; round++) {
            CountDownLatch idle = new CountDownLatch(1);
            worker.execute(idle::countDown);
            if (!idle.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the worker did not finish in time");
            }
            onFx(() -> { });
            for (int pulse = 0; pulse < 2; pulse++) {
                CountDownLatch drawn = new CountDownLatch(1);
                onFx(() -> Drawn.whenDrawn(stage.getScene(), drawn::countDown));
                drawn.await(5, TimeUnit.SECONDS);
            }
            // animations (a progress indicator fading, a caret) are not waited on
            Thread.sleep(150);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the screen did not reach the state waited for in time");
            }
            Thread.sleep(100);
        }
    }

    // --- pictures ----------------------------------------------------------------------------------

    /** The main window's scene as it is now. */
    /** The main window's size for every picture ("1024x700"), or null for the guide's default size. */
    private static final String SIZE = System.getProperty("rebound.shots.size");

    /** Resizes the window to {@link #SIZE} and prints every truncated label, button or header on it. */
    private void sizeAndReport(String name) throws Exception {
        if (SIZE != null) {
            String[] wh = SIZE.split("x");
            // set twice: a window already that size does not resize a scene put in it since
            for (int nudge : new int[] {1, 0}) {
                onFx(() -> {
                    stage.setWidth(Double.parseDouble(wh[0]) - nudge);
                    stage.setHeight(Double.parseDouble(wh[1]) - nudge);
                    return null;
                });
                settle();
            }
        }
        List<String> cut = onFx(() -> Truncation.truncated(stage.getScene().getRoot()));
        for (Window w : onFx(() -> List.copyOf(Window.getWindows()))) {
            if (w != stage && w.isShowing() && w.getScene() != null) {
                cut = new ArrayList<>(cut);
                cut.addAll(onFx(() -> Truncation.truncated(w.getScene().getRoot())));
            }
        }
        cut.forEach(c -> System.out.println("truncated in " + name + ": " + c));
    }

    private void shoot(String name) throws Exception {
        sizeAndReport(name);
        BufferedImage image = onFx(() -> toBufferedImage(stage.getScene().snapshot(null)));
        write(image, name);
    }

    /**
     * The main window with the dialogs on top where they are on the screen, the way the clinician sees
     * them (each window is snapshot alone: the pictures do not depend on a window manager).
     */
    private void shootWithDialog(String name) throws Exception {
        sizeAndReport(name);
        BufferedImage image = onFx(() -> {
            Scene main = stage.getScene();
            BufferedImage base = toBufferedImage(main.snapshot(null));
            double originX = stage.getX() + main.getX();
            double originY = stage.getY() + main.getY();
            List<Window> shown = dialogs();
            if (shown.isEmpty()) {
                throw new IllegalStateException("no dialog is showing for " + name);
            }
            int minX = 0;
            int minY = 0;
            int maxX = base.getWidth();
            int maxY = base.getHeight();
            List<Object[]> layers = new ArrayList<>();
            for (Window dialog : shown) {
                Scene scene = dialog.getScene();
                BufferedImage picture = toBufferedImage(scene.snapshot(null));
                int x = (int) Math.round(dialog.getX() + scene.getX() - originX);
                int y = (int) Math.round(dialog.getY() + scene.getY() - originY);
                layers.add(new Object[] {picture, x, y});
                minX = Math.min(minX, x - 1);
                minY = Math.min(minY, y - 1);
                maxX = Math.max(maxX, x + picture.getWidth() + 1);
                maxY = Math.max(maxY, y + picture.getHeight() + 1);
            }
            BufferedImage all = new BufferedImage(maxX - minX, maxY - minY, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = all.createGraphics();
            g.setColor(new Color(0xe6, 0xe8, 0xeb));
            g.fillRect(0, 0, all.getWidth(), all.getHeight());
            g.drawImage(base, -minX, -minY, null);
            // the main window dimmed a little behind a dialog, as a modal dialog reads
            g.setColor(new Color(0, 0, 0, 40));
            g.fillRect(-minX, -minY, base.getWidth(), base.getHeight());
            for (Object[] layer : layers) {
                BufferedImage picture = (BufferedImage) layer[0];
                int x = (Integer) layer[1] - minX;
                int y = (Integer) layer[2] - minY;
                g.setColor(new Color(0, 0, 0, 60));
                g.fillRect(x + 3, y + 3, picture.getWidth(), picture.getHeight());
                g.drawImage(picture, x, y, null);
                g.setColor(new Color(0x9a, 0xa0, 0xa6));
                g.drawRect(x - 1, y - 1, picture.getWidth() + 1, picture.getHeight() + 1);
            }
            g.dispose();
            return all;
        });
        write(image, name);
    }

    /** Pixel by pixel: the javafx-swing module is not on the class path. */
    static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader pixels = image.getPixelReader();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    /** One page of a PDF the services made, at 100 dpi, as the patient gets it on paper. */
    private void writePdfPage(byte[] pdf, int page, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getNumberOfPages() <= page) {
                throw new IllegalStateException(name + ": the PDF has only " + document.getNumberOfPages() + " pages");
            }
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 100, ImageType.RGB);
            write(image, name);
        }
    }

    private void write(BufferedImage image, String name) throws IOException {
        if (!IMAGES.contains(name)) {
            throw new IllegalStateException(name + " is not in IMAGES");
        }
        Path file = out.resolve(name);
        Path temp = out.resolve(name + ".tmp");
        ImageIO.write(image, "png", temp.toFile());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        written.add(name);
        System.out.println(name + " " + image.getWidth() + "x" + image.getHeight());
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getClass().getSimpleName());
        }
    }
}
