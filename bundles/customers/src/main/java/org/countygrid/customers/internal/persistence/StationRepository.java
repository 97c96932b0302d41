package org.countygrid.customers.internal.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.countygrid.customers.AreaView;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.Problem;

/** Supply stations and their transformer areas of the office the entity manager is scoped to. */
public final class StationRepository {

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
        boolean known = em.createQuery("select count(s) from StationEntity s where s.code = :code", Long.class)
                .setParameter("code", stationCode).getSingleResult() > 0;
        if (!known) {
            throw Problem.notFound("supply station " + stationCode);
        }
        return em.createQuery("select a from AreaEntity a join fetch a.station s where s.code = :code order by a.code",
                AreaEntity.class).setParameter("code", stationCode).getResultList().stream()
                .map(AreaEntity::toView).toList();
    }

    public Set<String> stationCodes() {
        return new HashSet<>(em.createQuery("select s.code from StationEntity s", String.class).getResultList());
    }

    public Set<String> areaCodes() {
        return new HashSet<>(em.createQuery("select a.code from AreaEntity a", String.class).getResultList());
    }
}
