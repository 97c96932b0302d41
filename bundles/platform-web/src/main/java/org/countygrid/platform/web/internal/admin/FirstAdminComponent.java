package org.countygrid.platform.web.internal.admin;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.web.internal.security.JaasAuthenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link FirstAdmin} once the node knows its office: finds the "karaf" realm's user module and the
 * backing engine Karaf provides for it, with the realm's own options (users file, encryption), the way
 * {@code jaas:useradd} does.
 */
@Component(immediate = true, service = {})
public final class FirstAdminComponent {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminComponent.class);
    private static final String PUBLIC_KEY_MODULE = "org.apache.karaf.jaas.modules.publickey.PublickeyLoginModule";

    @Activate
    public FirstAdminComponent(@Reference NodeIdentity node,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> engines) {
        // DS may activate this component again while a first activation still writes users.properties (a realm
        // or engine factory arriving re-binds its static references); two backing engines writing the file at
        // once corrupted it once in testing, so creation is serialized and re-checked under the lock
        synchronized (FirstAdminComponent.class) {
            Optional<UserAccounts> accounts = accounts(realms, engines);
            if (accounts.isEmpty()) {
                LOG.warn("The JAAS realm '{}' has no user module Karaf can edit; no first user is created", JaasAuthenticator.KARAF_REALM);
                return;
            }
            FirstAdmin first = new FirstAdmin(accounts.get(), Optional.ofNullable(System.getenv(FirstAdmin.PASSWORD_VARIABLE)),
                    Path.of(System.getProperty("karaf.data", "data")), new SecureRandom());
            try {
                FirstAdmin.Outcome outcome = first.ensureAdmin(node.office());
                switch (outcome.source()) {
                    case ENVIRONMENT -> LOG.info("First start: created the user '{}' of office {} with the password from {}",
                            FirstAdmin.USER, node.office(), FirstAdmin.PASSWORD_VARIABLE);
                    case FILE -> {
                        if (outcome.refused() != null) {
                            LOG.error("First start: {}; the user '{}' got a random password instead", outcome.refused(),
                                    FirstAdmin.USER);
                        }
                        LOG.warn("First start: created the user '{}' of office {}; its password is in {} (readable by "
                                + "the owner only). Log in, change it, and delete the file.", FirstAdmin.USER, node.office(),
                                outcome.passwordFile());
                    }
                    default -> LOG.debug("Users exist; no first user created");
                }
            } catch (RuntimeException e) {
                LOG.error("First start: cannot create the user '{}': {}", FirstAdmin.USER, e.getMessage(), e);
            }
        }
    }

    static Optional<UserAccounts> accounts(List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        Optional<JaasRealm> realm = realms.stream()
                .filter(r -> JaasAuthenticator.KARAF_REALM.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
        if (realm.isEmpty()) {
            return Optional.empty();
        }
        for (AppConfigurationEntry entry : realm.get().getEntries()) {
            Map<String, ?> options = entry.getOptions();
            Object module = options.get(ProxyLoginModule.PROPERTY_MODULE);
            if (PUBLIC_KEY_MODULE.equals(module)) {
                continue; // ssh keys, not passwords
            }
            for (BackingEngineFactory factory : engines) {
                if (factory.getModuleClass().equals(module)) {
                    if (factory.build(options) != null) {
                        // a fresh engine reads the file afresh: BackingEngineAccounts reads back what it wrote
                        JaasAuthenticator login = new JaasAuthenticator(JaasAuthenticator.KARAF_REALM);
                        return Optional.of(new BackingEngineAccounts(() -> factory.build(options),
                                AtomicUserFile.of(options, factory::build),
                                Boolean.parseBoolean(String.valueOf(options.get("encryption.enabled"))), login::rejects));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
