package org.countygrid.platform.data.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.Office;
import org.countygrid.platform.data.Office.Kind;
import org.countygrid.platform.data.OfficeDirectory;
import org.countygrid.platform.data.SqlStates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The cg_office table over plain JDBC: a handful of rows, no unit of its own needed. */
@Component(service = OfficeDirectory.class)
public class OfficeDirectoryService implements OfficeDirectory {

    private static final String SELECT = "SELECT code, name, kind, parent FROM cg_office";

    private final DataSource dataSource;

    @Activate
    public OfficeDirectoryService(@Reference DatabaseService database) {
        this(database.dataSource());
    }

    OfficeDirectoryService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Office> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY code");
                ResultSet rs = ps.executeQuery()) {
            List<Office> offices = new ArrayList<>();
            while (rs.next()) {
                offices.add(office(rs));
            }
            return offices;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Office> find(OfficeCode code) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, code);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Office putCounty(OfficeCode code, String name) {
        Office county = new Office(code, checkName(name), Kind.COUNTY, null);
        try (Connection c = dataSource.getConnection()) {
            Optional<Office> existing = find(c, code);
            if (existing.isPresent() && existing.get().kind() != Kind.COUNTY) {
                throw Problem.conflict("office " + code + " is a supply station, not a county");
            }
            if (existing.isEmpty()) {
                insert(c, county);
            } else if (!existing.get().name().equals(county.name())) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cg_office SET name = ? WHERE code = ?")) {
                    ps.setString(1, county.name());
                    ps.setString(2, code.value());
                    ps.executeUpdate();
                }
                commitIfNeeded(c);
            }
            return county;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Office addStation(OfficeCode code, String name, OfficeCode county) {
        Office station = new Office(code, checkName(name), Kind.STATION, county);
        try (Connection c = dataSource.getConnection()) {
            if (find(c, county).filter(o -> o.kind() == Kind.COUNTY).isEmpty()) {
                throw Problem.notFound("county office " + county);
            }
            insert(c, station);
            return station;
        } catch (SQLException e) {
            if (SqlStates.isConstraintViolation(e)) {
                throw Problem.conflict("office " + code + " exists already");
            }
            throw failure(e);
        }
    }

    private static Optional<Office> find(Connection c, OfficeCode code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE code = ?")) {
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(office(rs)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, Office office) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cg_office (code, name, kind, parent) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, office.code().value());
            ps.setString(2, office.name());
            ps.setString(3, office.kind().name());
            ps.setString(4, office.parent() == null ? null : office.parent().value());
            ps.executeUpdate();
        }
        commitIfNeeded(c);
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static Office office(ResultSet rs) throws SQLException {
        String parent = rs.getString(4);
        return new Office(OfficeCode.of(rs.getString(1)), rs.getString(2), Kind.valueOf(rs.getString(3)),
                parent == null ? null : OfficeCode.of(parent));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new ValidationException("name", "office name must be 1 to 100 characters");
        }
        return name.strip();
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("office directory unavailable: " + e.getMessage(), e);
    }
}
