package org.countygrid.customers.internal;

import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.ValidationException;

/** Page sizes of account searches, from configuration but never beyond what the platform allows. */
record SearchLimits(int defaultLimit, int maxLimit) {

    static SearchLimits of(CustomersConfig configured) {
        CustomersConfig config = org.countygrid.platform.api.config.ConfigValues.checked(CustomersConfig.class, configured,
                CustomersConfig.RULES, org.slf4j.LoggerFactory.getLogger(SearchLimits.class)::warn);
        int max = Math.max(1, Math.min(config.searchMaxLimit(), Page.MAX_LIMIT));
        if (config.searchDefaultLimit() > max) {
            org.slf4j.LoggerFactory.getLogger(SearchLimits.class).warn("Configuration CustomersConfig: searchDefaultLimit {}"
                    + " is above searchMaxLimit {}; pages of {} are given when the caller names no limit",
                    config.searchDefaultLimit(), max, max);
        }
        return new SearchLimits(Math.max(1, Math.min(config.searchDefaultLimit(), max)), max);
    }

    /** The page size to use for {@code requested}; 0 means the default. */
    int resolve(int requested) {
        if (requested == 0) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new ValidationException("limit", "must be between 1 and " + maxLimit);
        }
        return requested;
    }
}
