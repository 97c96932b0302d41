package org.countygrid.demo.internal.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.StationData;

/**
 * A plausible county from a seed: the same seed always gives the same county, so demos, screenshots and
 * benchmarks can be repeated. One {@link SplittableRandom} is drawn from in a fixed order; change that order
 * and every demo county changes.
 */
public final class CountyGenerator {

    /** Account numbers are 31, the station's two digits, then six digits of sequence within the station. */
    static final int MAX_STATIONS = 99;
    static final int MAX_ACCOUNTS_PER_STATION = 999_999;

    private static final int[] URBAN_KVA = { 315, 400, 500, 630, 800 };
    private static final int[] RURAL_KVA = { 50, 80, 100, 125, 160, 200, 250, 315 };

    private final SplittableRandom random;
    private final AccountFactory accounts;

    public CountyGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.accounts = new AccountFactory(random);
    }

    public GeneratedCounty generate(int stationCount, int areaCount, int accountCount) {
        if (stationCount < 1 || stationCount > MAX_STATIONS) {
            throw new IllegalArgumentException("stations must be between 1 and " + MAX_STATIONS);
        }
        if (areaCount < stationCount) {
            throw new IllegalArgumentException("every station needs at least one area: areas >= stations");
        }
        List<StationData> stations = new ArrayList<>(stationCount);
        List<AreaData> areas = new ArrayList<>(areaCount);
        List<AccountData> accountData = new ArrayList<>(accountCount);
        List<Area> plan = planAreas(stationCount, areaCount);
        int[] perArea = Shares.split(accountCount, plan.stream().mapToDouble(a -> a.capacityKva * a.density).toArray(), 0);
        int[] perStation = new int[stationCount];
        for (int s = 0; s < stationCount; s++) {
            Town town = Town.of(s);
            stations.add(new StationData(town.code(), town.stationName()));
        }
        for (int i = 0; i < plan.size(); i++) {
            Area area = plan.get(i);
            areas.add(new AreaData(area.code, area.town.name() + area.number + "号台区", area.town.code(), area.capacityKva));
            for (int k = 0; k < perArea[i]; k++) {
                int sequence = ++perStation[area.station];
                if (sequence > MAX_ACCOUNTS_PER_STATION) {
                    throw new IllegalArgumentException("too many accounts for " + stationCount + " stations");
                }
                String number = String.format("31%02d%06d", area.station + 1, sequence);
                accountData.add(new AccountData(accounts.next(number, area.town, area.locality, area.code,
                        area.station == 0 ? sequence : -1), openedAt()));
            }
        }
        return new GeneratedCounty(List.copyOf(stations), List.copyOf(areas), List.copyOf(accountData));
    }

    /** A transformer area being planned: its station, number within it, locality and size. */
    private record Area(int station, Town town, int number, String code, String locality, int capacityKva, double density) {
    }

    private List<Area> planAreas(int stationCount, int areaCount) {
        double[] weights = new double[stationCount];
        for (int s = 0; s < stationCount; s++) {
            // the county seat is the biggest; towns vary around one share each
            weights[s] = s == 0 ? 3.0 : 0.6 + random.nextDouble() * 0.8;
        }
        int[] perStation = Shares.split(areaCount, weights, 1);
        List<Area> plan = new ArrayList<>(areaCount);
        for (int s = 0; s < stationCount; s++) {
            Town town = Town.of(s);
            for (int n = 1; n <= perStation[s]; n++) {
                int[] sizes = town.urban() ? URBAN_KVA : RURAL_KVA;
                String locality = town.urban() ? Localities.road(random) : Localities.village(random);
                plan.add(new Area(s, town, n, String.format("%s-T%03d", town.code(), n), locality,
                        sizes[random.nextInt(sizes.length)], 0.7 + random.nextDouble() * 0.6));
            }
        }
        return plan;
    }

    private Instant openedAt() {
        long first = LocalDate.of(1995, 1, 1).toEpochDay();
        long last = LocalDate.of(2026, 6, 30).toEpochDay();
        // 08:30 Beijing time, when the counter opens
        return LocalDate.ofEpochDay(first + random.nextLong(last - first + 1)).atTime(0, 30).toInstant(ZoneOffset.UTC);
    }
}
