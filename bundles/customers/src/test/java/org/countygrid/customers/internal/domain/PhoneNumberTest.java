package org.countygrid.customers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = { "13812345678", "19900000000", "0571-88888888", "010-62345678", "0736-2345678" })
    void acceptsMobilesAndLandlinesWithAreaCode(String phone) {
        assertThat(PhoneNumber.isValid(phone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "12812345678", "1381234567", "138123456789", "88888888", "0571 88888888",
            "0571-08888888", "571-88888888", "+8613812345678", "" })
    void refusesEverythingElse(String phone) {
        assertThat(PhoneNumber.isValid(phone)).isFalse();
    }
}
