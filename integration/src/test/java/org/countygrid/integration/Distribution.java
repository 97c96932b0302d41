package org.countygrid.integration;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
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

    static final String KARAF_VERSION = "4.4.10";

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
                        .karafVersion(KARAF_VERSION)
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                javaModuleOptions(),
                configureConsole().ignoreLocalConsole(),
                keepRuntimeFolder(),
                logLevel(LogLevel.INFO),
                // resolve everything offline from the local repository the build used
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.offline", "true"),
                // a meter's clock may run up to 15 min ahead (default 5): MeteringFieldTests reads a meter installed a
                // moment before at the next quarter hour, the first time an interval reading of it can be taken
                editConfigurationFilePut("etc/org.countygrid.metering.cfg", "futureToleranceMinutes", "15"),
                // AssertJ for the test code running inside the container
                mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("bytebuddy.version")),
                mavenBundle("org.assertj", "assertj-core", System.getProperty("assertj.version")),
                systemProperty("countygrid.it").value("true"),
                systemProperty("countygrid.version").value(System.getProperty("countygrid.version", "")));
    }

    /**
     * The module options bin/karaf starts the JVM with and Pax Exam's launcher leaves out: without Karaf's XML spec
     * locator patched into java.base and java.xml, every bundle resolution logged a NoClassDefFoundError of
     * OsgiLocator, and XML factories were looked up differently than in the shipped distribution. Relative paths:
     * Pax Exam starts the JVM in the unpacked distribution.
     */
    private static Option javaModuleOptions() {
        return composite(
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module"), vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar"),
                vmOption("--patch-module"), vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar"),
                vmOption("--add-opens"), vmOption("java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                vmOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                vmOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
                vmOption("--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"));
    }
}
