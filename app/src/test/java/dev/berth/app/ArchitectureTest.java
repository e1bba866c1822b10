package dev.berth.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The line between plain Java and JavaFX: the lower modules and every ViewModel stay testable
 * without a display, and the command line starts without loading JavaFX. And what ships: no
 * benchmark or tour code in the app.
 */
class ArchitectureTest {
    private static final JavaClasses BERTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
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
}
