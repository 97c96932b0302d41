package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.VoltageLevel;

/**
 * One account at a time: category by the county's mix (88% residential, 6% commercial, 3% industrial, 3%
 * agricultural), a name and address that fit the category and the area, a phone, and a voltage that fits.
 */
final class AccountFactory {

    private static final Weighted<Category> CATEGORIES = new Weighted<>(new int[] { 88, 6, 3, 3 },
            Category.RESIDENTIAL, Category.COMMERCIAL, Category.INDUSTRIAL, Category.AGRICULTURAL);
    private static final Weighted<VoltageLevel> RESIDENTIAL = new Weighted<>(new int[] { 97, 3 },
            VoltageLevel.V220, VoltageLevel.V380);
    private static final Weighted<VoltageLevel> COMMERCIAL = new Weighted<>(new int[] { 30, 65, 5 },
            VoltageLevel.V220, VoltageLevel.V380, VoltageLevel.KV10);
    private static final Weighted<VoltageLevel> INDUSTRIAL = new Weighted<>(new int[] { 55, 38, 6, 1 },
            VoltageLevel.V380, VoltageLevel.KV10, VoltageLevel.KV35, VoltageLevel.KV110);
    private static final Weighted<VoltageLevel> AGRICULTURAL = new Weighted<>(new int[] { 20, 75, 5 },
            VoltageLevel.V220, VoltageLevel.V380, VoltageLevel.KV10);

    private final SplittableRandom random;
    private final PersonNames persons = new PersonNames();

    AccountFactory(SplittableRandom random) {
        this.random = random;
    }

    /** @param seatSequence the account's position in the county seat (1-based), or -1 elsewhere */
    NewAccount next(String number, Town town, String locality, String areaCode, int seatSequence) {
        if (seatSequence >= 1 && seatSequence <= ImportantUser.COUNTY_SEAT.size()) {
            ImportantUser user = ImportantUser.COUNTY_SEAT.get(seatSequence - 1);
            return new NewAccount(number, user.name(), address(town, locality, user.category()), Phones.landline(random),
                    user.category(), user.voltage(), user.importance(), areaCode);
        }
        Category category = CATEGORIES.pick(random);
        String name = switch (category) {
            case RESIDENTIAL -> persons.next(random);
            case COMMERCIAL -> BusinessNames.shop(random);
            case INDUSTRIAL -> BusinessNames.works(random, town);
            case AGRICULTURAL -> random.nextBoolean() ? persons.next(random) : BusinessNames.farm(random, locality);
        };
        String phone = random.nextInt(100) < (category == Category.RESIDENTIAL ? 95 : 70) ? Phones.mobile(random)
                : Phones.landline(random);
        return new NewAccount(number, name, address(town, locality, category), phone, category, voltage(category),
                ImportantUserClass.NONE, areaCode);
    }

    private String address(Town town, String locality, Category category) {
        int number = 1 + random.nextInt(town.urban() ? 300 : 60);
        if (!town.urban()) {
            return town.name() + locality + (1 + random.nextInt(12)) + "组" + number + "号";
        }
        if (category == Category.RESIDENTIAL) {
            return town.name() + locality + number + "号" + (1 + random.nextInt(12)) + "栋" + (1 + random.nextInt(4)) + "单元";
        }
        return town.name() + locality + number + "号";
    }

    private VoltageLevel voltage(Category category) {
        return switch (category) {
            case RESIDENTIAL -> RESIDENTIAL.pick(random);
            case COMMERCIAL -> COMMERCIAL.pick(random);
            case INDUSTRIAL -> INDUSTRIAL.pick(random);
            case AGRICULTURAL -> AGRICULTURAL.pick(random);
        };
    }
}
