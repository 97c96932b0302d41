package org.countygrid.metering.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.countygrid.metering.FeeControl;
import org.countygrid.metering.NewMeter;
import org.countygrid.metering.Phase;
import org.countygrid.platform.api.ValidationException;
import org.junit.jupiter.api.Test;

/** Delivery files: every line checked, errors named by line and column, duplicates caught in and outside the file. */
class DeliveryBatchTest {

    static final DeliveryBatch.Stock EMPTY = stock(Set.of());

    static DeliveryBatch.Stock stock(Set<String> stored) {
        return new DeliveryBatch.Stock() {
            @Override
            public boolean barcodeExists(String barcode) {
                return stored.contains(barcode);
            }

            @Override
            public boolean assetNumberExists(String assetNumber) {
                return stored.contains(assetNumber);
            }

            @Override
            public boolean commAddressExists(String commAddress) {
                return stored.contains(commAddress);
            }
        };
    }

    @Test
    void cellsQuotedAsASpreadsheetWritesThemAreRead() {
        String csv = "\"barcode\",\"assetNumber\",\"commAddress\",\"phase\",\"feeControl\",\"manufacturer\",\"accuracyClass\"\r\n"
                + "\"3300000000000000000001\",\"QS-A0001\",\"000000000001\",\"SINGLE\",\"LOCAL\",\"华立\",\"2\"\r\n"
                + "3300000000000000000002,QS-A0002,000000000002,THREE,REMOTE,\"威胜 \"\"WS\"\"\", \"0.5S\"\r\n";

        List<NewMeter> meters = DeliveryBatch.parse(csv, 10, EMPTY);

        assertThat(meters).containsExactly(
                new NewMeter("3300000000000000000001", "QS-A0001", "000000000001", Phase.SINGLE, FeeControl.LOCAL, "华立", "2"),
                new NewMeter("3300000000000000000002", "QS-A0002", "000000000002", Phase.THREE, FeeControl.REMOTE,
                        "威胜 \"WS\"", "0.5S"));
    }

    @Test
    void aMalformedQuotedCellOrOneWithACommaIsRefusedByLineAndColumn() {
        String csv = "\"3300000000000000000001,QS-A0001,000000000001,SINGLE,LOCAL,华立,2\n"
                + "3300000000000000000002,\"QS-A0002,X\",000000000002,SINGLE,LOCAL,华立,2\n"
                + "\"3300000000\"000000000003,QS-A0003,000000000003,SINGLE,LOCAL,华立,2\n"
                + "3300000000000000000004,QS-A0004,000000000004,SINGLE,LOCAL,\"华立\u2028厂\",2\n"
                + "3300000000000000000005,QS-A0005,00000000000X,SINGLE,LOCAL,华立,2\n";

        assertThatThrownBy(() -> DeliveryBatch.parse(csv, 10, EMPTY)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsOnlyKeys("line 1.barcode", "line 2.assetNumber", "line 3.barcode",
                        "line 4.manufacturer", "line 5.commAddress")
                        // U+2028 ends no line (line 5 is still line 5), and is refused in a name like any control
                        .containsEntry("line 4.manufacturer", org.countygrid.platform.api.FreeText.CONTROL)
                        .containsEntry("line 1.barcode", DeliveryBatch.UNCLOSED_QUOTE)
                        .containsEntry("line 3.barcode", DeliveryBatch.TEXT_AFTER_QUOTE));
    }

    @Test
    void aFileLongerThanAllowedIsRefusedBeforeAnyLineIsLookedUp() {
        String line = "3300000000000000000001,QS-A0001,000000000001,SINGLE,LOCAL,华立,2\n";
        DeliveryBatch.Stock untouchable = new DeliveryBatch.Stock() {
            @Override
            public boolean barcodeExists(String barcode) {
                throw new AssertionError("looked up " + barcode);
            }

            @Override
            public boolean assetNumberExists(String assetNumber) {
                throw new AssertionError("looked up " + assetNumber);
            }

            @Override
            public boolean commAddressExists(String commAddress) {
                throw new AssertionError("looked up " + commAddress);
            }
        };

        assertThatThrownBy(() -> DeliveryBatch.parse("barcode,asset\n" + line.repeat(3) + "\n", 2, untouchable))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsEntry("body", "must hold at most 2 meters"));
    }

    @Test
    void readsMetersSkippingTheHeaderAndBlankLines() {
        List<NewMeter> meters = DeliveryBatch.parse("""
                barcode,assetNumber,commAddress,phase,feeControl,manufacturer,accuracyClass
                3300000000000000000001, QS-A0001 ,000000000001,single,LOCAL,华立,2

                3300000000000000000002,QS-A0002,000000000002,THREE,remote,威胜,0.5S
                """, 10, EMPTY);
        assertThat(meters).containsExactly(
                new NewMeter("3300000000000000000001", "QS-A0001", "000000000001", Phase.SINGLE, FeeControl.LOCAL, "华立", "2"),
                new NewMeter("3300000000000000000002", "QS-A0002", "000000000002", Phase.THREE, FeeControl.REMOTE, "威胜", "0.5S"));
    }

    @Test
    void namesEveryBadLineAndColumn() {
        assertThatThrownBy(() -> DeliveryBatch.parse("""
                330000000000000000001,QS-A0001,00000000001,SINGLE,LOCAL,华立,2
                3300000000000000000002,QS-A0002,000000000002,TWO,LOCAL,华立,2
                3300000000000000000003,QS-A0003,000000000003,SINGLE,LOCAL,华立
                3300000000000000000002,QS-A0004,000000000004,SINGLE,LOCAL,华立,2
                """, 10, EMPTY)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.byField()).containsOnly(
                        org.assertj.core.api.Assertions.entry("line 1.barcode", MeterIdentity.BAD_BARCODE),
                        org.assertj.core.api.Assertions.entry("line 1.commAddress", MeterIdentity.BAD_COMM_ADDRESS),
                        org.assertj.core.api.Assertions.entry("line 2.phase", "must be one of [SINGLE, THREE]"),
                        org.assertj.core.api.Assertions.entry("line 3.columns", "must have 7 comma-separated columns, has 6"),
                        org.assertj.core.api.Assertions.entry("line 4.barcode", DeliveryBatch.DUPLICATE_IN_FILE)));
    }

    @Test
    void refusesMetersAlreadyInStock() {
        assertThatThrownBy(() -> DeliveryBatch.parse("3300000000000000000001,QS-A0001,000000000001,SINGLE,LOCAL,华立,2",
                10, stock(Set.of("QS-A0001")))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.byField()).containsOnlyKeys("line 1.assetNumber"));
    }

    @Test
    void refusesEmptyAndOversizedFiles() {
        assertThatThrownBy(() -> DeliveryBatch.parse(" ", 10, EMPTY)).hasMessageContaining("at least one meter line");
        assertThatThrownBy(() -> DeliveryBatch.parse("barcode,x\n", 10, EMPTY)).hasMessageContaining("at least one meter line");
        assertThatThrownBy(() -> DeliveryBatch.parse("""
                3300000000000000000001,QS-A0001,000000000001,SINGLE,LOCAL,华立,2
                3300000000000000000002,QS-A0002,000000000002,SINGLE,LOCAL,华立,2
                """, 1, EMPTY)).hasMessageContaining("at most 1 meters");
    }
}
