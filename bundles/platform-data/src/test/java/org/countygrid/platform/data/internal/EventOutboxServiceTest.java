package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.ModuleStore;

class EventOutboxServiceTest {

    static final OfficeCode A = ModuleStoreTest.A;
    static final OfficeCode B = ModuleStoreTest.B;

    @OnEachDatabase
    void pendingListsUnpublishedEventsOfAllOfficesInSequenceOrder(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = ModuleStoreTest.notes(open.dataSource())) {
            publish(store, A, "e1");
            publish(store, B, "e2");
            publish(store, A, "e3");
            EventOutboxService outbox = new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK);

            List<EventEnvelope> all = outbox.pending(10);
            assertThat(all).extracting(EventEnvelope::subject).containsExactly("e1", "e2", "e3");
            assertThat(all).extracting(EventEnvelope::office).containsExactly("QS", "HX", "QS");
            assertThat(all.get(0).sequence()).isLessThan(all.get(1).sequence());
            assertThat(all.get(1).sequence()).isLessThan(all.get(2).sequence());

            outbox.markPublished(all.get(1).sequence());
            outbox.markPublished(all.get(1).sequence()); // at least once: a repeat changes nothing

            assertThat(outbox.pending(10)).extracting(EventEnvelope::subject).containsExactly("e1", "e3");
            assertThat(outbox.pending(1)).extracting(EventEnvelope::subject).containsExactly("e1");
            assertThat(outbox.pendingCount()).isEqualTo(2);
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM cg_outbox WHERE published_at IS NOT NULL")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void aRolledBackWriteLeavesNothingPending(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = ModuleStoreTest.notes(open.dataSource())) {
            publish(store, A, "kept");
            assertThatThrownBy(() -> store.write(A, em -> {
                store.publish(em, new NoteWritten(A, "lost", "", LocalDate.of(2026, 1, 1)));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");

            EventOutboxService outbox = new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK);
            assertThat(outbox.pending(10)).extracting(EventEnvelope::subject).containsExactly("kept");
            assertThat(outbox.pendingCount()).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void aMaximumBelowOneIsRefused(Db db) {
        try (Db.Open open = db.open()) {
            new DatabaseService(open.dataSource());
            assertThatThrownBy(() -> new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK).pending(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void publish(ModuleStore store, OfficeCode office, String subject) {
        store.write(office, em -> {
            store.publish(em, new NoteWritten(office, subject, "body of " + subject, LocalDate.of(2026, 11, 26)));
            return null;
        });
    }
}
