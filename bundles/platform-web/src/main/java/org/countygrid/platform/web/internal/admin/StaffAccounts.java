package org.countygrid.platform.web.internal.admin;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.countygrid.platform.data.OfficeDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The login realm's user file for the {@code staff:} commands, found the way the first start finds it, and the
 * offices the database knows (platform-data's directory, when it runs), so that a mistyped office is refused.
 */
@Component(service = StaffAccounts.class)
public class StaffAccounts {

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile OfficeDirectory offices;

    @Activate
    public StaffAccounts(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> engines) {
        this.realms = List.copyOf(realms);
        this.engines = List.copyOf(engines);
    }

    /** The codes of the counties and stations the database knows; empty when the directory is not there to ask. */
    public Optional<List<String>> knownOffices() {
        OfficeDirectory directory = offices;
        return directory == null ? Optional.empty()
                : Optional.of(directory.list().stream().map(o -> o.code().value()).toList());
    }

    /** Empty when the realm has no user module Karaf can edit (an LDAP realm, say). */
    public Optional<UserAccounts> accounts() {
        return FirstAdminComponent.accounts(realms, engines);
    }
}
