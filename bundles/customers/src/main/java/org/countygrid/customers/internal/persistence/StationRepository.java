package org.countygrid.customers.internal.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.StationView;
import org.countygrid.customers.internal.domain.Station;
import org.countygrid.customers.internal.domain.StationRecords;
import org.countygrid.customers.internal.domain.TransformerArea;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.data.SqlStates;

/** Supply stations and their transformer areas of the office the entity manager is scoped to. */
public final class StationRepository implements StationRecords {

    private final EntityManager em;

    public StationRepository(EntityManager em) {
        this.em = em;
    }

    public List<StationView> stations() {
        Map<String, Long> areaCounts = new HashMap<>();
        em.createQuery("select a.station.code, count(a) from AreaEntity a group by a.station.code", Object[].class)
                .getResultList().forEach(r -> areaCounts.put((String) r[0], ((Number) r[1]).longValue()));
        return em.createQuery("select s from StationEntity s order by s.code", StationEntity.class).getResultList()
                .stream().map(s -> new StationView(s.code(), s.name(), areaCounts.getOrDefault(s.code(), 0L))).toList();
    }

    public List<AreaView> areas(String stationCode) {
        if (!stationExists(stationCode)) {
            throw Problem.notFound("supply station " + stationCode);
        }
        return em.createQuery("select a from AreaEntity a join fetch a.station s where s.code = :code order by a.code",
                AreaEntity.class).setParameter("code", stationCode).getResultList().stream()
                .map(AreaEntity::toView).toList();
    }

    public Optional<StationEntity> findStation(String code) {
        return em.createQuery("select s from StationEntity s where s.code = :code", StationEntity.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<AreaEntity> findArea(String code) {
        return em.createQuery("select a from AreaEntity a join fetch a.station where a.code = :code", AreaEntity.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** Stores a new station now, so a code taken meanwhile by another node fails here, as a 409. */
    public StationEntity add(Station station) {
        StationEntity entity = new StationEntity(station);
        persist(entity, "supply station " + station.code());
        return entity;
    }

    /** Stores a new area of {@code station} now; a code taken meanwhile fails here, as a 409. */
    public AreaEntity add(TransformerArea area, StationEntity station) {
        AreaEntity entity = new AreaEntity(area, station);
        persist(entity, "transformer area " + area.code());
        return entity;
    }

    @Override
    public boolean stationExists(String code) {
        return em.createQuery("select count(s) from StationEntity s where s.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0;
    }

    @Override
    public boolean areaExists(String code) {
        return em.createQuery("select count(a) from AreaEntity a where a.code = :code", Long.class)
                .setParameter("code", code).getSingleResult() > 0;
    }

    public Set<String> stationCodes() {
        return new HashSet<>(em.createQuery("select s.code from StationEntity s", String.class).getResultList());
    }

    public Set<String> areaCodes() {
        return new HashSet<>(em.createQuery("select a.code from AreaEntity a", String.class).getResultList());
    }

    private void persist(Object entity, String what) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (!SqlStates.isConstraintViolation(e)) {
                throw e; // not a taken code: the store reports it as what it is
            }
            throw Problem.conflict(what + " could not be stored: the code was taken meanwhile");
        }
    }
}
