package org.countygrid.customers.internal;

import java.lang.annotation.Annotation;

/** Builds {@link CustomersConfig} values for tests, as DS would from a configuration (OpenEMS MyConfig). */
final class CustomersConfigs {

    private CustomersConfigs() {
    }

    static CustomersConfig of(int searchDefaultLimit, int searchMaxLimit) {
        return new CustomersConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CustomersConfig.class;
            }

            @Override
            public int searchDefaultLimit() {
                return searchDefaultLimit;
            }

            @Override
            public int searchMaxLimit() {
                return searchMaxLimit;
            }
        };
    }

    static CustomersConfig defaults() {
        return of(20, 200);
    }
}
