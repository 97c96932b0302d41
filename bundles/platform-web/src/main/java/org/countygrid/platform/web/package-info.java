/**
 * What platform-web lets other bundles replace: where console sessions are kept. platform-cluster registers a
 * cluster-wide {@link SessionStore} with a higher service ranking than the in-memory one of this bundle.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.countygrid.platform.web;
