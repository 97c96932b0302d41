package org.countygrid.platform.web.internal.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.countygrid.platform.api.NodeIdentity;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.web.internal.rest.LoginRecords;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The login realm {@code countygrid} of the node's shell and JMX ({@code sshRealm} and {@code jmxRealm} in etc/):
 * Karaf's realm {@code karaf} (its modules and options unchanged, so users, passwords, keys, encryption and audit
 * are Karaf's) between the two entries of {@link NodeLoginModule} — the lockout shared with the web, and the rule that
 * the shell is for the staff of the node's office. A realm of its own, not {@code karaf} ranked higher: while this
 * bundle is not active (the node starting, platform-web restarted) there is no realm of that name and the shell's
 * and JMX's logins fail — closed, not Karaf's realm without the node's rules. The web logs in to {@code karaf}.
 */
@Component(service = JaasRealm.class, property = NodeRealm.MARK + "=true")
public class NodeRealm implements JaasRealm {

    public static final String NAME = "countygrid";
    static final String MARK = "countygrid.realm";
    static final int RANK = 0;

    private final long bundleId;
    private final LoginRecords logins;
    private final List<JaasRealm> karaf = new CopyOnWriteArrayList<>();
    private final TypedPasswords typed = new TypedPasswords(java.time.Clock.systemUTC());

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NodeIdentity node;

    @Activate
    public NodeRealm(BundleContext context, @Reference LoginRecords logins) {
        this.bundleId = context.getBundle().getBundleId();
        this.logins = logins;
    }

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(!(" + MARK + "=true))")
    void addRealm(JaasRealm realm) {
        karaf.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        karaf.remove(realm);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        Optional<JaasRealm> base = karaf.stream().filter(r -> JaasAuthenticator.KARAF_REALM.equals(r.getName()))
                .max(Comparator.comparingInt(JaasRealm::getRank));
        List<AppConfigurationEntry> entries = new ArrayList<>();
        entries.add(entry("lock", LoginModuleControlFlag.REQUISITE));
        base.ifPresent(realm -> entries.addAll(List.of(realm.getEntries())));
        entries.add(entry("office", LoginModuleControlFlag.REQUIRED));
        return entries.toArray(AppConfigurationEntry[]::new);
    }

    private AppConfigurationEntry entry(String mode, LoginModuleControlFlag flag) {
        Supplier<Optional<OfficeCode>> office = () -> Optional.ofNullable(node).map(NodeIdentity::office);
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, NodeLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(bundleId));
        options.put(NodeLoginModule.MODE, mode);
        options.put(NodeLoginModule.LOCKOUT, logins.lockout());
        options.put(NodeLoginModule.NODE_OFFICE, office);
        options.put(NodeLoginModule.TYPED, typed);
        return new AppConfigurationEntry(ProxyLoginModule.class.getName(), flag, options);
    }
}
