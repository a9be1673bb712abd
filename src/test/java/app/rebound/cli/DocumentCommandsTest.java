package app.rebound.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.rebound.domain.Patient;
import app.rebound.domain.visit.Visit;

/** {@code handout} and {@code report}: PDFs that open, and no handout for a REFER visit. */
class DocumentCommandsTest {

    @TempDir
    Path folder;

    @TempDir
    Path documents;

    @Test
    void theHandoutOfTheLatestVisitIsAPdfThatOpens() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Path out = documents.resolve("handout.pdf");

        Cli.Result result = Cli.run("handout", "--data-dir", folder.toString(), "--patient",
                seeded.zoe().id().toString(), "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("suggested programme").contains(out.toString());
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
            assertThat(new PDFTextStripper().getText(pdf)).contains("Zoë");
        }
        try (var files = Files.list(documents)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void theHandoutOfANamedVisitToo() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        List<Visit> visits = CliData.visits(folder, seeded.zoe());
        Path out = documents.resolve("first.pdf");

        Cli.Result result = Cli.run("handout", "--patient", seeded.zoe().id().toString(), "--visit",
                visits.get(0).id().toString(), "--out", out.toString(), "--data-dir=" + folder);

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains(visits.get(0).id().toString());
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
        }
    }

    @Test
    void aReferVisitGetsNoHandoutAndSaysWhy() {
        Patient ana = CliData.referred(folder);
        Path out = documents.resolve("handout.pdf");

        Cli.Result result = Cli.run("handout", "--data-dir", folder.toString(), "--patient", ana.id().toString(),
                "--out", out.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("no handout for visit ")
                .contains("red flag").doesNotContain("Ana");
        assertThat(out).doesNotExist();
    }

    @Test
    void theProgressReportIsAPdfThatOpens() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Path out = documents.resolve("report.pdf");

        Cli.Result result = Cli.run("--data-dir", folder.toString(), "report", "--patient",
                seeded.zoe().id().toString(), "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("4 visits");
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        CliData.Seeded seeded = CliData.seed(folder);
        Path out = documents.resolve("report.pdf");
        Files.writeString(out, "old");

        Cli.Result result = Cli.run("report", "--data-dir", folder.toString(), "--patient",
                seeded.li().id().toString(), "--out", out.toString());

        assertThat(result.code()).isZero();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
        }
    }
}
