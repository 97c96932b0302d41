package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.jpa.JpaHelper;
import org.junit.jupiter.api.Test;

class PersistenceUnitsTest {

    @Test
    void aReadFailingForItsConnectionIsTriedOnceMoreNotThreeTimes() {
        EntityManagerFactory factory = PersistenceUnits.create("test-notes", DatabaseServiceTest.LOADER, TestDatabases.h2());
        try {
            // EclipseLink's default of 3 retries, each waiting the pool's timeout, kept a request 40 s before its 503
            assertThat(JpaHelper.getServerSession(factory).getLogin().getQueryRetryAttemptCount()).isEqualTo(1);
        } finally {
            factory.close();
        }
    }
}
