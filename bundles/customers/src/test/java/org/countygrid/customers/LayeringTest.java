package org.countygrid.customers;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module's layers as DESIGN.md draws them; the build fails when code crosses one. */
@AnalyzeClasses(packages = "org.countygrid.customers", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..internal.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.osgi..", "jakarta.persistence..",
                    "javax.persistence..", "javax.ws.rs..", "org.apache.camel..", "org.eclipse.persistence..",
                    "..internal.persistence..", "..internal.rest..", "..internal.command..", "..internal.console..");

    @ArchTest
    static final ArchRule apiIsSelfContained = noClasses().that().resideInAnyPackage("org.countygrid.customers",
            "org.countygrid.customers.event").should().dependOnClassesThat().resideInAPackage("..internal..");

    @ArchTest
    static final ArchRule channelsUseOnlyTheService = noClasses().that()
            .resideInAnyPackage("..internal.rest..", "..internal.command..", "..internal.console..")
            .should().dependOnClassesThat().resideInAnyPackage("..internal.persistence..", "..internal.domain..",
                    "jakarta.persistence..", "org.countygrid.platform.data..");

    @ArchTest
    static final ArchRule noOtherBundlesInternals = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.countygrid..internal..").and(resideOutsideOfPackage("org.countygrid.customers..")));
}
