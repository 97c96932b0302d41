package org.countygrid.customers.internal.persistence;

import org.eclipse.persistence.config.QueryHints;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.PersistenceException;

import org.countygrid.customers.AccountView;
import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.OfficeRecords;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.SqlStates;

/**
 * Accounts of the office the entity manager is scoped to. EclipseLink adds the office to every JPQL query; the
 * native statements of the text search do not get it from EclipseLink, so each names it ({@code office = ?1}) —
 * keep it so in every native statement added here.
 */
public final class AccountRepository implements OfficeRecords {

    private static final String FETCH = "select a from AccountEntity a join fetch a.area ar join fetch ar.station";
    /*
     * A page is a native statement that yields the page's numbers and the total (count(*) over ()); the accounts of the
     * page, with their areas and stations, then come in one query. Native SQL, so the office is named here.
     *
     * Without text, the numbers in order from the (office, number) index. The same as JPQL ("select a ... order by
     * a.number") H2 answered from its (office, phone) index and sorted all the office's rows, on disk past its memory
     * rows: 7-9 s for every page of 200,000 accounts, the console's first view (bench/README.md, search).
     */
    private static final String ALL_PAGE = "select number, count(*) over () from cus_account where office = ?1"
            + " order by number offset ?2 rows fetch next ?3 rows only";
    private static final String ALL_COUNT = "select count(*) from cus_account where office = ?1";
    /*
     * A search for text reads every account of the office once (no B-tree serves "name contains"). On H2 as a scan of
     * the table, which it does not choose itself: with office = ? it walks the phone index and fetches each row by its
     * key, 1.2-16 s for 200,000 accounts instead of 0.15-0.25 s (bench/README.md, search).
     */
    private static final String MATCHING = " where office = ?1 and (number like ?2 escape '!' or phone like ?2 escape '!'"
            + " or name like ?3 escape '!' or address like ?3 escape '!')";
    private static final String SEARCH_PAGE = "select number, count(*) over () from cus_account%s" + MATCHING
            + " order by number offset ?4 rows fetch next ?5 rows only";
    private static final String SEARCH_COUNT = "select count(*) from cus_account%s" + MATCHING;

    private final EntityManager em;

    public AccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<AccountEntity> find(String number) {
        return em.createQuery(FETCH + " where a.number = :number", AccountEntity.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    /**
     * Number or phone starting with {@code q}, name or address containing it; all when {@code q} is blank.
     * {@code h2}: the store is H2 ({@link #isH2}).
     */
    public Page<AccountView> search(String q, int offset, int limit, boolean h2) {
        Object office = em.getProperties().get(ModuleStore.OFFICE_PROPERTY);
        Query page;
        Query count;
        if (q.isBlank()) {
            page = nativeQuery(ALL_PAGE).setParameter(1, office).setParameter(2, offset).setParameter(3, limit);
            count = nativeQuery(ALL_COUNT).setParameter(1, office);
        } else {
            String literal = escapeLike(q);
            String scan = h2 ? " USE INDEX ()" : "";
            page = nativeQuery(String.format(SEARCH_PAGE, scan)).setParameter(1, office).setParameter(2, literal + "%")
                    .setParameter(3, "%" + literal + "%").setParameter(4, offset).setParameter(5, limit);
            count = nativeQuery(String.format(SEARCH_COUNT, scan)).setParameter(1, office)
                    .setParameter(2, literal + "%").setParameter(3, "%" + literal + "%");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0)[1]).longValue();
        } else if (offset == 0) {
            total = 0;
        } else { // past the end: the total still says how many there are
            total = ((Number) count.getSingleResult()).longValue();
        }
        List<String> numbers = rows.stream().map(row -> (String) row[0]).toList();
        return new Page<>(byNumber(numbers), total, offset, limit);
    }

    /** Native SQL is off in a multitenant unit and EclipseLink does not scope it: office = ?1 does, in every statement. */
    private Query nativeQuery(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }

    /** The accounts with these numbers, with their areas and stations, in the order given. */
    private List<AccountView> byNumber(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        Map<String, AccountEntity> found = new HashMap<>();
        for (AccountEntity a : em.createQuery(FETCH + " where a.number in :numbers", AccountEntity.class)
                .setParameter("numbers", numbers).getResultList()) {
            found.put(a.number(), a);
        }
        return numbers.stream().map(found::get).filter(Objects::nonNull).map(AccountEntity::toView).toList();
    }

    /** Whether the store is H2 (its searches are told to scan the table), asked once when the module starts. */
    public static boolean isH2(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
        }
    }

    /** Stores a newly opened account now, so a number taken meanwhile by another node fails here, as a 409. */
    public AccountEntity add(Account account, AreaEntity area) {
        AccountEntity entity = new AccountEntity(account, area);
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (!SqlStates.isConstraintViolation(e)) {
                throw e; // not a taken number: the store reports it as what it is
            }
            throw Problem.conflict("account " + account.number() + " could not be stored: the number was taken meanwhile");
        }
        return entity;
    }

    public AreaEntity area(String code) {
        return em.createQuery("select a from AreaEntity a join fetch a.station where a.code = :code", AreaEntity.class)
                .setParameter("code", code)
                .getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound("transformer area " + code));
    }

    @Override
    public boolean accountExists(String number) {
        return exists("select count(a) from AccountEntity a where a.number = :key", number);
    }

    @Override
    public boolean areaExists(String areaCode) {
        return exists("select count(a) from AreaEntity a where a.code = :key", areaCode);
    }

    private boolean exists(String jpql, String key) {
        return em.createQuery(jpql, Long.class).setParameter("key", key).getSingleResult() > 0;
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally. */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
