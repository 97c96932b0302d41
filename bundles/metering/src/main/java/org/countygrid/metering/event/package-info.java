/** Events of the metering module, published through the outbox; each is a versioned record. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.metering.event;
