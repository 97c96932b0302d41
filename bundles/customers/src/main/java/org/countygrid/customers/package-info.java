/** Customer accounts (户号), their premises, transformer areas (台区) and supply stations (供电所) of an office. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.countygrid.customers;
