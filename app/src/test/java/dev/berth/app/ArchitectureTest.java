package dev.berth.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.berth.engine.deploy.Job;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The line between plain Java and JavaFX: the lower modules and every ViewModel stay testable
 * without a display, and the command line starts without loading JavaFX. Also where the deploy's
 * jobs live, that the engine's packages depend on each other one way only, and what ships: no
 * benchmark or tour code in the app.
 */
class ArchitectureTest {
    private static final Pattern TEST_JARS = Pattern.compile(".*-tests\\.jar.*");
    private static final JavaClasses BERTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The other modules' test fixtures reach app's tests as *-tests.jar, which the option above does not know.
            .withImportOption(location -> !location.matches(TEST_JARS))
            .importPackages("dev.berth");

    @Test
    void theLowerModulesDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("dev.berth.catalog..", "dev.berth.answers..", "dev.berth.plan..",
                        "dev.berth.render..", "dev.berth.secrets..", "dev.berth.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("service-catalog, compose-templates and engine are plain Java, usable by the CLI and tested without a display")
                .check(BERTH);
    }

    @Test
    void viewModelsAndTheWizardModelDoNotTouchTheScene() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("dev.berth.wizardsteps.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                        "atlantafx..", "org.controlsfx..")
                .because("ViewModels hold state and validation only, so they are tested without a display (STYLE.md, MVVM)")
                .check(BERTH);
    }

    @Test
    void theShippedAppCarriesNoBenchmarkOrTourCode() {
        noClasses().should().resideInAnyPackage("dev.berth.app.bench..", "dev.berth.app.gui.tour..", "dev.berth.tools..")
                .because("benchmarks and the screenshot tour live in tools/, which the installers do not package; "
                        + "the app's classes are what they ship")
                .check(BERTH);
    }

    @Test
    void theCommandLineDoesNotLoadJavaFx() {
        noClasses().that().resideInAPackage("dev.berth.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("berth render / check start in well under a second; loading JavaFX would cost that")
                .check(BERTH);
    }

    @Test
    void everyDeployJobLivesWithTheDeployment() {
        classes().that().implement(Job.class)
                .should().resideInAPackage("dev.berth.engine.deploy")
                .because("the deploy's jobs, the Deployment that runs them and the JobContext they report through are one package "
                        + "(docs/architecture.md, Deployment)")
                .check(BERTH);
    }

    @Test
    void theEnginesPackagesHaveNoCycles() {
        slices().matching("dev.berth.engine.(*)..")
                .should().beFreeOfCycles()
                .because("targets, checks, health, NPM and the stack folder sit below the deploy, which uses them all")
                .check(BERTH);
    }
}
