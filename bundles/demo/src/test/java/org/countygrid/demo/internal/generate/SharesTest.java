package org.countygrid.demo.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SharesTest {

    @Test
    void partsAddUpAndFollowTheWeights() {
        int[] parts = Shares.split(10, new double[] { 1, 1, 1 }, 0);

        assertThat(Arrays.stream(parts).sum()).isEqualTo(10);
        assertThat(parts).containsExactly(4, 3, 3);
        assertThat(Shares.split(600, new double[] { 3, 1, 1, 1 }, 1)).containsExactly(299, 101, 100, 100);
    }

    @Test
    void everyPartGetsTheMinimum() {
        assertThat(Shares.split(3, new double[] { 100, 0.001, 0.001 }, 1)).containsExactly(1, 1, 1);
    }
}
