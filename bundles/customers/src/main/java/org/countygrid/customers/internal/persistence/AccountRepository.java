package org.countygrid.customers.internal.persistence;

import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.countygrid.customers.AccountView;
import org.countygrid.customers.internal.domain.Account;
import org.countygrid.customers.internal.domain.OfficeRecords;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.SqlStates;

/**
 * Accounts of the office the entity manager is scoped to; EclipseLink adds the office to every query, so
 * nothing here mentions it.
 */
public final class AccountRepository implements OfficeRecords {

    private static final String FETCH = "select a from AccountEntity a join fetch a.area ar join fetch ar.station";
    private static final String COUNT = "select count(a) from AccountEntity a";
    /*
     * The page query must not join: with a join H2 sorts the whole office's accounts before it takes one page
     * (2.7 s for 200,000 accounts); without it the (office, number) index yields the page in order. The areas and
     * stations of the page then come in one IN query each.
     */
    private static final String PAGE = "select a from AccountEntity a";
    private static final String MATCH = " where a.number like :prefix escape '!' or a.phone like :prefix escape '!'"
            + " or a.name like :contains escape '!' or a.address like :contains escape '!'";

    private final EntityManager em;

    public AccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<AccountEntity> find(String number) {
        return em.createQuery(FETCH + " where a.number = :number", AccountEntity.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    /** Number or phone starting with {@code q}, name or address containing it; all when {@code q} is blank. */
    public Page<AccountView> search(String q, int offset, int limit) {
        boolean all = q.isBlank();
        TypedQuery<Long> count = em.createQuery(COUNT + (all ? "" : MATCH), Long.class);
        TypedQuery<AccountEntity> page = em.createQuery(PAGE + (all ? "" : MATCH) + " order by a.number",
                AccountEntity.class)
                .setHint(QueryHints.BATCH, "a.area")
                .setHint(QueryHints.BATCH, "a.area.station")
                .setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN);
        if (!all) {
            String literal = escapeLike(q);
            count.setParameter("prefix", literal + "%").setParameter("contains", "%" + literal + "%");
            page.setParameter("prefix", literal + "%").setParameter("contains", "%" + literal + "%");
        }
        List<AccountView> items = page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(AccountEntity::toView).toList();
        return new Page<>(items, count.getSingleResult(), offset, limit);
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
