/** Text output of shell commands. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.shell;
