package app.rebound.service;

import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import app.rebound.domain.AuditAction;
import app.rebound.domain.ClinicSettings;
import app.rebound.domain.Messages;
import app.rebound.domain.Patient;
import app.rebound.domain.PersonName;
import app.rebound.domain.TextNormalization;
import app.rebound.domain.ValidationException;
import app.rebound.domain.Violation;
import app.rebound.domain.programme.DownTrainWording;
import app.rebound.domain.programme.Exercise;
import app.rebound.domain.programme.HandoutWording;
import app.rebound.domain.programme.Programme;
import app.rebound.domain.programme.ProgrammeSuggester;
import app.rebound.domain.visit.ReadinessSummary;
import app.rebound.domain.visit.Stage;
import app.rebound.domain.visit.StageChoice;
import app.rebound.domain.visit.Visit;
import app.rebound.handout.Handout;
import app.rebound.handout.HandoutPages;
import app.rebound.handout.HandoutRenderer;
import app.rebound.store.AtomicFile;
import app.rebound.store.Change;
import app.rebound.store.ConcurrentChangeException;
import app.rebound.store.PatientStore;
import app.rebound.store.ProgrammeStore;
import app.rebound.store.Versioned;
import app.rebound.store.VisitStore;

/** The home programme of a visit: suggested, edited, saved, and printed as a handout. */
public final class ProgrammeService {

    private Audit audit = Audit.NONE;

    /** Where what this service does to a patient's record is written (set once by {@link Services}). */
    void audit(Audit trail) {
        this.audit = trail;
    }

    /** The visit cannot have a programme (a red flag: REFER); the message says why. */
    public static final class NoProgrammeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoProgrammeException(String message) {
            super(message);
        }
    }

    private Session session;
    private Clock clock = Clock.systemUTC();

    /** Who is signed in, and the clock: her saves, which other workstations see (set once by {@link Services}). */
    void session(Session who, Clock time) {
        this.session = who;
        this.clock = time;
    }

    private final ProgrammeStore programmes;
    private final VisitStore visits;
    private final PatientStore patients;
    private final SettingsService settings;
    private final HandoutRenderer renderer = new HandoutRenderer();
    private final ProgrammeSuggester suggester = ProgrammeSuggester.shipped();

    private final ExerciseCatalogue catalogue;

    public ProgrammeService(ProgrammeStore programmes, VisitStore visits, PatientStore patients,
            SettingsService settings, ExerciseCatalogue catalogue) {
        this.catalogue = catalogue;
        this.programmes = programmes;
        this.visits = visits;
        this.patients = patients;
        this.settings = settings;
    }

    /** Everything the programme screen needs for one visit. */
    public record Context(Patient patient, Visit visit, ReadinessSummary readiness, Programme programme,
            boolean saved, List<Exercise> exercises, long version) {

        /** As read without its version (a save from it is not checked). */
        public Context(Patient patient, Visit visit, ReadinessSummary readiness, Programme programme,
                boolean saved, List<Exercise> exercises) {
            this(patient, visit, readiness, programme, saved, exercises, Edition.NEW);
        }

        /** An exercise of the catalogue as it was when the programme was opened. */
        public Optional<Exercise> exercise(String code) {
            return exercises.stream().filter(e -> e.code().equals(code)).findFirst();
        }
    }

    /**
     * The visit's programme: the saved one, or else a suggestion for the stage the visit settled on
     * (the clinician's choice, or the suggestion).
     *
     * @throws NoProgrammeException for a REFER visit
     */
    public Context open(UUID visitId) {
        Visit visit = visits.find(visitId).orElseThrow(() -> new NoSuchElementException("No visit " + visitId));
        Patient patient = patients.find(visit.patientId()).orElseThrow();
        ReadinessSummary readiness = VisitService.readiness(visit, patient, visits.forPatient(patient.id()));
        if (readiness.refer()) {
            throw new NoProgrammeException(Messages.get("programme.refer"));
        }
        Optional<Versioned<Programme>> saved = programmes.findVersioned(visitId);
        List<Exercise> exercises = catalogue.all();
        if (saved.isPresent()) {
            return new Context(patient, visit, readiness, saved.get().value(), true, exercises,
                    saved.get().version());
        }
        Stage stage = visit.stage() != null ? visit.stage() : readiness.suggestedStage().stage().orElseThrow();
        return new Context(patient, visit, readiness,
                suggester.suggest(stage, readiness.suggestedStage(), visit, patient.previousWeeklyRunKm()), false,
                exercises);
    }

    /** A fresh suggestion for another stage (the clinician changed her mind). */
    public Programme suggest(Context context, Stage stage) {
        return suggester.suggest(stage, context.readiness().suggestedStage(), context.visit(),
                context.patient().previousWeeklyRunKm());
    }

    /**
     * Saves the visit's programme after checking it.
     *
     * @throws ValidationException with every broken rule
     * @throws NoProgrammeException for a REFER visit
     */
    public void save(UUID visitId, Programme given) {
        save(visitId, given, (Change) null);
    }

    /**
     * As {@link #save(UUID, Programme)}, from the version she opened ({@link Context#version()}; {@link
     * Edition#NEW} for a programme not saved yet): refused, writing nothing, when another workstation saved
     * this visit's programme since.
     *
     * @throws ChangedElsewhereException when the stored programme is no longer {@code readVersion}
     * @return the version saved, which her next save starts from
     */
    public long save(UUID visitId, Programme given, long readVersion) {
        return save(visitId, given, Edits.change(readVersion, session, clock));
    }

    private long save(UUID visitId, Programme given, Change change) {
        // its notes as notes are stored (TextNormalization): PostgreSQL refuses U+0000 in text
        Programme programme = new Programme(given.stage(), given.suggestedStage(), given.exercises().stream()
                .map(item -> item.withNotes(TextNormalization.cleanNotes(item.notes()))).toList(), given.walkRun(),
                given.reviewInWeeks());
        Context context = open(visitId);
        List<Violation> problems = new ArrayList<>(programme.validate(code -> exercise(code).isPresent()));
        problems.addAll(StageChoice.checkProgramme(programme.stage(), context.visit(), context.readiness()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long version;
        try {
            version = programmes.save(context.visit().id(), programme, change);
        } catch (ConcurrentChangeException e) {
            throw new ChangedElsewhereException(e);
        }
        audit.record(AuditAction.CHANGE, context.visit().patientId(), "programme of visit " + visitId);
        return version;
    }

    public Optional<Exercise> exercise(String code) {
        return catalogue.byCode(code);
    }

    public List<Exercise> library() {
        return catalogue.all();
    }

    /** The handout of a programme as PDF bytes (the programme as on screen, saved or not). */
    public byte[] handout(Context context, Programme programme) {
        if (context.readiness().refer()) {
            throw new NoProgrammeException(Messages.get("programme.refer"));
        }
        return renderer.render(handoutOf(context, programme));
    }

    /** One page of a handout as ARGB pixels, row by row, for a preview. */
    public record PagePixels(int width, int height, int[] argb) {
    }

    /** CSS's reference pixel: 96 to the inch, what a screen at 100 % scaling shows. */
    static final float SCREEN_DPI = 96;

    /** The handout's pages as pixels for a preview on a screen at 100 % scaling. */
    public List<PagePixels> preview(byte[] pdf) {
        return preview(pdf, 1);
    }

    /**
     * The handout's pages as pixels for a preview on a screen whose output scale is {@code outputScale}
     * (1 at 100 %, 2 at 200 %): one pixel per screen pixel, so the text is as sharp as the screen allows
     * (rendered at 96 dpi and enlarged, it blurred at 150–200 %). The scale is kept between 1 and 4.
     */
    public List<PagePixels> preview(byte[] pdf, double outputScale) {
        try (PreviewPages pages = previewPages(pdf, outputScale)) {
            List<PagePixels> all = new ArrayList<>();
            for (int i = 0; i < pages.count(); i++) {
                all.add(pages.page(i));
            }
            return all;
        }
    }

    /** A handout's pages for a preview, rendered one at a time as it asks for them; one thread at a time. */
    public interface PreviewPages extends AutoCloseable {
        int count();

        /** Page {@code index} (from 0), rendered now. */
        PagePixels page(int index);

        @Override
        void close();
    }

    /**
     * As {@link #preview(byte[], double)}, but each page is rendered only when asked for: a preview shows the
     * first page while the others are still to come (all of them first took about 10 s on a busy machine).
     */
    public PreviewPages previewPages(byte[] pdf, double outputScale) {
        float scale = (float) Math.max(1, Math.min(4, Double.isFinite(outputScale) ? outputScale : 1));
        HandoutPages.Document document = HandoutPages.open(pdf, SCREEN_DPI * scale);
        return new PreviewPages() {
            @Override
            public int count() {
                return document.pageCount();
            }

            @Override
            public PagePixels page(int index) {
                HandoutPages.PageImage p = document.render(index);
                return new PagePixels(p.width(), p.height(), p.argb());
            }

            @Override
            public void close() {
                document.close();
            }
        };
    }

    /** Prints through the system dialog; false when the clinician cancels. Blocks: not on the UI thread. */
    public boolean print(byte[] pdf, String jobName, UUID patientId) throws PrinterException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new PrinterException("No printing on a computer without a display");
        }
        boolean printed = HandoutPages.print(pdf, jobName);
        if (printed) {
            audit.record(AuditAction.PRINT, patientId, jobName);
        }
        return printed;
    }

    /** Starts loading the PDF library and fonts in the background, while the records open (the handout command). */
    public static void prepareHandoutInBackground() {
        HandoutRenderer.prepareInBackground();
    }

    /** Writes the handout to a file, through a temporary file in the same folder so a crash leaves no half file. */
    public void writeHandout(Context context, Programme programme, Path file) throws IOException {
        byte[] pdf = handout(context, programme);
        AtomicFile.write(file, out -> out.write(pdf));
        audit.record(AuditAction.EXPORT, context.patient().id(), "handout PDF");
    }

    Handout handoutOf(Context context, Programme programme) {
        ClinicSettings clinic = settings.load();
        Patient patient = context.patient();
        var photos = catalogue.photos();
        // an overactive floor's handout never asks her to squeeze; Easier and Harder follow her dose (§9)
        boolean downTrain = HandoutWording.isDownTraining(context.visit(), programme);
        List<Handout.Item> items = programme.exercises().stream()
                .map(item -> new Handout.Item(HandoutWording.of(context.exercise(item.exercise()).orElseThrow(() ->
                        new NoSuchElementException("Unknown exercise " + item.exercise())), item.dose(), downTrain,
                        programme.walkRun(), context::exercise), item.dose(),
                        downTrain ? DownTrainWording.note(item.notes()) : item.notes(),
                        photos.get(item.exercise())))
                .toList();
        List<Handout.WalkRunRow> weeks = programme.walkRun().stream()
                .map(w -> new Handout.WalkRunRow(w.week(), w.sessionsPerWeek(), w.runSeconds(), w.walkSeconds(),
                        w.repeats()))
                .toList();
        String clinician = context.visit().clinician() != null ? context.visit().clinician() : clinic.clinicianName();
        return new Handout(clinic.clinicName(), clinic.logo(), clinician, clinic.paperSize(),
                PersonName.fullName(patient.givenName(), patient.familyName()), context.visit().date(),
                programme.stage(), items, weeks, programme.reviewInWeeks());
    }

}
