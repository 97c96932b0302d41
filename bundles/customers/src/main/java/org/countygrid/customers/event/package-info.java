/** Events of the customers module, published through the outbox; each is a versioned record. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.countygrid.customers.event;
