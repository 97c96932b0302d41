/** Domain event base types; events are written to the outbox in the transaction of their change. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.event;
