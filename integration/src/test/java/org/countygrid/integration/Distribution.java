package org.countygrid.integration;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** The real CountyGrid distribution as Pax Exam boots it. */
final class Distribution {

    private Distribution() {
    }

    /** The distribution with the test users of {@link TestUsers}. */
    static Option countyGrid() {
        return composite(bare(), TestUsers.option());
    }

    /** The distribution as shipped: no users at all. */
    static Option bare() {
        String zip = System.getProperty("countygrid.distribution");
        String localRepo = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + new File(zip).getAbsolutePath())
                        .name("CountyGrid")
                        .karafVersion("4.4.10")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                keepRuntimeFolder(),
                logLevel(LogLevel.INFO),
                // resolve everything offline from the local repository the build used
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true"),
                // AssertJ for the test code running inside the container
                mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("bytebuddy.version")),
                mavenBundle("org.assertj", "assertj-core", System.getProperty("assertj.version")),
                systemProperty("countygrid.it").value("true"),
                systemProperty("countygrid.version").value(System.getProperty("countygrid.version", "")));
    }
}
