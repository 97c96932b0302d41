package org.countygrid.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of DESIGN.md as rules that fail the build: no bundle uses another bundle's internal package,
 * domain code is plain Java, the platform knows no module, and modules know no channel.
 */
@AnalyzeClasses(packages = "org.countygrid", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("org.countygrid..internal.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.osgi..", "jakarta.persistence..", "javax.persistence..", "javax.ws.rs..",
                    "jakarta.ws.rs..", "org.apache.camel..", "org.eclipse.persistence..", "com.hazelcast..",
                    "javax.servlet..", "org.apache.karaf..")
            .because("internal.domain holds the business rules, testable without any framework");

    @ArchTest
    static final ArchRule noForeignInternals = noClasses()
            .should(new ArchCondition<JavaClass>("use an internal package of another bundle") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = Bundles.of(origin.getPackageName());
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("org.countygrid.") && target.contains(".internal")
                                && !Bundles.of(target).equals(own)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            })
            .because("bundles talk through exported API packages only");

    @ArchTest
    static final ArchRule platformKnowsNoModule = noClasses()
            .that().resideInAPackage("org.countygrid.platform..")
            .should().dependOnClassesThat(DescribedPredicate.describe("a module or channel class",
                    (JavaClass c) -> c.getPackageName().startsWith("org.countygrid.")
                            && !c.getPackageName().startsWith("org.countygrid.platform")))
            .because("arrows point down only: modules use the platform, never the reverse");

    @ArchTest
    static final ArchRule modulesKnowNoChannel = noClasses()
            .that().resideOutsideOfPackages("org.countygrid.channel..")
            .should().dependOnClassesThat().resideInAPackage("org.countygrid.channel..")
            .because("channel adapters use module APIs; no module knows any channel");

    /** Maps a package to the bundle that owns it: org.countygrid.platform.web.internal.x -> platform.web. */
    static final class Bundles {
        private Bundles() {
        }

        static String of(String pkg) {
            String rest = pkg.substring("org.countygrid.".length());
            int internal = rest.indexOf(".internal");
            String head = internal >= 0 ? rest.substring(0, internal) : rest;
            String[] parts = head.split("\\.");
            // platform bundles are two segments deep (platform.web), modules and channels one (customers)
            return parts[0].equals("platform") || parts[0].equals("channel") || parts[0].equals("protocol")
                    ? parts[0] + "." + (parts.length > 1 ? parts[1] : "")
                    : parts[0];
        }
    }
}
