package org.countygrid.platform.cluster.internal.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.karaf.features.FeaturesService;
import org.countygrid.platform.api.health.ReadinessCheck;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an office profile: installs each of its module features once, as a feature of its own. A profile
 * feature does not depend on its modules, because county IT must be able to uninstall one module
 * (feature:uninstall countygrid-customers) while the profile stays; what was applied is remembered under
 * data/ so that a module removed by hand is not reinstalled at the next start.
 */
@Component(configurationPid = "org.countygrid.profile", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = OfficeProfileConfig.class)
public class OfficeProfileInstaller implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeProfileInstaller.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "countygrid-profile"));
    private final String profile;
    private volatile boolean applied;

    @Activate
    public OfficeProfileInstaller(@Reference FeaturesService features, OfficeProfileConfig config) {
        Path applied = Paths.get(System.getProperty("karaf.data", "data"), "countygrid", "profile-" + config.profile() + ".applied");
        // Never install features on the activation thread: it may be the feature deployment's own thread.
        this.profile = config.profile();
        executor.execute(() -> {
            try {
                apply(features, new ProfileLedger(applied), parse(config.features()), config.profile());
            } catch (RuntimeException e) {
                // the ledger unreadable or unwritable: the node must not stay "installing" for ever without a word
                LOG.error("Office profile {} could not be applied: {}", config.profile(), e.getMessage(), e);
            } finally {
                this.applied = true;
            }
        });
    }

    /** The node is not ready until its office profile's modules are installed (or failed, which is logged). */
    @Override
    public Optional<String> blocker() {
        return applied ? Optional.empty() : Optional.of("office profile " + profile + " is installing its modules");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    static List<String> parse(String features) {
        return List.of(features.split(",")).stream().map(String::trim).filter(s -> !s.isBlank()).toList();
    }

    static void apply(FeaturesService features, ProfileLedger ledger, List<String> wanted, String profile) {
        Set<String> done = ledger.read();
        for (String feature : wanted) {
            if (done.contains(feature)) {
                continue;
            }
            if (isInstalled(features, feature)) {
                // installed already, e.g. by the distribution's boot features: nothing to resolve again
                ledger.add(feature);
                continue;
            }
            try {
                LOG.info("Office profile {}: installing {}", profile, feature);
                features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
                ledger.add(feature);
            } catch (Exception e) {
                LOG.error("Office profile {}: could not install {}: {}", profile, feature, e.getMessage(), e);
            }
        }
    }

    private static boolean isInstalled(FeaturesService features, String name) {
        try {
            return java.util.Arrays.stream(features.listInstalledFeatures()).anyMatch(f -> f.getName().equals(name));
        } catch (Exception e) {
            return false;
        }
    }

    /** The features a profile has already installed on this node. */
    static final class ProfileLedger {
        private final Path file;

        ProfileLedger(Path file) {
            this.file = file;
        }

        Set<String> read() {
            try {
                return Files.exists(file) ? new LinkedHashSet<>(Files.readAllLines(file)) : new LinkedHashSet<>();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(String feature) {
            Set<String> all = read();
            all.add(feature);
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
