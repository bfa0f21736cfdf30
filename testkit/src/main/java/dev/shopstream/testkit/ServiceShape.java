package dev.shopstream.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md, checked on a service's compiled main classes: nothing depends on
 * {@code api}; the domain (every package but {@code api} and the root, which holds the JAX-RS application) does not
 * use JAX-RS; {@code events}, the published contracts, uses no other package of the service; and the packages
 * form no cycle.
 */
public final class ServiceShape {

    private ServiceShape() {
    }

    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        String api = rootPackage + ".api..";
        noClasses().that().resideOutsideOfPackage(api)
                .should().dependOnClassesThat().resideInAPackage(api)
                .because("the api layer is the edge: the domain never depends on it")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(api, rootPackage)
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("HTTP stays in the api layer: the domain speaks in domain exceptions and types")
                .check(classes);
        String events = rootPackage + ".events..";
        noClasses().that().resideInAPackage(events)
                .should().dependOnClassesThat(resideInAPackage(rootPackage + "..").and(not(resideInAPackage(events))))
                .because("the published contracts carry no domain type; use cases map to them")
                .allowEmptyShould(true)
                .check(classes);
        slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }
}
