/** Marker for JAX-RS resources that platform-web publishes under /api, and what they share ({@link org.countygrid.platform.api.rest.IfMatch}). */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.countygrid.platform.api.rest;
