/** The platform's shared vocabulary: offices (tenants), account numbers, money, errors, paging, free text, configuration placeholders. */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.countygrid.platform.api;
