package org.countygrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Paging as a client writes it, in a query parameter or a shell option. */
class PageTest {

    @Test
    void noLimitIsTheServicesDefaultAndAGivenOneIsAtLeastOne() {
        assertThat(Page.requestedLimit(null)).isZero();
        assertThat(Page.requestedLimit(" ")).isZero();
        assertThat(Page.requestedLimit(" 20 ")).isEqualTo(20);
        for (String nothing : new String[] { "0", "-5" }) {
            assertThatThrownBy(() -> Page.requestedLimit(nothing)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.byField()).containsEntry("limit", "must be at least 1"));
        }
        assertThatThrownBy(() -> Page.requestedLimit("ten")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsEntry("limit", "must be a whole number"));
    }

    @Test
    void noOffsetIsTheFirstRowAndANonNumberIsNamed() {
        assertThat(Page.requestedOffset(null)).isZero();
        assertThat(Page.requestedOffset("40")).isEqualTo(40);
        assertThatThrownBy(() -> Page.requestedOffset("-")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsEntry("offset", "must be a whole number"));
        assertThatThrownBy(() -> Page.requestedOffset("99999999999999")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.byField()).containsEntry("offset", "must be at most 2147483647"));
    }
}
