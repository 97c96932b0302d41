/** Marker for JAX-RS resources that platform-web publishes under /api. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.rest;
