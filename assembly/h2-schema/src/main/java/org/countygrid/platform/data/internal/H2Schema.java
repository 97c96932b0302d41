package org.countygrid.platform.data.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Builds the embedded H2 database a new node starts from: the platform's changelog and every module's, migrated as
 * platform-data migrates them at a start (Liquibase, then the changelog's digest in {@code cg_changelog_digest}), so
 * that the node's first start finds each changelog applied and does not run Liquibase at all. It sits in
 * platform-data's internal package, on the class path only, to use {@link SchemaMigration} as the bundle does.
 */
public final class H2Schema {

    /** Every changelog of the distribution's default office profile, the platform's first. */
    static final List<String> CHANGELOGS = List.of(DatabaseService.PLATFORM_CHANGELOG, "db/changelog/customers.xml",
            "db/changelog/metering.xml");

    /** The user of etc/org.ops4j.datasource-countygrid.cfg; H2 makes the creator of a database its administrator. */
    static final String USER = "countygrid";

    private H2Schema() {
    }

    /** {@code args[0]}: the database path without {@code .mv.db}; an existing file there is replaced. */
    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(base.getParent());
        Files.deleteIfExists(Path.of(base + ".mv.db"));
        Files.deleteIfExists(Path.of(base + ".trace.db"));
        migrate(dataSource(base));
        // the same file opened again must find every changelog applied: what a node's first start checks
        SchemaMigration check = new SchemaMigration(dataSource(base));
        for (String changelog : CHANGELOGS) {
            if (check.migrate(changelog, "h2-schema", resources())) {
                throw new IllegalStateException(changelog + " ran again on the built database");
            }
        }
        // what H2 logged of the first migration's probes for tables that did not exist yet
        Files.deleteIfExists(Path.of(base + ".trace.db"));
        System.out.println("H2 schema with " + CHANGELOGS + " in " + base + ".mv.db (" + Files.size(Path.of(base + ".mv.db"))
                + " bytes)");
    }

    static void migrate(JdbcDataSource dataSource) {
        SchemaMigration migration = new SchemaMigration(dataSource);
        for (String changelog : CHANGELOGS) {
            migration.migrate(changelog, "h2-schema", resources());
        }
    }

    static JdbcDataSource dataSource(Path base) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + base);
        h2.setUser(USER);
        h2.setPassword("");
        return h2;
    }

    private static ClassLoaderResourceAccessor resources() {
        return new ClassLoaderResourceAccessor(H2Schema.class.getClassLoader());
    }
}
