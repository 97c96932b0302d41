/** Persistence for modules: one EclipseLink unit per module, its migrations, office scoping and the outbox. */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.countygrid.platform.data;
