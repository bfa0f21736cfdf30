package dev.shopstream.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md, checked on a service's compiled main classes: nothing depends on
 * {@code api}; the domain (every package but {@code api}, the root, which holds the JAX-RS application, and the
 * clients of other services, whose Rest Client interfaces are HTTP too) does not use JAX-RS; {@code events}, the
 * published contracts, uses no other package of the service; and the packages form no cycle.
 */
public final class ServiceShape {

    private ServiceShape() {
    }

    /**
     * @param clientPackages the service's clients of other services (e.g. orders' {@code catalog}), by their name
     *                       under {@code rootPackage}; they keep the other service's HTTP types to themselves
     */
    public static void check(String rootPackage, String... clientPackages) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        String api = rootPackage + ".api..";
        noClasses().that().resideOutsideOfPackage(api)
                .should().dependOnClassesThat().resideInAPackage(api)
                .because("the api layer is the edge: the domain never depends on it")
                .check(classes);
        List<String> edges = new ArrayList<>(List.of(api, rootPackage));
        Arrays.stream(clientPackages).map(client -> rootPackage + "." + client + "..").forEach(edges::add);
        noClasses().that().resideOutsideOfPackages(edges.toArray(String[]::new))
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
