package org.countygrid.platform.data.internal;

import java.util.regex.Pattern;

import javax.sql.DataSource;

/** What {@code data:info} shows: never a password. */
public record DatabaseDescription(String product, String productVersion, String url, String user, String pool) {

    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    static String withoutPassword(String url) {
        if (url == null) {
            return "";
        }
        String clean = PASSWORD.matcher(url).replaceAll("$1***");
        int query = clean.indexOf('?');
        if (query < 0 || clean.length() <= 160) {
            return clean;
        }
        // PostgreSQL's driver answers its URL with every connection property it knows appended (1,500 characters in
        // data:info, probe): the address and how many properties, not the list
        int properties = clean.substring(query + 1).split("&").length;
        return clean.substring(0, query) + " (and " + properties + " connection properties)";
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
