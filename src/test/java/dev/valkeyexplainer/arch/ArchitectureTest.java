package dev.valkeyexplainer.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way: app → shell → concept framework → valkey / anim / db, and each concept
 * package (concepts.<id>) depends only on the framework and the layers under it — never on the
 * shell, the app, or another concept. Only the app's catalog knows the concepts.
 */
class ArchitectureTest {

    private static final String BASE = "dev.valkeyexplainer";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void theShellDoesNotKnowTheAppOrAnyConcept() {
        noClasses().that().resideInAPackage(BASE + ".shell..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".concepts..")
                .check(classes);
    }

    @Test
    void theConceptFrameworkDoesNotKnowTheShellTheAppOrAnyConcept() {
        noClasses().that().resideInAPackage(BASE + ".concept..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".shell..", BASE + ".concepts..")
                .check(classes);
    }

    @Test
    void conceptsDoNotKnowTheShellOrTheApp() {
        noClasses().that().resideInAPackage(BASE + ".concepts..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".shell..")
                .check(classes);
    }

    @Test
    void conceptsDoNotKnowEachOther() {
        slices().matching(BASE + ".concepts.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theLowerLayersKnowNothingAboveThem() {
        noClasses().that().resideInAnyPackage(BASE + ".valkey..", BASE + ".anim..", BASE + ".db..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".app..", BASE + ".shell..", BASE + ".concept..",
                        BASE + ".concepts..")
                .check(classes);
    }
}
