package org.countygrid.metering.internal;

import java.util.List;

import org.countygrid.customers.AccountStatus;
import org.countygrid.customers.AccountView;
import org.countygrid.customers.CustomerService;
import org.countygrid.customers.StationView;
import org.countygrid.platform.api.AccountNumber;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.health.ReadinessCheck;
import org.countygrid.platform.api.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AccountRegister} over {@link CustomerService}; satisfied only while customers runs (its package import is
 * optional, and SCR loads this class only when the reference is there).
 */
// present only while the customers module is installed: the node is ready without it
@Component(service = AccountRegister.class, property = ReadinessCheck.COMPONENT_PROPERTY + "=optional")
public class CustomersAccountRegister implements AccountRegister {

    private final CustomerService customers;

    @Activate
    public CustomersAccountRegister(@Reference CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public AccountFacts requireAccount(Caller caller, String accountNumber) {
        AccountView account = customers.account(caller, AccountNumber.of(accountNumber));
        return new AccountFacts(account.name(), account.address(), account.areaCode(),
                account.status() == AccountStatus.CLOSED);
    }

    @Override
    public void requireArea(Caller caller, String areaCode) {
        customers.area(caller, areaCode);
    }

    @Override
    public void requireStation(Caller caller, String stationCode) {
        if (!stationCodes(caller).contains(stationCode)) {
            throw Problem.notFound("supply station " + stationCode);
        }
    }

    @Override
    public List<String> stationCodes(Caller caller) {
        return customers.stations(caller).stream().map(StationView::code).toList();
    }
}
