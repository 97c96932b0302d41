package org.countygrid.platform.data.internal;

import java.util.regex.Pattern;

import javax.sql.DataSource;

/** What {@code data:info} shows: never a password. */
public record DatabaseDescription(String product, String productVersion, String url, String user, String pool) {

    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    static String withoutPassword(String url) {
        return url == null ? "" : PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** pax-jdbc-pool-hikaricp hands out a HikariDataSource; name it without depending on HikariCP. */
    static String poolOf(DataSource dataSource) {
        String type = dataSource.getClass().getName();
        if (!type.contains("hikari")) {
            return dataSource.getClass().getSimpleName();
        }
        try {
            Object max = dataSource.getClass().getMethod("getMaximumPoolSize").invoke(dataSource);
            return "HikariCP, max " + max + " connections";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "HikariCP";
        }
    }
}
