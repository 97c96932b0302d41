package org.countygrid.platform.web.internal.console;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the console shell's static files (src/main/resources/console/shell/) under /console/ through the HTTP
 * whiteboard. Panels of modules register the longer /console/panels/&lt;id&gt;/* patterns, which win.
 */
@Component(service = ConsoleShellResources.class, property = {
        "osgi.http.whiteboard.resource.pattern=/console/*",
        "osgi.http.whiteboard.resource.prefix=/console/shell" })
public final class ConsoleShellResources {
}
