package org.countygrid.platform.data.internal;

import javax.sql.DataSource;

/** The databases every data test runs on; PostgreSQL runs are skipped when no server listens on 127.0.0.1:5432. */
enum Db {
    H2, POSTGRESQL;

    Open open() {
        if (this == H2) {
            DataSource ds = TestDatabases.h2();
            return new Open(ds, () -> TestDatabases.execute(ds, "SHUTDOWN"));
        }
        TestDatabases.PostgresSchema schema = TestDatabases.postgres();
        return new Open(schema.dataSource(), schema::close);
    }

    record Open(DataSource dataSource, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }
}
