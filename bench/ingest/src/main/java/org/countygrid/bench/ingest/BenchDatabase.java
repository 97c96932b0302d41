package org.countygrid.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.countygrid.metering.internal.StandaloneMetering;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.internal.DatabaseService;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database for one run, reached the way the distribution reaches it (the URL of its
 * {@code etc/org.ops4j.datasource-countygrid.cfg[.postgresql]} behind a HikariCP pool of 10), with the platform's and
 * the metering module's schema migrated by platform-data's {@link DatabaseService} when the unit opens.
 */
final class BenchDatabase implements AutoCloseable {

    static final String POSTGRES_DATABASE = "countygrid_bench";

    final String name;
    final String url;
    final HikariDataSource pool;
    final ModuleStore store;

    private BenchDatabase(String name, String url, DataSource driver) {
        this.name = name;
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setPoolName("countygrid");
        this.pool = new HikariDataSource(config);
        this.store = StandaloneMetering.open(new DatabaseService(pool));
    }

    /** An embedded H2 file database in {@code folder}, deleted first. */
    static BenchDatabase h2(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(folder);
        String url = "jdbc:h2:async:" + folder.toAbsolutePath().resolve("countygrid") + ";CACHE_SIZE=131072";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("countygrid");
        h2.setPassword("");
        return new BenchDatabase("H2", url, h2);
    }

    /** Database {@value #POSTGRES_DATABASE} on the server at {@code hostPort}, dropped and created again. */
    static BenchDatabase postgres(String hostPort, String user) throws SQLException {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL("jdbc:postgresql://" + hostPort + "/postgres");
        admin.setUser(user);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + POSTGRES_DATABASE);
            s.execute("create database " + POSTGRES_DATABASE);
        }
        String url = "jdbc:postgresql://" + hostPort + "/" + POSTGRES_DATABASE + "?reWriteBatchedInserts=true";
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(user);
        return new BenchDatabase("PostgreSQL", url, pg);
    }

    /**
     * Setup, not measured: {@code count} meters of the office, installed at accounts since {@code installedAt}, as
     * their install work orders would have left them (state, account, installation period).
     */
    List<String> installMeters(String office, int count, Instant installedAt) throws SQLException {
        List<String> barcodes = new ArrayList<>(count);
        LocalDateTime since = LocalDateTime.ofInstant(installedAt, ZoneOffset.UTC);
        try (Connection c = pool.getConnection();
                PreparedStatement meter = c.prepareStatement("insert into mtr_meter (office, barcode, asset_number,"
                        + " comm_address, phase, fee_control, manufacturer, accuracy_class, verified_on, state,"
                        + " account_number, delivery_batch, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                PreparedStatement installation = c.prepareStatement("insert into mtr_installation (office, barcode,"
                        + " account_number, installed_at) values (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String barcode = String.format("33010000000000%08d", i);
                String account = String.format("31%08d", i);
                barcodes.add(barcode);
                meter.setString(1, office);
                meter.setString(2, barcode);
                meter.setString(3, String.format("%s-B%06d", office, i));
                meter.setString(4, String.format("0000%08d", i));
                meter.setString(5, i % 10 == 0 ? "THREE" : "SINGLE");
                meter.setString(6, i % 10 == 0 ? "REMOTE" : "LOCAL");
                meter.setString(7, i % 2 == 0 ? "华立" : "威胜");
                meter.setString(8, i % 10 == 0 ? "1" : "2");
                meter.setObject(9, since.toLocalDate().minusDays(7));
                meter.setString(10, "INSTALLED");
                meter.setString(11, account);
                meter.setString(12, "B-BENCH");
                meter.addBatch();
                installation.setString(1, office);
                installation.setString(2, barcode);
                installation.setString(3, account);
                installation.setObject(4, since);
                installation.addBatch();
            }
            meter.executeBatch();
            installation.executeBatch();
            c.commit();
        }
        return barcodes;
    }

    long count(String table) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Between the runs: the readings go, and both databases write their dirty pages out before the clock starts. */
    void execute(String... sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            pool.close();
        }
    }
}
