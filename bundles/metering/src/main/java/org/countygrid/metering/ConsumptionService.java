package org.countygrid.metering;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.countygrid.platform.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Daily consumption per account, for other modules (grading, cards) and the console. Reading needs any metering
 * role; other modules call with their own caller (a system caller for batch work).
 */
@ProviderType
public interface ConsumptionService {

    int MAX_DAYS = 366;

    /** China Standard Time: its midnights bound a day; daily frozen readings are taken then. */
    ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * One entry per day of [from, to], oldest first; at most {@value #MAX_DAYS} days.
     *
     * @throws org.countygrid.platform.api.Problem 404 when the account has had no meter in the caller's office
     */
    List<DailyConsumption> daily(Caller caller, String accountNumber, LocalDate from, LocalDate to);
}
