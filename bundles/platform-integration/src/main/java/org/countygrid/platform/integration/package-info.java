/**
 * The node's Camel integration: the routes running in the "countygrid" context, the files they came from,
 * and the relay that publishes committed outbox events to {@code direct:<event type>} endpoints.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.countygrid.platform.integration;
