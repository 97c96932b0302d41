package org.countygrid.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.countygrid.demo.internal.generate.CountyGenerator;
import org.countygrid.demo.internal.generate.GeneratedCounty;
import org.countygrid.metering.InstalledBase;
import org.junit.jupiter.api.Test;

/** The demo county's installed base: a meter per account, a concentrator per area, deterministic from the seed. */
class DemoMeteringLoaderTest {

    @Test
    void everyAccountGetsAMeterAndEveryAreaAConcentrator() {
        GeneratedCounty county = new CountyGenerator(7).generate(3, 20, 2_000);
        InstalledBase base = DemoMeteringLoader.base(county, new SplittableRandom(1));
        InstalledBase again = DemoMeteringLoader.base(county, new SplittableRandom(1));

        assertThat(base.meters()).hasSize(2_000);
        assertThat(base.terminals()).hasSize(20);
        assertThat(base.meters()).extracting(m -> m.meter().barcode()).doesNotHaveDuplicates()
                .allMatch(b -> b.matches("\\d{22}"));
        assertThat(base.meters()).extracting(m -> m.meter().commAddress()).doesNotHaveDuplicates()
                .allMatch(a -> a.matches("\\d{12}"));
        assertThat(base.terminals()).extracting(t -> t.terminal().address()).doesNotHaveDuplicates()
                .allMatch(a -> a.matches("[0-9A-F]{8}"));
        assertThat(base.meters()).allMatch(m -> !m.installedAt().isBefore(
                county.accounts().stream().filter(a -> a.account().number().equals(m.accountNumber())).findFirst()
                        .orElseThrow().openedAt()));
        assertThat(again).isEqualTo(base);
    }
}
