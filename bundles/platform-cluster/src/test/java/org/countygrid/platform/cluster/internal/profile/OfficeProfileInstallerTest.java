package org.countygrid.platform.cluster.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeProfileInstallerTest {

    @TempDir
    Path data;

    private final List<String> installed = new ArrayList<>();
    private final List<String> alreadyInstalled = new ArrayList<>();

    private static org.apache.karaf.features.Feature feature(String name) {
        return (org.apache.karaf.features.Feature) Proxy.newProxyInstance(OfficeProfileInstallerTest.class.getClassLoader(),
                new Class<?>[] { org.apache.karaf.features.Feature.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getName")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Records installFeature(name, options) calls; fails for a feature named "broken". */
    private FeaturesService features() {
        return (FeaturesService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { FeaturesService.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("listInstalledFeatures")) {
                        return alreadyInstalled.stream().map(OfficeProfileInstallerTest::feature).toArray(org.apache.karaf.features.Feature[]::new);
                    }
                    if (method.getName().equals("installFeature")) {
                        if ("broken".equals(args[0])) {
                            throw new IllegalStateException("no such feature");
                        }
                        installed.add((String) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void installsEachModuleOnceAndRemembersIt() {
        var ledger = new OfficeProfileInstaller.ProfileLedger(data.resolve("countygrid/profile-all.applied"));

        OfficeProfileInstaller.apply(features(), ledger, List.of("countygrid-customers", "countygrid-metering"), "all");
        OfficeProfileInstaller.apply(features(), ledger, List.of("countygrid-customers", "countygrid-metering"), "all");

        assertThat(installed).containsExactly("countygrid-customers", "countygrid-metering");
        assertThat(ledger.read()).containsExactly("countygrid-customers", "countygrid-metering");
    }

    @Test
    void aModuleUninstalledByHandIsNotReinstalledButANewProfileMemberIs() {
        var ledger = new OfficeProfileInstaller.ProfileLedger(data.resolve("p.applied"));
        ledger.add("countygrid-customers");

        OfficeProfileInstaller.apply(features(), ledger, List.of("countygrid-customers", "countygrid-cards"), "all");

        assertThat(installed).containsExactly("countygrid-cards");
    }

    @Test
    void aFailedInstallIsRetriedAtTheNextStartAndDoesNotStopTheOthers() {
        var ledger = new OfficeProfileInstaller.ProfileLedger(data.resolve("p.applied"));

        OfficeProfileInstaller.apply(features(), ledger, List.of("broken", "countygrid-customers"), "all");

        assertThat(installed).containsExactly("countygrid-customers");
        assertThat(ledger.read()).containsExactly("countygrid-customers");
    }

    @Test
    void aModuleTheBootFeaturesInstalledIsRecordedWithoutInstallingItAgain() {
        var ledger = new OfficeProfileInstaller.ProfileLedger(data.resolve("p.applied"));
        alreadyInstalled.add("countygrid-customers");

        OfficeProfileInstaller.apply(features(), ledger, List.of("countygrid-customers", "countygrid-cards"), "all");

        assertThat(installed).containsExactly("countygrid-cards");
        assertThat(ledger.read()).containsExactly("countygrid-customers", "countygrid-cards");
    }

    @Test
    void parsesTheFeatureList() {
        assertThat(OfficeProfileInstaller.parse(" countygrid-customers , countygrid-cards,,")).containsExactly("countygrid-customers", "countygrid-cards");
    }
}
