/** Extension point for node readiness beyond "every installed feature is started". */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.countygrid.platform.api.health;
