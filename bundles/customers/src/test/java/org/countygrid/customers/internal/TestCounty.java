package org.countygrid.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.Category;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.StationData;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.security.Caller;
import org.countygrid.platform.api.security.Role;

/** A tiny county for component tests: two stations, three areas, three accounts, the same in every office. */
final class TestCounty {

    static final OfficeCode QS = OfficeCode.of("QS");
    static final OfficeCode LY = OfficeCode.of("LY");
    static final Instant OPENED = Instant.parse("2015-03-01T00:00:00Z");

    static final List<StationData> STATIONS = List.of(new StationData("CG", "城关供电所"),
            new StationData("QSZ", "青山镇供电所"));
    static final List<AreaData> AREAS = List.of(new AreaData("CG-001", "城关镇1号台区", "CG", 400),
            new AreaData("CG-002", "城关镇2号台区", "CG", 315), new AreaData("QSZ-001", "青山镇1号台区", "QSZ", 200));
    static final List<AccountData> ACCOUNTS = List.of(
            account("3101000001", "王建国", "城关镇人民路18号3栋2单元", "13812345678", Category.RESIDENTIAL, "CG-001"),
            account("3101000002", "李秀英", "城关镇解放路5号", "0571-88888888", Category.RESIDENTIAL, "CG-002"),
            account("3102000001", "青山镇宏达砖厂", "青山镇石门村3组", "13998765432", Category.INDUSTRIAL, "QSZ-001"));

    private TestCounty() {
    }

    static AccountData account(String number, String name, String address, String phone, Category category, String area) {
        VoltageLevel voltage = category == Category.RESIDENTIAL ? VoltageLevel.V220 : VoltageLevel.V380;
        return new AccountData(new NewAccount(number, name, address, phone, category, voltage, null, area), OPENED);
    }

    static NewAccount newAccount(String number) {
        return new NewAccount(number, "张伟", "城关镇建设路7号", "13700001111", Category.RESIDENTIAL, VoltageLevel.V220,
                null, "CG-001");
    }

    static Caller caller(OfficeCode office, String... roles) {
        return new Caller("test-" + String.join("-", roles), office, Set.of(roles));
    }

    static Caller operator(OfficeCode office) {
        return caller(office, Role.OPERATOR);
    }

    static void load(CustomerServiceImpl service, OfficeCode office) {
        service.importCounty(Caller.system(office), STATIONS, AREAS, ACCOUNTS);
    }
}
