package org.countygrid.demo.internal.generate;

/** Splits a whole number by weights so that the parts add up exactly (largest remainder first). */
final class Shares {

    private Shares() {
    }

    static int[] split(int total, double[] weights, int minimum) {
        int n = weights.length;
        if (total < minimum * n) {
            throw new IllegalArgumentException("cannot give " + n + " parts at least " + minimum + " of " + total);
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int free = total - minimum * n;
        int[] parts = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = free * weights[i] / sum;
            parts[i] = minimum + (int) exact;
            remainders[i] = exact - (int) exact;
            given += parts[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }
}
