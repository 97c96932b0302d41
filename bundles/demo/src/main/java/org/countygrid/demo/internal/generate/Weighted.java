package org.countygrid.demo.internal.generate;

import java.util.SplittableRandom;

/** Picks from values by integer weights, e.g. surnames by how common they are. */
final class Weighted<T> {

    private final T[] values;
    private final int[] cumulative;

    @SafeVarargs
    Weighted(int[] weights, T... values) {
        if (weights.length != values.length) {
            throw new IllegalArgumentException("one weight per value");
        }
        this.values = values;
        this.cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    T pick(SplittableRandom random) {
        int r = random.nextInt(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > r) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values[low];
    }
}
