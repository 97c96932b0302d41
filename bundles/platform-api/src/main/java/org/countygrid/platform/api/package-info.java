/** The platform's shared vocabulary: offices (tenants), account numbers, money, errors, paging, free text, office time, configuration placeholders. */
@org.osgi.annotation.versioning.Version("1.5.0")
package org.countygrid.platform.api;
