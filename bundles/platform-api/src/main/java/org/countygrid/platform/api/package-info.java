/** The platform's shared vocabulary: offices (tenants), account numbers, money, errors, paging, configuration placeholders. */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.countygrid.platform.api;
