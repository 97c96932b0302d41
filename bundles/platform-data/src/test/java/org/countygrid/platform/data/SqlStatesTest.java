package org.countygrid.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void classTwentyThreeIsAViolationAlsoAsABatchsNextException() {
        assertThat(SqlStates.isConstraintViolation(new SQLException("duplicate key", "23505"))).isTrue();
        assertThat(SqlStates.isConstraintViolation(new SQLException("foreign key", "23503"))).isTrue();

        BatchUpdateException batch = new BatchUpdateException("batch entry 3 aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertThat(SqlStates.isConstraintViolation(batch)).isTrue();
    }

    @Test
    void otherStatesAndNoneAreNot() {
        assertThat(SqlStates.isConstraintViolation(new SQLException("disk full", "53100"))).isFalse();
        assertThat(SqlStates.isConstraintViolation(new SQLException("no state"))).isFalse();
    }

    @Test
    void aConcurrentChangeIsAVersionOrLockConflictOnEitherDatabase() {
        for (String state : java.util.List.of("HYT00", "90131", "40001", "40P01", "55P03")) {
            assertThat(SqlStates.isConcurrentChange(new jakarta.persistence.PersistenceException("commit failed",
                    new RuntimeException(new SQLException("lock", state))))).as(state).isTrue();
        }
        assertThat(SqlStates.isConcurrentChange(new jakarta.persistence.OptimisticLockException())).isTrue();
        assertThat(SqlStates.isConcurrentChange(new jakarta.persistence.RollbackException(
                new jakarta.persistence.OptimisticLockException()))).isTrue();
        assertThat(SqlStates.isConcurrentChange(new jakarta.persistence.PersistenceException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(SqlStates.isConcurrentChange(new IllegalStateException("not the database"))).isFalse();
    }

    @Test
    void aDatabaseGoneAwayIsConnectionStatesAndAServerThatStopped() {
        assertThat(SqlStates.isDatabaseUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(SqlStates.isDatabaseUnavailable(new java.sql.SQLTransientConnectionException("pool timed out"))).isTrue();
        // PostgreSQL's answer to every session when the server is stopped or restarted (probe: a running write got a 500)
        assertThat(SqlStates.isDatabaseUnavailable(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(SqlStates.isDatabaseUnavailable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(SqlStates.isDatabaseUnavailable(new SQLException("Database is already closed", "90121"))).isTrue();
        // a statement cancelled by its timeout, a syntax error, a conflict: the database is there
        assertThat(SqlStates.isDatabaseUnavailable(new SQLException("canceling statement due to statement timeout", "57014"))).isFalse();
        assertThat(SqlStates.isDatabaseUnavailable(new SQLException("syntax", "42601"))).isFalse();
        assertThat(SqlStates.isDatabaseUnavailable(new SQLException("duplicate", "23505"))).isFalse();
        assertThat(SqlStates.isDatabaseUnavailable(new IllegalStateException("no SQL at all"))).isFalse();
        assertThat(SqlStates.unavailable(new SQLException("x", "08006")).status()).isEqualTo(503);
    }
}
