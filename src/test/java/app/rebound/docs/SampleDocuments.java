package app.rebound.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import app.rebound.domain.ClinicSettings;
import app.rebound.domain.PaperSize;
import app.rebound.domain.visit.ReadinessRules;
import app.rebound.domain.visit.Visit;
import app.rebound.domain.PatientSummary;
import app.rebound.domain.visit.VisitFixture;
import app.rebound.service.ProgrammeService;
import app.rebound.service.Services;
import app.rebound.TestKeys;

/**
 * Writes the handout of each sample patient's latest visit (as the {@code handout} command chooses it)
 * and her progress report into a folder, and prints their page counts, to look at and to count the
 * paper a layout change saves: {@code java -cp ... app.rebound.docs.SampleDocuments FOLDER}. The
 * records live in a temporary folder that is deleted afterwards.
 */
public final class SampleDocuments {

    private SampleDocuments() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.UK);
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Path folder = Files.createTempDirectory("rebound-samples");
        try (Services services = TestKeys.services(folder.resolve("db"), VisitFixture.CLOCK,
                Locale.UK)) {
            services.settings().save(new ClinicSettings("Fjord Physio — Bergen", "Ingrid Hansen", PaperSize.A4, null));
            services.records().importSamples();
            List<PatientSummary> patients = services.patients().search("", false).patients().stream()
                    .sorted(Comparator.comparing(PatientSummary::id)).toList();
            int n = 1;
            for (PatientSummary patient : patients) {
                List<Visit> visits = services.visits().visitsOf(patient.id());
                Visit latest = visits.stream().max(ReadinessRules.ORDER).orElseThrow();
                String handoutPages = "-";
                try {
                    ProgrammeService.Context context = services.programmes().open(latest.id());
                    byte[] pdf = services.programmes().handout(context, context.programme());
                    Path file = out.resolve("handout-" + n + ".pdf");
                    Files.write(file, pdf);
                    handoutPages = pages(pdf) + " (" + context.programme().stage() + ", "
                            + context.programme().exercises().size() + " exercises)";
                } catch (ProgrammeService.NoProgrammeException e) {
                    handoutPages = "no handout: " + e.getMessage();
                }
                byte[] report = services.progress().report(services.progress().load(patient.id()));
                Files.write(out.resolve("report-" + n + ".pdf"), report);
                System.out.println("patient " + n + " (" + visits.size() + " visits): handout " + handoutPages
                        + ", report " + pages(report));
                n++;
            }
        } finally {
            try (var walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
