package org.countygrid.platform.web.internal.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.countygrid.platform.web.SessionStore;
import org.countygrid.platform.web.WebSession;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * Sessions of this node only, lost at restart. Ranked 0 so that a cluster-wide store registered with a higher
 * ranking takes over. Immediate, so that reconfiguring the web component (which lets go of the store for a
 * moment) does not log everybody out.
 */
@Component(service = SessionStore.class, immediate = true, property = Constants.SERVICE_RANKING + ":Integer=0")
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void put(WebSession session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<WebSession> get(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public boolean replace(WebSession current, WebSession updated) {
        return sessions.replace(current.id(), current, updated);
    }

    @Override
    public void remove(String id) {
        sessions.remove(id);
    }

    @Override
    public int removeLastSeenBefore(Instant cutoff) {
        int removed = 0;
        for (Map.Entry<String, WebSession> entry : sessions.entrySet()) {
            if (entry.getValue().lastSeenAt().isBefore(cutoff) && sessions.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }
}
