/** Roles, the caller of a request, the role annotation every REST method and panel declares, and the staff directory. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.countygrid.platform.api.security;
