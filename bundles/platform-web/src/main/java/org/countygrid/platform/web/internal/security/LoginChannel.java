package org.countygrid.platform.web.internal.security;

import javax.security.auth.callback.Callback;

/**
 * Asked of a login's callback handler by {@link NodeLoginModule}: the REST API's login ({@link JaasAuthenticator})
 * answers that it is the web, which keeps its own lockout and serves every office; the shell's SSH and JMX logins
 * know nothing of it (their handlers refuse it) and are held to the node's rules.
 */
public final class LoginChannel implements Callback {

    private boolean web;

    public void web() {
        this.web = true;
    }

    public boolean isWeb() {
        return web;
    }
}
