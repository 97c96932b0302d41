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
 * exported packages use no internal one, domain code is plain Java and the bottom layer, REST, commands and
 * console panels go through the module's service, the platform knows no module, and modules know no channel.
 */
@AnalyzeClasses(packages = "org.countygrid", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The packages through which people and other systems reach a module. */
    private static final String[] CHANNELS = {
            "org.countygrid..internal.rest..", "org.countygrid..internal.command..", "org.countygrid..internal.console.."};

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("org.countygrid..internal.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.osgi..", "jakarta.persistence..", "javax.persistence..", "javax.ws.rs..",
                    "jakarta.ws.rs..", "org.apache.camel..", "org.eclipse.persistence..", "com.hazelcast..",
                    "javax.servlet..", "org.apache.karaf..")
            .because("internal.domain holds the business rules, testable without any framework");

    @ArchTest
    static final ArchRule domainIsTheBottomLayer = noClasses()
            .that().resideInAPackage("org.countygrid..internal.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.countygrid..internal.persistence..", "org.countygrid..internal.rest..",
                    "org.countygrid..internal.command..", "org.countygrid..internal.console..",
                    "org.countygrid..internal.route..")
            .because("the rules know nothing of how they are stored or reached");

    @ArchTest
    static final ArchRule apiUsesNoInternals = noClasses()
            .that().resideInAPackage("org.countygrid..").and().resideOutsideOfPackage("org.countygrid..internal..")
            .should().dependOnClassesThat().resideInAPackage("org.countygrid..internal..")
            .because("exported packages are all another bundle sees; an internal type in them would not resolve");

    @ArchTest
    static final ArchRule channelsUseOnlyTheService = noClasses()
            .that().resideInAnyPackage(CHANNELS)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.countygrid..internal.persistence..", "org.countygrid..internal.domain..",
                    "jakarta.persistence..", "javax.persistence..", "org.eclipse.persistence..")
            .because("REST, commands and console panels call the module's API or service, never its storage or rules");

    @ArchTest
    static final ArchRule channelsReachDataThroughTheService = noClasses()
            .that().resideInAnyPackage(CHANNELS).and().resideOutsideOfPackage("org.countygrid.platform.data..")
            .should().dependOnClassesThat().resideInAPackage("org.countygrid.platform.data..")
            .because("only the module's service opens transactions; platform-data's own commands are its service");

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
