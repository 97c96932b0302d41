package org.countygrid.platform.api.security;

import java.util.List;
import java.util.Optional;

import org.countygrid.platform.api.OfficeCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The staff a module may give work to: the logins of an office that hold a role, as the login realm knows them
 * now (platform-web reads Karaf's user file). Users are added and removed while the node runs, so ask each time.
 */
@ProviderType
public interface StaffDirectory {

    /**
     * The logins of {@code office} that hold {@code role} (one of {@link Role}), sorted; empty when the login realm
     * cannot list its users (an LDAP realm, say), and then a name cannot be checked.
     */
    Optional<List<String>> holders(OfficeCode office, String role);
}
