package org.countygrid.metering.internal;

import static org.countygrid.metering.internal.MeterServiceImpl.require;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.countygrid.metering.ConsumptionService;
import org.countygrid.metering.DailyConsumption;
import org.countygrid.metering.ReadingKind;
import org.countygrid.metering.ReadingService;
import org.countygrid.metering.ReadingStatus;
import org.countygrid.metering.ReadingView;
import org.countygrid.metering.Register;
import org.countygrid.metering.WorkOrderType;
import org.countygrid.metering.internal.domain.DailyUsage;
import org.countygrid.metering.internal.domain.ReadingTimes;
import org.countygrid.metering.internal.domain.Texts;
import org.countygrid.metering.internal.domain.WorkOrder;
import org.countygrid.metering.internal.persistence.InstallationEntity;
import org.countygrid.metering.internal.persistence.MeterRepository;
import org.countygrid.metering.internal.persistence.WorkOrderRepository;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.FieldErrors;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.data.ModuleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Daily consumption of an account: its installation periods and the readings the work orders took come from the
 * module's tables, the daily frozen TOTAL readings (VALID or ESTIMATED) from {@link ReadingService}; the arithmetic
 * is {@link DailyUsage}'s.
 */
@Component(service = ConsumptionService.class)
public class ConsumptionServiceImpl implements ConsumptionService {

    static final ZoneId ZONE = DAY_ZONE;

    private final ModuleStore store;
    private final ReadingService readings;

    @Activate
    public ConsumptionServiceImpl(@Reference MeteringUnit unit, @Reference ReadingService readings) {
        this(unit.store(), readings);
    }

    ConsumptionServiceImpl(ModuleStore store, ReadingService readings) {
        this.store = store;
        this.readings = readings;
    }

    @Override
    public List<DailyConsumption> daily(Caller caller, String accountNumber, LocalDate from, LocalDate to) {
        require(caller, MeteringRoles.READ);
        String account = checked(accountNumber, from, to);
        List<DailyUsage.Period> periods = store.read(caller.office(), em -> {
            Map<Long, WorkOrder> installedBy = new HashMap<>();
            Map<String, List<WorkOrder>> removalsOf = new HashMap<>();
            for (WorkOrder o : new WorkOrderRepository(em).completedAt(account)) {
                installedBy.put(o.id(), o);
                if (o.type() != WorkOrderType.INSTALL) {
                    removalsOf.computeIfAbsent(o.oldMeter(), b -> new ArrayList<>()).add(o);
                }
            }
            List<DailyUsage.Period> list = new ArrayList<>();
            for (InstallationEntity i : new MeterRepository(em).installationsOfAccount(account)) {
                WorkOrder in = i.orderId() == null ? null : installedBy.get(i.orderId());
                WorkOrder out = i.removedAt() == null ? null : removalOf(removalsOf.get(i.barcode()), i.installedAt());
                list.add(new DailyUsage.Period(i.barcode(), i.installedAt(), i.removedAt(),
                        in == null || in.newMeterReadings() == null ? null : in.newMeterReadings().total(),
                        out == null || out.finalReadings() == null ? null : out.finalReadings().total()));
            }
            return list;
        });
        if (periods.isEmpty()) {
            // metering knows an account by its meters: without one there is no consumption to tell, and 30 days of
            // 0 kWh "complete" for an unknown account, or one of another office, would read as a real zero
            throw new Problem(404, "Not Found", "account " + account + " has had no meter in this office");
        }
        Map<String, NavigableMap<java.time.Instant, DailyUsage.Value>> values = new HashMap<>();
        java.time.Instant start = from.atStartOfDay(ZONE).toInstant();
        java.time.Instant end = to.plusDays(2).atStartOfDay(ZONE).toInstant();
        for (DailyUsage.Period p : periods) {
            if (values.containsKey(p.barcode())) {
                continue;
            }
            NavigableMap<java.time.Instant, DailyUsage.Value> series = new TreeMap<>();
            for (ReadingView r : readings.readings(caller, p.barcode(), ReadingKind.DAILY, start, end)) {
                if (r.register() == Register.TOTAL && r.status() != ReadingStatus.FAILED) {
                    series.put(r.readAt(), new DailyUsage.Value(r.kwh().movePointRight(2).longValueExact(),
                            r.status() == ReadingStatus.ESTIMATED));
                }
            }
            values.put(p.barcode(), series);
        }
        return new DailyUsage(ZONE, periods, values).days(from, to);
    }

    /**
     * The order that ended an installation: of the orders that removed its meter from the account (a meter can come
     * back to the same account after verification), the first completed after the installation began.
     */
    private static WorkOrder removalOf(List<WorkOrder> removals, java.time.Instant installedAt) {
        if (removals == null) {
            return null;
        }
        return removals.stream().filter(o -> o.completedAt() != null && !o.completedAt().isBefore(installedAt))
                .min(java.util.Comparator.comparing(WorkOrder::completedAt)).orElse(null);
    }

    private static String checked(String accountNumber, LocalDate from, LocalDate to) {
        FieldErrors errors = new FieldErrors();
        String account = Texts.clean(accountNumber);
        if (account == null || !AccountNumber.isValid(account)) {
            errors.add("accountNumber", "must be exactly 10 digits");
        }
        if (from == null) {
            errors.add("from", Texts.REQUIRED);
        }
        if (to == null) {
            errors.add("to", Texts.REQUIRED);
        }
        boolean fromFine = ReadingTimes.checkQueried(errors, "from", from);
        boolean toFine = ReadingTimes.checkQueried(errors, "to", to); // days far out of range are not counted between
        if (fromFine && toFine && from != null && to != null
                && (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)) {
            errors.add("to", "must be on or after from, and at most " + MAX_DAYS + " days on");
        }
        errors.throwIfAny();
        return account;
    }
}
