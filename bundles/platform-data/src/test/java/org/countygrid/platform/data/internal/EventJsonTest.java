package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Money;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.event.DomainEvent;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    record AccountCharged(OfficeCode office, AccountNumber account, Money amount, Instant at) implements DomainEvent {
        @Override
        public String type() {
            return "cards.account-charged";
        }

        @Override
        public int version() {
            return 2;
        }

        @Override
        public String subject() {
            return account.value();
        }
    }

    @Test
    void theEventRecordBecomesFlatJsonWithIsoDates() {
        String json = EventJson.toJson(new AccountCharged(OfficeCode.of("QS"), AccountNumber.of("0100000001"), Money.ofFen(1234),
                Instant.parse("2026-11-26T08:30:00Z")));

        assertThat(json).isEqualTo("{\"office\":\"QS\",\"account\":\"0100000001\",\"amount\":{\"fen\":1234},\"at\":\"2026-11-26T08:30:00Z\"}");
    }
}
