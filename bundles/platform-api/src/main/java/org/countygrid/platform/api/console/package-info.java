/** Extension point for the staff console: a module registers one {@link ConsolePanel} per panel. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.console;
