package org.countygrid.platform.api.console;

import java.util.Set;

import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One panel of the staff console, registered as an OSGi service by the module that owns it. The console
 * lists the panels registered right now, shows those the user may see, and loads {@link #script()} (an ES
 * module exporting {@code render(element, context)}) when the panel is opened.
 */
@ConsumerType
public interface ConsolePanel {

    /** Stable id, also the URL fragment: {@code #/customers}. */
    String id();

    /** Navigation title in Chinese (shown first). */
    String titleZh();

    String titleEn();

    /** Roles of which the user needs one to see the panel. */
    Set<String> roles();

    /** Absolute URL path of the panel's ES module, served by the module itself. */
    String script();

    /** Position in the navigation, lower first. */
    default int order() {
        return 100;
    }

    /**
     * Whether the user sees the panel: by default one of {@link #roles()}. A panel of the node's own plumbing (its
     * routes) also asks for the user's office to be the one the node serves; a module's panel shows every office its
     * own data, which its REST resources scope.
     */
    default boolean visibleTo(Caller caller) {
        return roles().stream().anyMatch(caller.roles()::contains);
    }
}
