/**
 * Meter assets and their lifecycle, field work orders (装表/拆表/换表) and reading ingestion with validation (VEE)
 * of an office.
 */
@org.osgi.annotation.versioning.Version("2.4.0")
package org.countygrid.metering;
