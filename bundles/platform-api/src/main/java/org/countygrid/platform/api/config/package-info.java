/** What every module does with its configuration: a value that cannot be read or lies out of range is not used. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.countygrid.platform.api.config;
