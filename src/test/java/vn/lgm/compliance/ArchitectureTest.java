package vn.lgm.compliance;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The plan of the house (docs/ARCHITECTURE.md): adapters → wings → texts → engine → contract, read from the compiled
 * classes. A class may use what lies below it, never what lies above; the three wings never use each other; the
 * services of the wings hold no JAX-RS types (resources are adapters, in {@code api}).
 */
class ArchitectureTest {

    private static final String ROOT = "vn.lgm.compliance";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void layersUseOnlyWhatLiesBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("adapters").definedBy(ROOT + ".api..", ROOT + ".cli..")
                .layer("investor").definedBy(ROOT + ".investor..")
                .layer("lawyer").definedBy(ROOT + ".lawyer..")
                .layer("regulator").definedBy(ROOT + ".regulator..")
                .layer("texts").definedBy(ROOT + ".texts..")
                .layer("engine").definedBy(ROOT + ".engine..")
                .layer("contract").definedBy(ROOT + ".contract..")
                .whereLayer("adapters").mayNotBeAccessedByAnyLayer()
                .whereLayer("investor").mayOnlyBeAccessedByLayers("adapters")
                .whereLayer("lawyer").mayOnlyBeAccessedByLayers("adapters")
                .whereLayer("regulator").mayOnlyBeAccessedByLayers("adapters")
                .whereLayer("texts").mayOnlyBeAccessedByLayers("adapters", "investor", "lawyer", "regulator")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("adapters", "investor", "lawyer", "regulator", "texts")
                .whereLayer("contract").mayOnlyBeAccessedByLayers("adapters", "investor", "lawyer", "regulator", "texts", "engine")
                .check(MAIN);
    }

    @Test
    void everyClassLivesInARoomOfThePlan() {
        noClasses().should().resideOutsideOfPackages(ROOT + ".api..", ROOT + ".cli..", ROOT + ".investor..",
                        ROOT + ".lawyer..", ROOT + ".regulator..", ROOT + ".texts..", ROOT + ".engine..", ROOT + ".contract..")
                .check(MAIN);
    }

    @Test
    void theWingsDoNotUseEachOther() {
        slices().matching(ROOT + ".(investor|lawyer|regulator)..").should().notDependOnEachOther().check(MAIN);
    }

    @Test
    void theAdaptersDoNotUseEachOther() {
        slices().matching(ROOT + ".(api|cli)..").should().notDependOnEachOther().check(MAIN);
    }

    @Test
    void noPackageCyclesInsideARoom() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void onlyAdaptersSpeakHttp() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(MAIN);
    }
}
