package org.countygrid.metering.internal;

import org.countygrid.metering.internal.form.FormFonts;

import java.lang.annotation.Annotation;

/** Builds {@link MeteringConfig} values for tests, as DS would from a configuration (OpenEMS MyConfig). */
final class MeteringConfigs {

    private MeteringConfigs() {
    }

    static MeteringConfig defaults() {
        return withSpikeFactor(10);
    }

    static MeteringConfig withSpikeFactor(double spikeFactor) {
        return new MeteringConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MeteringConfig.class;
            }

            @Override
            public double spikeFactor() {
                return spikeFactor;
            }

            @Override
            public int spikeMinHistory() {
                return 3;
            }

            @Override
            public int historyReadings() {
                return 8;
            }

            @Override
            public int rejudgeReadings() {
                return 192;
            }

            @Override
            public int futureToleranceMinutes() {
                return 5;
            }

            @Override
            public int maxEstimatedPoints() {
                return 96;
            }

            @Override
            public int readingBatchMax() {
                return 50_000;
            }

            @Override
            public int deliveryMaxLines() {
                return 100;
            }

            @Override
            public String defaultWarehouse() {
                return "MAIN";
            }

            @Override
            public int pageDefaultLimit() {
                return 50;
            }

            @Override
            public int photoMaxKilobytes() {
                return 64;
            }

            @Override
            public int signatureMaxKilobytes() {
                return 16;
            }

            @Override
            public String formFontFiles() {
                return FormFonts.DEFAULT_FILES;
            }
        };
    }
}
