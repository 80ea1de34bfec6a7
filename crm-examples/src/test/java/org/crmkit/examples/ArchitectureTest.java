package org.crmkit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction between modules (docs/architecture.md): crm-spi depends on nothing of ours,
 * crm-core and crm-jdbc-adapter depend on crm-spi only, and the adapter never on crm-core. Checked
 * here because this module has every library jar on its class path.
 */
@AnalyzeClasses(packages = "org.crmkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule spiDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.crmkit.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.core..", "org.crmkit.jdbc..",
                    "org.crmkit.tck..", "org.crmkit.examples..");

    @ArchTest
    static final ArchRule coreDependsOnTheSpiOnly = noClasses().that().resideInAPackage("org.crmkit.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.jdbc..", "org.crmkit.tck..",
                    "org.crmkit.examples..");

    @ArchTest
    static final ArchRule theAdapterNeverSeesTheDomain = noClasses().that().resideInAPackage("org.crmkit.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.core..", "org.crmkit.tck..",
                    "org.crmkit.examples..");

    @ArchTest
    static final ArchRule spiAndCoreUseNoJdbcJsonPersistenceOrLoggingBackend = noClasses()
            .that().resideInAnyPackage("org.crmkit.spi..", "org.crmkit.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml..",
                    "tools.jackson..", "jakarta.persistence..", "javax.persistence..", "ch.qos.logback..",
                    "org.apache.logging.log4j..", "org.slf4j.simple..", "org.h2..", "org.postgresql..");

    @ArchTest
    static final ArchRule theSpiDoesNotEvenLog = noClasses().that().resideInAPackage("org.crmkit.spi..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..");

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("org.crmkit.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.crmkit.(**)").should().beFreeOfCycles();
}
