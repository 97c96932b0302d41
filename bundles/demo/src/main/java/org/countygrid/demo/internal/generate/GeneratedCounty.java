package org.countygrid.demo.internal.generate;

import java.util.List;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.StationData;

/** A demo county ready for {@code CustomerService.importCounty}. */
public record GeneratedCounty(List<StationData> stations, List<AreaData> areas, List<AccountData> accounts) {
}
