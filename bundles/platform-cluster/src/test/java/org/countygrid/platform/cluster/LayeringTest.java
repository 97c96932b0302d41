package org.countygrid.platform.cluster;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's layering for this bundle. */
@AnalyzeClasses(packages = "org.countygrid", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("..internal.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.osgi..", "jakarta.persistence..", "javax.persistence..",
                    "javax.ws.rs..", "org.apache.camel..", "com.hazelcast..", "org.apache.karaf..");

    @ArchTest
    static final ArchRule NO_OTHER_BUNDLES_INTERNALS = noClasses().that().resideInAPackage("org.countygrid.platform.cluster..")
            .should().dependOnClassesThat(resideInAPackage("org.countygrid..internal..")
                    .and(resideOutsideOfPackage("org.countygrid.platform.cluster..")))
            .as("classes of platform-cluster use no other bundle's internal package");

    @ArchTest
    static final ArchRule API_DOES_NOT_USE_INTERNALS = noClasses().that().resideInAPackage("org.countygrid.platform.cluster")
            .should().dependOnClassesThat().resideInAPackage("org.countygrid.platform.cluster.internal..");
}
