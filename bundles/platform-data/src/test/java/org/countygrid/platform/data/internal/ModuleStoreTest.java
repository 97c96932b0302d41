package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.event.EventEnvelope;
import org.countygrid.platform.data.ModuleStore;
import org.junit.jupiter.api.Test;

/** Office scoping and transactions of a module store, on real H2 and PostgreSQL. */
class ModuleStoreTest {

    static final OfficeCode A = OfficeCode.of("QS");
    static final OfficeCode B = OfficeCode.of("HX");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:30:00Z"), ZoneOffset.UTC);

    static ModuleStore notes(DataSource ds) {
        DatabaseService database = new DatabaseService(ds, CLOCK, new ClassLoaderResourceAccessor(ModuleStoreTest.class.getClassLoader()));
        return database.open("test-notes", ModuleStoreTest.class.getClassLoader(), "db/changelog/test-notes.xml");
    }

    static Void persist(ModuleStore store, OfficeCode office, String id, String body) {
        return store.write(office, em -> {
            em.persist(new Note(id, body));
            return null;
        });
    }

    static String bodyOf(DataSource ds, OfficeCode office, String id) {
        try (var c = ds.getConnection(); var ps = c.prepareStatement("SELECT body FROM tst_note WHERE office = ? AND id = ?")) {
            ps.setString(1, office.value());
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDatabaseGoneAwayIsA503ToTryAgainForReadsAndWritesAndNothingIsWritten() {
        RefusingDataSource ds = new RefusingDataSource(TestDatabases.h2());
        ds.answering.set(true);
        try (ModuleStore store = notes(ds)) {
            persist(store, A, "n1", "before");
            ds.answering.set(false);

            assertThatThrownBy(() -> store.read(A, em -> em.createQuery("select n from Note n", Note.class).getResultList()))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(503))
                    .hasMessage("The database does not answer at the moment; nothing was changed. Try again in a minute; if it lasts, tell your administrator.");
            assertThatThrownBy(() -> persist(store, A, "n2", "during"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(503));

            ds.answering.set(true);
            List<String> ids = store.read(A, em -> em.createQuery("select n.id from Note n order by n.id", String.class).getResultList());
            assertThat(ids).containsExactly("n1");
        }
    }

    @OnEachDatabase
    void anOfficeReadsOnlyItsOwnRows(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            persist(store, A, "n1", "from A");
            persist(store, B, "n1", "from B");
            persist(store, B, "n2", "B only");

            String ownBody = store.read(A, em -> em.find(Note.class, "n1").body());
            Note othersNote = store.read(A, em -> em.find(Note.class, "n2"));
            List<Note> all = store.read(A, em -> em.createQuery("select n from Note n", Note.class).getResultList());
            long countOfB = store.read(B, em -> em.createQuery("select count(n) from Note n", Long.class).getSingleResult());

            assertThat(ownBody).isEqualTo("from A");
            assertThat(othersNote).isNull();
            assertThat(all).extracting(Note::body).containsExactly("from A");
            assertThat(countOfB).isEqualTo(2L);
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tst_note")).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void anOfficeCannotChangeOrDeleteAnotherOfficesRows(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            DataSource ds = open.dataSource();
            persist(store, A, "n1", "from A");
            persist(store, B, "n2", "B only");

            int updated = store.write(A, em -> em.createQuery("update Note n set n.body = 'changed by A'").executeUpdate());
            store.write(A, em -> em.merge(new Note("n2", "A's own n2")));
            int deleted = store.write(A, em -> em.createQuery("delete from Note n where n.id = 'n1'").executeUpdate());
            int deletedOfB = store.write(A, em -> em.createQuery("delete from Note n where n.id = 'n2' and n.body = 'B only'").executeUpdate());

            assertThat(updated).isEqualTo(1);
            assertThat(deleted).isEqualTo(1);
            assertThat(deletedOfB).isZero();
            assertThat(bodyOf(ds, B, "n2")).isEqualTo("B only");
            assertThat(bodyOf(ds, A, "n2")).isEqualTo("A's own n2");
            String bodySeenByB = store.read(B, em -> em.find(Note.class, "n2").body());
            assertThat(bodySeenByB).isEqualTo("B only");
        }
    }

    @OnEachDatabase
    void changingOrRemovingAnEntityTouchesOnlyTheOfficesOwnRow(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            DataSource ds = open.dataSource();
            persist(store, A, "n1", "from A");
            persist(store, B, "n1", "from B");

            store.write(A, em -> {
                em.find(Note.class, "n1").changeBody("changed by A");
                return null;
            });
            assertThat(bodyOf(ds, A, "n1")).isEqualTo("changed by A");
            assertThat(bodyOf(ds, B, "n1")).isEqualTo("from B");

            store.write(A, em -> {
                em.remove(em.find(Note.class, "n1"));
                return null;
            });
            assertThat(TestDatabases.count(ds, "SELECT COUNT(*) FROM tst_note WHERE office = 'QS'")).isZero();
            assertThat(bodyOf(ds, B, "n1")).isEqualTo("from B");
        }
    }

    @OnEachDatabase
    void aReferenceBetweenEntitiesStaysInsideTheOffice(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            persist(store, A, "n1", "from A");
            persist(store, B, "n1", "from B");
            store.write(B, em -> {
                em.persist(new Attachment("a1", em.find(Note.class, "n1")));
                return null;
            });

            String noteOfAttachment = store.read(B, em -> em.find(Attachment.class, "a1").note().body());
            long attachmentsSeenByA = store.read(A, em -> em.createQuery("select count(a) from Attachment a", Long.class).getSingleResult());
            assertThat(noteOfAttachment).isEqualTo("from B");
            assertThat(attachmentsSeenByA).isZero();
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tst_attachment WHERE office = 'HX' AND note_id = 'n1'")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void aCommittedWriteStoresTheChangeAndItsEvent(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            String id = store.write(A, em -> {
                Note note = new Note("n1", "hello");
                em.persist(note);
                store.publish(em, new NoteWritten(A, "n1", "hello", LocalDate.of(2026, 11, 26)));
                return note.id();
            });

            assertThat(id).isEqualTo("n1");
            assertThat(bodyOf(open.dataSource(), A, "n1")).isEqualTo("hello");
            EventEnvelope event = new EventOutboxService(open.dataSource(), CLOCK).pending(10).get(0);
            assertThat(event.type()).isEqualTo("notes.note-written");
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.office()).isEqualTo("QS");
            assertThat(event.subject()).isEqualTo("n1");
            assertThat(event.occurredAt()).isEqualTo(CLOCK.instant());
            assertThat(event.payload()).contains("\"office\":\"QS\"", "\"writtenOn\":\"2026-11-26\"", "\"body\":\"hello\"");
        }
    }

    @OnEachDatabase
    void aWriteThatThrowsAfterPublishingLeavesNeitherTheChangeNorTheEvent(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            Problem refused = Problem.conflict("refused after the fact");

            assertThatThrownBy(() -> store.write(A, em -> {
                em.persist(new Note("n1", "doomed"));
                store.publish(em, new NoteWritten(A, "n1", "doomed", LocalDate.of(2026, 11, 26)));
                em.flush(); // both statements have reached the database; only the rollback can remove them
                throw refused;
            })).isSameAs(refused);

            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM tst_note")).isZero();
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM cg_outbox")).isZero();
        }
    }

    @OnEachDatabase
    void aRowChangedByAnotherTransactionMeanwhileIsAStaleConflictThatChangesNothing(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            DataSource ds = open.dataSource();
            persist(store, A, "n1", "first");

            assertThatThrownBy(() -> store.write(A, "note n1", em -> {
                Note note = em.find(Note.class, "n1"); // read as a user's screen showed it
                TestDatabases.execute(ds, "UPDATE tst_note SET body = 'by a colleague', row_version = row_version + 1"
                        + " WHERE office = 'QS' AND id = 'n1'"); // committed by someone else meanwhile
                note.changeBody("mine");
                return null;
            })).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.status()).isEqualTo(409);
                assertThat(p.type()).isEqualTo(Problem.STALE);
            }).hasMessage("note n1 was changed by someone else meanwhile; reload it and try again");
            assertThat(bodyOf(ds, A, "n1")).isEqualTo("by a colleague");

            // any other failure stays what it was
            assertThatThrownBy(() -> store.write(A, "note n1", em -> {
                throw new IllegalStateException("not a conflict");
            })).isInstanceOf(IllegalStateException.class);
        }
    }

    @OnEachDatabase
    void aDuplicateKeyAtCommitIsAConflict(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            persist(store, A, "n1", "first");

            assertThatThrownBy(() -> persist(store, A, "n1", "second"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThat(bodyOf(open.dataSource(), A, "n1")).isEqualTo("first");
        }
    }

    @OnEachDatabase
    void publishingOutsideAWriteOrForAnotherOfficeIsRefused(Db db) {
        try (Db.Open open = db.open(); ModuleStore store = notes(open.dataSource())) {
            NoteWritten ofB = new NoteWritten(B, "n1", "x", LocalDate.of(2026, 11, 26));

            assertThatThrownBy(() -> store.read(B, em -> {
                store.publish(em, ofB);
                return null;
            })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.write(A, em -> {
                store.publish(em, ofB);
                return null;
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("office HX");
            assertThat(TestDatabases.count(open.dataSource(), "SELECT COUNT(*) FROM cg_outbox")).isZero();
        }
    }

    @OnEachDatabase
    void aClosedStoreRefusesWork(Db db) {
        try (Db.Open open = db.open()) {
            ModuleStore store = notes(open.dataSource());
            store.close();

            // a request that still reaches a closed (restarting) module's store is told to retry: 503, not 500
            assertThatThrownBy(() -> store.read(A, em -> null)).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.status()).isEqualTo(503)).hasMessageContaining("restarting");
            assertThatThrownBy(() -> store.write(A, em -> null)).isInstanceOf(Problem.class);
        }
    }
}
