package org.crmkit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps crm-core framework-free (design rules, docs/architecture.md): no JDBC, no JSON library, no
 * persistence or web annotations, no logging backend, no package cycles, and the model never
 * logs.
 */
@AnalyzeClasses(packages = "org.crmkit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule noJdbc = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage is behind the SPI; only adapters speak JDBC");

    @ArchTest
    static final ArchRule noJsonLibrary = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml..", "tools.jackson..", "com.google.gson..", "jakarta.json..")
            .because("the domain is plain Java; JSON belongs to the edges");

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "org.springframework..",
                    "lombok..", "org.hibernate..", "jakarta.ws..", "jakarta.inject..");

    @ArchTest
    static final ArchRule noLoggingBackend = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "org.apache.logging.log4j..", "org.apache.log4j..",
                    "org.slf4j.simple..", "java.util.logging..");

    @ArchTest
    static final ArchRule theModelDoesNotLog = noClasses()
            .that().resideInAnyPackage("org.crmkit.core.customer..", "org.crmkit.core.common..", "org.crmkit.core.sales..",
                    "org.crmkit.core.service..", "org.crmkit.core.satisfaction..", "org.crmkit.core.loyalty..",
                    "org.crmkit.core.feedback..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..")
            .because("logging happens outside the model (docs/architecture.md)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.crmkit.core.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule jakartaValidationOnlyOnInboundCommands = noClasses()
            .that().resideInAnyPackage("org.crmkit.core.customer..", "org.crmkit.core.common..", "org.crmkit.core.sales..",
                    "org.crmkit.core.service..", "org.crmkit.core.satisfaction..", "org.crmkit.core.loyalty..",
                    "org.crmkit.core.feedback..")
            .and().doNotHaveFullyQualifiedName("org.crmkit.core.customer.RegisterCustomer")
            .should().dependOnClassesThat().resideInAPackage("jakarta..")
            .because("Jakarta annotations go on inbound command records, never on domain objects");

    @ArchTest
    static final ArchRule modelDoesNotReachTheEntryPoint = noClasses()
            .that().resideOutsideOfPackage("org.crmkit.core")
            .should().dependOnClassesThat().resideInAPackage("org.crmkit.core")
            .because("the root package holds only the Crm entry point, which depends on everything else");
}
