import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * Plain JDBC inserts into H2 of rows shaped like mtr_reading (with the surrogate id it had until changeset
 * metering-7, whose values only ever append), in the ingest bench's order (batches of one hour of
 * 1,250 meters out of 20,000, one commit per 5,000 rows), with the unique key in one of two column orders:
 * {@code series} = (office, barcode, kind, register, read_at), the shipped one, which every per-meter read uses;
 * {@code time} = (office, read_at, barcode, kind, register), where each batch lands at the end of the index.
 * Shows how much of H2's insert cost is the copy-on-write B-tree rewriting pages all over the key space.
 * Run (see bench/README.md): java -Xmx1g -XX:+UseG1GC -cp h2-2.2.224.jar bench/h2/H2KeyOrder.java URL ROWS series|time
 */
public class H2KeyOrder {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int total = Integer.parseInt(args[1]);
        String key = args[2].equals("time") ? "office, read_at, barcode, kind, register"
                : "office, barcode, kind, register, read_at";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create sequence mtr_reading_seq");
                s.execute("create table mtr_reading (id bigint default next value for mtr_reading_seq primary key,"
                        + " office varchar(12) not null, barcode varchar(22) not null, kind varchar(12) not null,"
                        + " register varchar(8) not null, read_at timestamp not null, value_hundredths bigint not null,"
                        + " status varchar(10) not null, reason varchar(20), flags varchar(60), ingested_at timestamp not null)");
                s.execute("alter table mtr_reading add constraint mtr_reading_key_uk unique (" + key + ")");
            }
            c.setAutoCommit(false);
            int meters = 20_000;
            int slice = 1_250;
            LocalDateTime t0 = LocalDateTime.of(2026, 1, 1, 0, 0);
            long start = System.nanoTime();
            long last = start;
            int done = 0;
            try (PreparedStatement ps = c.prepareStatement("insert into mtr_reading (office, barcode, kind, register,"
                    + " read_at, value_hundredths, status, reason, flags, ingested_at) values (?,?,?,?,?,?,?,?,?,?)")) {
                for (int hour = 0; done < total; hour++) {
                    for (int first = 0; first < meters && done < total; first += slice) {
                        for (int m = first; m < first + slice; m++) {
                            String barcode = String.format("33990000000000%08d", m);
                            for (int q = 0; q < 4; q++) {
                                ps.setString(1, "QS");
                                ps.setString(2, barcode);
                                ps.setString(3, "INTERVAL_15");
                                ps.setString(4, "TOTAL");
                                ps.setObject(5, t0.plusMinutes(hour * 60L + q * 15));
                                ps.setLong(6, hour * 100L + q);
                                ps.setString(7, "VALID");
                                ps.setString(8, null);
                                ps.setString(9, null);
                                ps.setObject(10, LocalDateTime.now());
                                ps.addBatch();
                            }
                        }
                        ps.executeBatch();
                        c.commit();
                        done += slice * 4;
                        if (done % 500_000 == 0) {
                            long now = System.nanoTime();
                            System.out.printf("%,d rows: %,.0f/s so far, %,.0f/s over the last 500,000%n", done,
                                    done / ((now - start) / 1e9), 500_000 / ((now - last) / 1e9));
                            last = now;
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("key (%s): %,d rows in %.1f s, %,.0f rows/s%n", key, done, seconds, done / seconds);
        }
    }
}
