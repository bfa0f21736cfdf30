package dev.shopstream.commons;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** commons' packages form no cycle, and its domain exceptions know nothing of HTTP (docs/architecture.md). */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.shopstream.commons");

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.shopstream.commons.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainExceptionsKnowNothingOfHttp() {
        noClasses().that().resideInAPackage("dev.shopstream.commons.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.shopstream.commons.problem..")
                .check(classes);
    }
}
