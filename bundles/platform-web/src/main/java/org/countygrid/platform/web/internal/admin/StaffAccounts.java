package org.countygrid.platform.web.internal.admin;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/** The login realm's user file for the {@code staff:} commands, found the way the first start finds it. */
@Component(service = StaffAccounts.class)
public class StaffAccounts {

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;

    @Activate
    public StaffAccounts(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> engines) {
        this.realms = List.copyOf(realms);
        this.engines = List.copyOf(engines);
    }

    /** Empty when the realm has no user module Karaf can edit (an LDAP realm, say). */
    public Optional<UserAccounts> accounts() {
        return FirstAdminComponent.accounts(realms, engines);
    }
}
