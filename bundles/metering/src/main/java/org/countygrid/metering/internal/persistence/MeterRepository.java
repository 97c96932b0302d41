package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.MeterView;
import org.countygrid.metering.StockCount;
import org.countygrid.metering.internal.domain.DeliveryBatch;
import org.countygrid.metering.internal.domain.Meter;
import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.Problem;

/** Meters, their audit rows and installation periods of the office the entity manager is scoped to. */
public final class MeterRepository implements DeliveryBatch.Stock {

    /** IN lists stay well below every database's parameter limit. */
    static final int CHUNK = 500;

    private final EntityManager em;

    public MeterRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<MeterEntity> find(String barcode) {
        return em.createQuery("select m from MeterEntity m where m.barcode = :b", MeterEntity.class)
                .setParameter("b", barcode).getResultStream().findFirst();
    }

    public MeterEntity require(String barcode) {
        return find(barcode).orElseThrow(() -> Problem.notFound("meter " + barcode));
    }

    /**
     * The meter, its row locked until the transaction ends: for a change that decides on more than the meter's own
     * row (binding it to a work order, taking it back to stock while no order holds it), which its version alone
     * would not keep apart.
     */
    public MeterEntity requireLocked(String barcode) {
        return em.createQuery("select m from MeterEntity m where m.barcode = :b", MeterEntity.class)
                .setParameter("b", barcode).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> Problem.notFound("meter " + barcode));
    }

    public MeterEntity add(Meter meter, String batch) {
        MeterEntity entity = new MeterEntity(meter, batch);
        em.persist(entity);
        return entity;
    }

    /** Stores the meter's new state and its audit row together. */
    public void transition(MeterEntity entity, Meter before, Meter after, String actor, Instant at, FieldContext where,
            String detail) {
        entity.apply(after);
        audit(after.barcode(), before == null ? null : before.state(), after.state(), actor, at, where, detail);
    }

    public void audit(String barcode, MeterState from, MeterState to, String actor, Instant at, FieldContext where,
            String detail) {
        FieldContext w = where == null ? FieldContext.NONE : where;
        em.persist(new MeterAuditEntity(MeterAuditEntity.METER, barcode, from, to, actor, at, clip(w.deviceId(), 60),
                clip(w.location(), 200), clip(detail, 200)));
    }

    public List<MeterTransitionView> history(String barcode) {
        return em.createQuery("select a from MeterAuditEntity a where a.assetType = 'METER' and a.barcode = :b"
                + " order by a.id", MeterAuditEntity.class)
                .setParameter("b", barcode).getResultStream().map(MeterAuditEntity::toView).toList();
    }

    /**
     * A page of the office's meters in barcode order, of one state and/or with a barcode or asset number prefix. Only
     * the conditions given are in the query, and the order names the index's leading columns, so that the office's
     * (state, barcode) index serves the list of one state and the (barcode) index the whole list, without reading and
     * sorting every meter (200,000 in a county). The total still counts the matching index entries.
     */
    public Page<MeterView> page(MeterState state, String prefix, int offset, int limit) {
        String like = prefix.replace("!", "").replace("%", "").replace("_", "");
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("m.life.state = :state");
        }
        if (!like.isEmpty()) {
            conditions.add("(m.barcode like :p or m.assetNumber like :p)");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(m) from MeterEntity m" + where, Long.class);
        // the office first (one office's rows anyway), then the state when it is asked: H2 then reads the page off
        // the (office, state, barcode) or (office, barcode) index instead of sorting every meter of the office
        String order = state != null ? " order by m.office, m.life.state, m.barcode" : " order by m.office, m.barcode";
        TypedQuery<MeterEntity> page = em.createQuery("select m from MeterEntity m" + where + order, MeterEntity.class);
        for (TypedQuery<?> q : List.of(count, page)) {
            if (state != null) {
                q.setParameter("state", state);
            }
            if (!like.isEmpty()) {
                q.setParameter("p", like + "%");
            }
        }
        List<MeterView> items = page.setFirstResult(offset).setMaxResults(limit).getResultStream()
                .map(MeterEntity::toView).toList();
        return new Page<>(items, count.getSingleResult(), offset, limit);
    }

    public Map<MeterState, Long> countByState() {
        Map<MeterState, Long> counts = new EnumMap<>(MeterState.class);
        for (MeterState s : MeterState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("select m.life.state, count(m) from MeterEntity m group by m.life.state", Object[].class)
                .getResultList()) {
            counts.put((MeterState) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Meters in stock and verified per warehouse (库房). */
    public List<StockCount> byWarehouse() {
        return grouped("m.life.warehouseCode", List.of(MeterState.IN_STOCK, MeterState.VERIFIED));
    }

    /** Pre-issued and received meters per supply station. */
    public List<StockCount> byStation() {
        return grouped("m.life.stationCode", List.of(MeterState.PRE_ISSUED, MeterState.RECEIVED));
    }

    /** Pre-issued and received meters per turnover cabinet they left. */
    public List<StockCount> byCabinet() {
        return grouped("m.life.cabinetCode", List.of(MeterState.PRE_ISSUED, MeterState.RECEIVED));
    }

    /** Received (carried) and removed (being returned) meters per field worker. */
    public List<StockCount> byWorker() {
        return grouped("m.life.holder", List.of(MeterState.RECEIVED, MeterState.REMOVED));
    }

    private List<StockCount> grouped(String column, List<MeterState> states) {
        return LifeColumns.grouped(em, "MeterEntity", column, states);
    }

    /** The barcode of the meter installed at the account now. */
    public Optional<String> installedAt(String account) {
        return em.createQuery("select m.barcode from MeterEntity m where m.accountNumber = :a and m.life.state = :s", String.class)
                .setParameter("a", account).setParameter("s", MeterState.INSTALLED).getResultStream().findFirst();
    }

    /** @param area the account's transformer area, null when not known */
    public void installed(String barcode, String account, String area, long orderId, Instant at) {
        em.persist(new InstallationEntity(barcode, account, area, orderId, at));
    }

    /** The open installation periods of meters installed in transformer area {@code area}. */
    public List<InstallationEntity> installedInArea(String area) {
        return em.createQuery("select i from InstallationEntity i where i.areaCode = :a and i.removedAt is null"
                + " order by i.barcode", InstallationEntity.class).setParameter("a", area).getResultList();
    }

    /** Every installation period at an account, oldest first. */
    public List<InstallationEntity> installationsOfAccount(String account) {
        return em.createQuery("select i from InstallationEntity i where i.accountNumber = :a order by i.installedAt",
                InstallationEntity.class).setParameter("a", account).getResultList();
    }

    /** The open installation period of a meter. */
    public Optional<InstallationEntity> installation(String barcode) {
        return em.createQuery("select i from InstallationEntity i where i.barcode = :b and i.removedAt is null",
                InstallationEntity.class).setParameter("b", barcode).getResultStream().findFirst();
    }

    /** The meters with these communication addresses, by address. */
    public Map<String, MeterEntity> byCommAddress(Collection<String> addresses) {
        Map<String, MeterEntity> found = new HashMap<>();
        for (List<String> chunk : chunks(addresses)) {
            em.createQuery("select m from MeterEntity m where m.commAddress in :a", MeterEntity.class)
                    .setParameter("a", chunk).getResultStream().forEach(m -> found.put(m.toMeter().commAddress(), m));
        }
        return found;
    }

    public void removed(String barcode, Instant at) {
        em.createQuery("select i from InstallationEntity i where i.barcode = :b and i.removedAt is null", InstallationEntity.class)
                .setParameter("b", barcode).getResultStream().forEach(i -> i.removed(at));
    }

    @Override
    public boolean barcodeExists(String barcode) {
        return exists("m.barcode", barcode);
    }

    @Override
    public boolean assetNumberExists(String assetNumber) {
        return exists("m.assetNumber", assetNumber);
    }

    @Override
    public boolean commAddressExists(String commAddress) {
        return exists("m.commAddress", commAddress);
    }

    private boolean exists(String column, String value) {
        return em.createQuery("select count(m) from MeterEntity m where " + column + " = :v", Long.class)
                .setParameter("v", value).getSingleResult() > 0;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> all = new ArrayList<>(new HashSet<>(values));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
