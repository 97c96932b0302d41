package org.countygrid.platform.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countygrid.platform.api.OfficeCode;
import org.countygrid.platform.api.Problem;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.data.Office;
import org.countygrid.platform.data.Office.Kind;

class OfficeDirectoryServiceTest {

    static final OfficeCode QS = OfficeCode.of("QS");

    @OnEachDatabase
    void aCountyIsAddedThenRenamed(Db db) {
        try (Db.Open open = db.open()) {
            OfficeDirectoryService directory = new OfficeDirectoryService(new DatabaseService(open.dataSource()));

            directory.putCounty(QS, "青山县供电公司");
            directory.putCounty(QS, "青山县供电分公司");

            assertThat(directory.find(QS)).contains(new Office(QS, "青山县供电分公司", Kind.COUNTY, null));
            assertThat(directory.list()).hasSize(1);
        }
    }

    @OnEachDatabase
    void stationsBelongToAKnownCounty(Db db) {
        try (Db.Open open = db.open()) {
            OfficeDirectoryService directory = new OfficeDirectoryService(new DatabaseService(open.dataSource()));
            directory.putCounty(QS, "青山县供电公司");

            directory.addStation(OfficeCode.of("QS02"), "城关供电所", QS);
            directory.addStation(OfficeCode.of("QS01"), "河口供电所", QS);

            assertThat(directory.list()).extracting(o -> o.code().value()).containsExactly("QS", "QS01", "QS02");
            assertThat(directory.find(OfficeCode.of("QS01"))).contains(new Office(OfficeCode.of("QS01"), "河口供电所", Kind.STATION, QS));
            assertThatThrownBy(() -> directory.addStation(OfficeCode.of("HX01"), "x", OfficeCode.of("HX")))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
            assertThatThrownBy(() -> directory.addStation(OfficeCode.of("QS01"), "again", QS))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThatThrownBy(() -> directory.addStation(OfficeCode.of("QS03"), "x", OfficeCode.of("QS01")))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
            assertThatThrownBy(() -> directory.putCounty(OfficeCode.of("QS01"), "x"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
            assertThatThrownBy(() -> directory.addStation(OfficeCode.of("QS04"), " ", QS)).isInstanceOf(ValidationException.class);
            assertThat(directory.list()).hasSize(3);
        }
    }
}
