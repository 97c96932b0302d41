/** Roles, the caller of a request and the role annotation every REST method and panel declares. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.security;
