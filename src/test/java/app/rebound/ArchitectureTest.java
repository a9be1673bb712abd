package app.rebound;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.image.Image;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arrows of docs/architecture.md: app ──► ui ──► service ──► domain; service, cli ──► store,
 * handout, records ──► domain only; generated jOOQ code stays in store; no cycles between packages.
 * Inside ui: the shell (window, menus, navigator) wires the screens; each screen package depends on
 * the kit (shared widgets) and the services, never on another screen or on the shell; the kit knows
 * no screen; no cycles between any of ui's sub-packages.
 */
class ArchitectureTest {

    private static final String ROOT = "app.rebound";
    private static final String DOMAIN = "app.rebound.domain..";
    private static final String STORE = "app.rebound.store..";
    private static final String JOOQ = "app.rebound.store.jooq..";
    private static final String HANDOUT = "app.rebound.handout..";
    private static final String RECORDS = "app.rebound.records..";
    private static final String SERVICE = "app.rebound.service..";
    private static final String UI = "app.rebound.ui..";
    private static final String CLI = "app.rebound.cli..";
    private static final String APP = "app.rebound.app..";
    private static final String UI_KIT = "app.rebound.ui.kit..";
    private static final String UI_SHELL = "app.rebound.ui.shell..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theRulesSeeTheMainClassesAndNoTests() {
        assertThat(classes.contain("app.rebound.domain.Patient")).isTrue();
        assertThat(classes.contain("app.rebound.store.PatientStore")).isTrue();
        assertThat(classes.contain("app.rebound.store.jooq.Tables")).isTrue();
        assertThat(classes.contain("app.rebound.service.PatientService")).isTrue();
        assertThat(classes.contain("app.rebound.ui.shell.MainWindow")).isTrue();
        assertThat(classes.contain("app.rebound.app.Launcher")).isTrue();
        assertThat(classes.contain(ArchitectureTest.class)).isFalse();
        assertThat(classes.contain("app.rebound.domain.PatientFixture")).isFalse();
    }

    @Test
    void domainDependsOnNoOtherPartOfTheProgram() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(DOMAIN)))
                .check(classes);
    }

    @Test
    void domainIsPlainJava() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.jooq..", "java.sql..", "javax.sql..", "org.apache.pdfbox..", "org.h2..",
                        "org.flywaydb..")
                .check(classes);
    }

    @Test
    void domainDoesNoFileInputOrOutput() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat(resideInAPackage("java.nio.file..")
                        .or(resideInAPackage("java.io").and(simpleNameStartingWith("File")))
                        .or(resideInAPackage("java.io").and(simpleNameStartingWith("RandomAccessFile"))))
                .check(classes);
    }

    @ParameterizedTest(name = "{0} depends only on domain")
    @ValueSource(strings = {STORE, HANDOUT, RECORDS})
    void storeHandoutAndRecordsDependOnlyOnDomain(String layer) {
        noClasses().that().resideInAPackage(layer)
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(resideOutsideOfPackage(DOMAIN))
                        .and(resideOutsideOfPackage(layer)))
                .check(classes);
    }

    @Test
    void serviceRunsNoUiAndKnowsNoCaller() {
        noClasses().that().resideInAPackage(SERVICE)
                .should().dependOnClassesThat().resideInAnyPackage(UI, APP, CLI, "javafx..")
                .check(classes);
    }

    @Test
    void uiGoesThroughTheServices() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, RECORDS, HANDOUT, CLI, APP,
                        "org.jooq..", "org.h2..", "org.flywaydb..", "org.apache.pdfbox..")
                .check(classes);
    }

    @Test
    void uiTouchesNoSql() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotUseTheWindow() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(UI, "javafx..")
                .check(classes);
    }

    @Test
    void generatedJooqClassesStayInTheStore() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAPackage(JOOQ)
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.h2..", "org.flywaydb..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void everyReplaceByMoveGoesThroughTheOneAtomicFile() {
        // it forces the file and its folder to the disk, and never writes through a link (issue 18)
        noClasses().that().doNotHaveFullyQualifiedName("app.rebound.store.AtomicFile")
                .should().callMethod(Files.class, "move", Path.class,
                        Path.class, CopyOption[].class)
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("app.rebound.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void uiSubPackagesAreFreeOfCycles() {
        // the top-level slice rule sees ui as one slice; this one sees each screen, the kit and the shell
        slices().matching("app.rebound.ui.(*)..")
                .should().beFreeOfCycles()
                .because("a loop between ui packages (the shell importing every screen, a screen importing the"
                        + " shell) makes every screen part of every other, which issue 21 took apart")
                .check(classes);
    }

    @Test
    void everyUiClassLivesInTheShellTheKitOrAScreenPackage() {
        classes().that().resideInAPackage(UI)
                .should().resideOutsideOfPackage("app.rebound.ui")
                .because("a class directly in app.rebound.ui is outside every slice of the cycle rule above,"
                        + " so a loop through it would go unseen")
                .check(classes);
    }

    @Test
    void theKitKnowsNoScreenAndNoShell() {
        noClasses().that().resideInAPackage(UI_KIT)
                .should().dependOnClassesThat(resideInAPackage(UI).and(resideOutsideOfPackage(UI_KIT)))
                .because("the shared widgets are used by every screen; one that knew a screen would tie them"
                        + " all to it")
                .check(classes);
    }

    @Test
    void noScreenKnowsTheShell() {
        noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_SHELL)
                .should().dependOnClassesThat().resideInAPackage(UI_SHELL)
                .because("a screen asks the navigator (in the kit) to go somewhere; the shell wires the screens"
                        + " and must stay the only class that knows them all")
                .check(classes);
    }

    @Test
    void theShellShowsOnlyItsMainWindow() {
        classes().that().resideInAPackage(UI_SHELL).and().arePublic()
                .should().haveFullyQualifiedName("app.rebound.ui.shell.MainWindow")
                .because("the app starts the window through MainWindow alone; its frame, menus, navigator and what"
                        + " runs while the records are open are its parts, each in a file of its own beside it, not"
                        + " ways in from elsewhere")
                .check(classes);
    }

    @Test
    void screensDoNotKnowEachOther() {
        slices().matching("app.rebound.ui.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(UI_SHELL), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage(UI_KIT))
                .because("a screen that opened another by name would pull that screen's whole package in;"
                        + " screens go through the navigator and share only the kit")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage(APP)
                .should().dependOnClassesThat().resideInAPackage(APP)
                .check(classes);
    }

    @Test
    void viewModelsKnowNoNodesStagesNorToolkit() {
        // the visit form's sections are parts of its view model
        noClasses().that().resideInAPackage(UI).and().haveNameMatching(".*(ViewModel|visit\\.\\w+Section)(\\$.*)?")
                .should().dependOnClassesThat(resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.animation..", "javafx.application..", "javafx.concurrent..")
                        .and(not(equivalentTo(Image.class))))
                .because("a view model is unit-tested on the test's own thread without the JavaFX toolkit: it"
                        + " asks a TaskRunner to run work and Dialogs to show things, and leaves nodes, stages,"
                        + " animations and the JavaFX thread to its view (an Image is only data)")
                .check(classes);
    }
}
