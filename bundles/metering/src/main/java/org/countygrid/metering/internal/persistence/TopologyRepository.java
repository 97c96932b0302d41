package org.countygrid.metering.internal.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.countygrid.metering.MeterTransitionView;
import org.countygrid.metering.AttachedMeter;
import org.countygrid.metering.FieldContext;
import org.countygrid.metering.MeterState;
import org.countygrid.metering.StockCount;
import org.countygrid.metering.TerminalKind;
import org.countygrid.metering.TerminalView;
import org.countygrid.metering.internal.domain.Terminal;
import org.countygrid.platform.api.Problem;

/** Terminals, their audit rows, the topology and the reported archives of the office the entity manager is scoped to. */
public final class TopologyRepository {

    private final EntityManager em;

    public TopologyRepository(EntityManager em) {
        this.em = em;
    }

    /** Terminals in stock and verified per warehouse (库房). */
    public List<StockCount> byWarehouse() {
        return LifeColumns.grouped(em, "TerminalEntity", "m.life.warehouseCode",
                List.of(MeterState.IN_STOCK, MeterState.VERIFIED));
    }

    public Optional<TerminalEntity> find(String asset) {
        return em.createQuery("select t from TerminalEntity t where t.assetNumber = :a", TerminalEntity.class)
                .setParameter("a", asset).getResultStream().findFirst();
    }

    public TerminalEntity require(String asset) {
        return find(asset).orElseThrow(() -> Problem.notFound("terminal " + asset));
    }

    public boolean addressTaken(String address) {
        return em.createQuery("select count(t) from TerminalEntity t where t.address = :a", Long.class)
                .setParameter("a", address).getSingleResult() > 0;
    }

    public TerminalEntity add(Terminal t, String actor, Instant at, FieldContext where) {
        TerminalEntity entity = new TerminalEntity(t);
        em.persist(entity);
        audit(t.assetNumber(), null, t.state(), actor, at, where, "arrived");
        return entity;
    }

    /** Stores the terminal's new state and its audit row together. */
    public void transition(TerminalEntity entity, Terminal before, Terminal after, String actor, Instant at,
            FieldContext where, String detail) {
        entity.apply(after);
        audit(after.assetNumber(), before.state(), after.state(), actor, at, where, detail);
    }

    /** The terminal's audit rows, oldest first. */
    public List<MeterTransitionView> history(String asset) {
        return em.createQuery("select a from MeterAuditEntity a where a.assetType = :t and a.barcode = :a order by a.id",
                MeterAuditEntity.class).setParameter("t", MeterAuditEntity.TERMINAL).setParameter("a", asset)
                .getResultStream().map(MeterAuditEntity::toView).toList();
    }

    private void audit(String asset, MeterState from, MeterState to, String actor, Instant at, FieldContext where,
            String detail) {
        FieldContext w = where == null ? FieldContext.NONE : where;
        em.persist(new MeterAuditEntity(MeterAuditEntity.TERMINAL, asset, from, to, actor, at,
                MeterRepository.clip(w.deviceId(), 60), MeterRepository.clip(w.location(), 200),
                MeterRepository.clip(detail, 200)));
    }

    public TerminalView view(TerminalEntity t) {
        return t.toView(countAttached(t.toTerminal().assetNumber()));
    }

    public List<TerminalView> list(String area) {
        List<TerminalEntity> terminals = em.createQuery("select t from TerminalEntity t where (:a is null or t.areaCode = :a)"
                + " order by t.assetNumber", TerminalEntity.class).setParameter("a", area).setMaxResults(1000)
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        // the meters under each terminal now: of the area's terminals only when an area is asked for
        TypedQuery<Object[]> attached = em.createQuery("select p.terminal, count(p) from TopologyEntity p"
                + " where p.detachedAt is null" + (area == null ? "" : " and p.areaCode = :a") + " group by p.terminal",
                Object[].class);
        if (area != null) {
            attached.setParameter("a", area);
        }
        attached.getResultStream().forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return terminals.stream().map(t -> t.toView(counts.getOrDefault(t.toTerminal().assetNumber(), 0L))).toList();
    }

    /** The terminal reading an area's meters: its installed concentrator (the first by asset number), else a collector. */
    public Optional<Terminal> readerOf(String area) {
        // the kind is stored as text, where COLLECTOR sorts before CONCENTRATOR: ask for a concentrator first
        Optional<Terminal> concentrator = installedIn(area, TerminalKind.CONCENTRATOR);
        return concentrator.isPresent() ? concentrator : installedIn(area, TerminalKind.COLLECTOR);
    }

    private Optional<Terminal> installedIn(String area, TerminalKind kind) {
        return em.createQuery("select t from TerminalEntity t where t.areaCode = :a and t.life.state = :s and t.kind = :k"
                + " order by t.assetNumber", TerminalEntity.class).setParameter("a", area)
                .setParameter("s", MeterState.INSTALLED).setParameter("k", kind).setMaxResults(1).getResultStream()
                .findFirst().map(TerminalEntity::toTerminal);
    }

    public long countAttached(String terminal) {
        return em.createQuery("select count(p) from TopologyEntity p where p.terminal = :t and p.detachedAt is null",
                Long.class).setParameter("t", terminal).getSingleResult();
    }

    /** The meters under a terminal now. */
    public List<TopologyEntity> attachedTo(String terminal) {
        return em.createQuery("select p from TopologyEntity p where p.terminal = :t and p.detachedAt is null"
                + " order by p.barcode", TopologyEntity.class).setParameter("t", terminal).getResultList();
    }

    /** The meters under a terminal of an area now. */
    public List<TopologyEntity> attachedInArea(String area) {
        return em.createQuery("select p from TopologyEntity p where p.areaCode = :a and p.detachedAt is null"
                + " order by p.terminal, p.barcode", TopologyEntity.class).setParameter("a", area).getResultList();
    }

    /** Where a meter hangs now. */
    public Optional<TopologyEntity> attachmentOf(String barcode) {
        return em.createQuery("select p from TopologyEntity p where p.barcode = :b and p.detachedAt is null",
                TopologyEntity.class).setParameter("b", barcode).getResultStream().findFirst();
    }

    public TopologyEntity attach(Terminal terminal, String barcode, String commAddress, Instant at, String reason) {
        TopologyEntity row = new TopologyEntity(terminal.assetNumber(), terminal.areaCode(), barcode, commAddress, at, reason);
        em.persist(row);
        return row;
    }

    public void detach(TopologyEntity row, Instant at, String reason) {
        row.detach(at, reason);
    }

    /** Replaces the terminal's reported archive. */
    public void report(String terminal, Collection<String> addresses, Instant at) {
        em.createQuery("delete from TerminalArchiveEntity a where a.terminal = :t").setParameter("t", terminal)
                .executeUpdate();
        for (String address : addresses) {
            em.persist(new TerminalArchiveEntity(terminal, address, at));
        }
        lastReport(terminal).ifPresentOrElse(r -> r.reported(at, addresses.size()),
                () -> em.persist(new TerminalReportEntity(terminal, at, addresses.size())));
    }

    /** When the terminal last reported its archive (empty when it never did); its archive may be empty. */
    public Optional<TerminalReportEntity> lastReport(String terminal) {
        return em.createQuery("select r from TerminalReportEntity r where r.terminal = :t", TerminalReportEntity.class)
                .setParameter("t", terminal).getResultStream().findFirst();
    }

    /** The terminal's latest reported archive, with when it was reported (empty when it never reported). */
    public List<TerminalArchiveEntity> archive(String terminal) {
        return em.createQuery("select a from TerminalArchiveEntity a where a.terminal = :t order by a.commAddress",
                TerminalArchiveEntity.class).setParameter("t", terminal).getResultList();
    }

    public static AttachedMeter view(TopologyEntity row, String account) {
        return new AttachedMeter(row.barcode(), row.commAddress(), account, row.terminal(), row.attachedAt());
    }
}
