/** The platform's shared vocabulary: offices (tenants), account numbers, money, errors, paging. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api;
