package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.ModuleStore;
import org.countygrid.platform.data.SubscriberCursors;

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
    void anEventCommittedLaterIsPublishedLaterEvenWhenItWasWrittenFirst(Db db) throws Exception {
        try (Db.Open open = db.open(); ModuleStore store = ModuleStoreTest.notes(open.dataSource())) {
            EventOutboxService outbox = new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK);
            publish(store, A, "before");
            long before = outbox.pending(10).get(0).sequence();
            outbox.markPublished(before);

            List<List<EventEnvelope>> seenMeanwhile = new java.util.ArrayList<>();
            store.write(A, em -> {
                store.publish(em, new NoteWritten(A, "slow", "", LocalDate.of(2026, 11, 27)));
                // while this transaction is still open (its row has the lower seq), another one commits
                Thread other = new Thread(() -> publish(store, B, "quick"));
                other.start();
                join(other);
                seenMeanwhile.add(outbox.pending(10));
                return null;
            });

            assertThat(seenMeanwhile.get(0)).extracting(EventEnvelope::subject).containsExactly("quick");
            List<EventEnvelope> after = outbox.pending(10);
            assertThat(after).extracting(EventEnvelope::subject).containsExactly("quick", "slow");
            assertThat(after.get(0).sequence()).isEqualTo(seenMeanwhile.get(0).get(0).sequence()).isGreaterThan(before);
            assertThat(after.get(1).sequence()).isGreaterThan(after.get(0).sequence());
            assertThat(TestDatabases.count(open.dataSource(), "SELECT MAX(seq) FROM cg_outbox WHERE subject = 'quick'"))
                    .as("the quick event was written after the slow one")
                    .isGreaterThan(TestDatabases.count(open.dataSource(), "SELECT MAX(seq) FROM cg_outbox WHERE subject = 'slow'"));

            outbox.markPublished(after.get(0).sequence());
            assertThat(outbox.pending(10)).extracting(EventEnvelope::subject).containsExactly("slow");
        }
    }

    @OnEachDatabase
    void positionsOfAnUpgradedDatabaseStartAboveEverySequenceHandedOutBefore(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = ModuleStoreTest.notes(open.dataSource())) {
            DataSource ds = open.dataSource();
            // the database as the version before publication positions left it: events relayed by their seq
            TestDatabases.execute(ds, "DROP TABLE cg_outbox_cursor");
            TestDatabases.execute(ds, "DROP INDEX ux_cg_outbox_pub_position");
            TestDatabases.execute(ds, "DROP INDEX ix_cg_outbox_positioned");
            TestDatabases.execute(ds, "ALTER TABLE cg_outbox DROP COLUMN pub_position");
            TestDatabases.execute(ds, "DELETE FROM DATABASECHANGELOG WHERE id = 'platform-4-outbox-publication-order'");
            TestDatabases.execute(ds, "DELETE FROM cg_changelog_digest");
            for (int i = 0; i < 5; i++) {
                publish(store, A, "old-" + i);
            }
            long lastOld = TestDatabases.count(ds, "SELECT MAX(seq) FROM cg_outbox");
            TestDatabases.execute(ds, "UPDATE cg_outbox SET published_at = CURRENT_TIMESTAMP WHERE subject <> 'old-4'");

            new DatabaseService(ds); // the upgrade's first start
            publish(store, A, "new");

            EventOutboxService outbox = new EventOutboxService(ds, ModuleStoreTest.CLOCK);
            List<EventEnvelope> pending = outbox.pending(10);
            assertThat(pending).extracting(EventEnvelope::subject).containsExactly("old-4", "new");
            assertThat(pending.get(0).sequence()).as("a subscriber saw sequences up to %s before", lastOld)
                    .isGreaterThan(lastOld);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(thread.isAlive()).as("the other transaction committed").isFalse();
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
    void theHistoryHandsOutPublishedEventsOfATypeSinceATimeByPage(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = ModuleStoreTest.notes(open.dataSource())) {
            publish(store, A, "e1");
            publish(store, B, "e2");
            publish(store, A, "e3");
            EventOutboxService outbox = new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK);
            List<EventEnvelope> sent = outbox.pending(10);
            sent.forEach(e -> outbox.markPublished(e.sequence()));
            publish(store, A, "not yet published");
            String type = sent.get(0).type();
            java.time.Instant at = sent.get(0).occurredAt();

            assertThat(outbox.published(type, at, 0, 10)).extracting(EventEnvelope::subject).containsExactly("e1", "e2", "e3");
            assertThat(outbox.published(type, at, 0, 2)).extracting(EventEnvelope::subject).containsExactly("e1", "e2");
            assertThat(outbox.published(type, at, sent.get(1).sequence(), 2)).extracting(EventEnvelope::subject)
                    .containsExactly("e3");
            assertThat(outbox.published(type, at.plusSeconds(1), 0, 10)).isEmpty();
            assertThat(outbox.published("other.type", at, 0, 10)).isEmpty();
            assertThat(outbox.published(type, at, 0, 10).get(2).payload()).contains("body of e3");
            assertThat(outbox.countPublished(type, sent.get(0).sequence())).as("e2, e3; not the unpublished").isEqualTo(2);
            assertThat(outbox.countPublished("other.type", 0)).isZero();
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

    @OnEachDatabase
    void aHeldSubscriberKeepsItsOwnPositionAndFailuresUntilReleased(Db db) {
        try (Db.Open open = db.open()) {
            new DatabaseService(open.dataSource());
            EventOutboxService cursors = new EventOutboxService(open.dataSource(), ModuleStoreTest.CLOCK);
            Instant first = Instant.parse("2026-11-27T01:00:00Z");
            Instant second = Instant.parse("2026-11-27T01:00:05Z");

            cursors.hold("customers.account-opened/bank", "customers.account-opened", 41, "bank down", first);
            cursors.hold("customers.account-closed", "customers.account-closed", 7, "x".repeat(5000), first);
            cursors.hold("customers.account-opened/bank", "customers.account-opened", 41, "bank still down", second);

            assertThat(cursors.held()).containsExactly(
                    new SubscriberCursors.Held("customers.account-closed", "customers.account-closed", 7, 1,
                            "x".repeat(999) + "…", first, first),
                    new SubscriberCursors.Held("customers.account-opened/bank", "customers.account-opened", 41, 2,
                            "bank still down", second, first));

            cursors.advance("customers.account-opened/bank", 45);
            assertThat(cursors.held().get(1)).extracting(SubscriberCursors.Held::after, SubscriberCursors.Held::failures)
                    .containsExactly(45L, 0);
            cursors.hold("customers.account-opened/bank", "customers.account-opened", 47, "declined", second);
            assertThat(cursors.held().get(1)).extracting(SubscriberCursors.Held::after, SubscriberCursors.Held::failures,
                    SubscriberCursors.Held::heldSince).containsExactly(47L, 1, first);

            cursors.release("customers.account-closed");
            cursors.release("customers.account-closed"); // a repeat changes nothing
            assertThat(cursors.held()).extracting(SubscriberCursors.Held::subscription)
                    .containsExactly("customers.account-opened/bank");
        }
    }

    private static void publish(ModuleStore store, OfficeCode office, String subject) {
        store.write(office, em -> {
            store.publish(em, new NoteWritten(office, subject, "body of " + subject, LocalDate.of(2026, 11, 26)));
            return null;
        });
    }
}
