package org.countygrid.demo.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.countygrid.customers.AccountData;
import org.countygrid.customers.AreaData;
import org.countygrid.customers.Category;
import org.countygrid.customers.ImportantUserClass;
import org.countygrid.customers.NewAccount;
import org.countygrid.customers.StationData;
import org.countygrid.customers.VoltageLevel;
import org.countygrid.platform.api.AccountNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CountyGeneratorTest {

    /** The customers module's phone rule, repeated here because its domain package is not exported. */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0(10|2\\d|[3-9]\\d{2})-[2-9]\\d{6,7}");
    private static final Pattern CHINESE_NAME = Pattern.compile("[\\p{IsHan}]{2,30}");

    private static GeneratedCounty county;

    @BeforeAll
    static void generateTheDefaultCounty() {
        county = new CountyGenerator(20261126L).generate(20, 600, 200_000);
    }

    @Test
    void hasTheAskedForCounts() {
        assertThat(county.stations()).hasSize(20);
        assertThat(county.areas()).hasSize(600);
        assertThat(county.accounts()).hasSize(200_000);
        assertThat(county.stations().get(0)).isEqualTo(new StationData("CG", "城关供电所"));
        assertThat(county.areas().get(0).name()).isEqualTo("城关镇1号台区");
    }

    @Test
    void isTheSameCountyForTheSameSeedAndAnotherForAnother() {
        GeneratedCounty again = new CountyGenerator(20261126L).generate(20, 600, 200_000);
        GeneratedCounty other = new CountyGenerator(1L).generate(20, 600, 200_000);

        assertThat(again).isEqualTo(county);
        assertThat(other.accounts()).isNotEqualTo(county.accounts());
    }

    @Test
    void everyAccountIsValidAndUnique() {
        assertThat(county.accounts()).map(a -> a.account().number()).doesNotHaveDuplicates()
                .allMatch(AccountNumber::isValid);
        assertThat(county.accounts()).map(a -> a.account().phone()).allMatch(p -> PHONE.matcher(p).matches());
        assertThat(county.accounts()).map(a -> a.account().name()).allMatch(n -> CHINESE_NAME.matcher(n).matches());
        assertThat(county.accounts()).map(a -> a.account().address()).allMatch(a -> a.length() <= 200 && (a.endsWith("号") || a.endsWith("单元")));
        assertThat(county.accounts()).allMatch(a -> a.openedAt() != null);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> stations = county.stations().stream().map(StationData::code).collect(Collectors.toSet());
        Map<String, AreaData> areas = county.areas().stream().collect(Collectors.toMap(AreaData::code, Function.identity()));

        assertThat(county.areas()).allMatch(a -> stations.contains(a.stationCode()));
        assertThat(county.accounts()).allMatch(a -> areas.containsKey(a.account().areaCode()));
        assertThat(county.areas()).map(AreaData::capacityKva).allMatch(kva -> kva >= 50 && kva <= 800);
    }

    @Test
    void followsTheCountysCategoryMixWithFittingVoltages() {
        Map<Category, Long> byCategory = county.accounts().stream()
                .collect(Collectors.groupingBy(a -> a.account().category(), Collectors.counting()));

        assertThat(byCategory.get(Category.RESIDENTIAL) / 2000.0).isBetween(87.0, 89.0);
        assertThat(byCategory.get(Category.COMMERCIAL) / 2000.0).isBetween(5.5, 6.5);
        assertThat(byCategory.get(Category.INDUSTRIAL) / 2000.0).isBetween(2.5, 3.5);
        assertThat(byCategory.get(Category.AGRICULTURAL) / 2000.0).isBetween(2.5, 3.5);
        assertThat(county.accounts()).map(AccountData::account).filteredOn(a -> a.category() == Category.RESIDENTIAL)
                .allMatch(a -> a.voltageLevel() == VoltageLevel.V220 || a.voltageLevel() == VoltageLevel.V380);
    }

    @Test
    void hasAFewImportantUserInTheCountySeat() {
        assertThat(county.accounts()).map(AccountData::account)
                .filteredOn(a -> a.importantClass() != ImportantUserClass.NONE)
                .hasSize(ImportantUser.COUNTY_SEAT.size())
                .allMatch(a -> a.number().startsWith("3101"))
                .extracting(NewAccount::name).contains("县人民医院");
    }

    @Test
    void refusesCountsThatCannotBeNumbered() {
        assertThatThrownBy(() -> new CountyGenerator(1).generate(100, 600, 10)).hasMessageContaining("stations");
        assertThatThrownBy(() -> new CountyGenerator(1).generate(20, 10, 10)).hasMessageContaining("areas");
    }
}
