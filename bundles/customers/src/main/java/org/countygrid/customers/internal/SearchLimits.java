package org.countygrid.customers.internal;

import org.countygrid.platform.api.Page;
import org.countygrid.platform.api.ValidationException;
import org.countygrid.platform.api.config.ConfigValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Page sizes of account searches, from configuration but never beyond what the platform allows. */
record SearchLimits(int defaultLimit, int maxLimit) {

    private static final Logger LOG = LoggerFactory.getLogger(SearchLimits.class);

    static SearchLimits of(CustomersConfig configured) {
        CustomersConfig config = ConfigValues.checked(CustomersConfig.class, configured, CustomersConfig.RULES, LOG::warn);
        int max = Math.max(1, Math.min(config.searchMaxLimit(), Page.MAX_LIMIT));
        if (config.searchDefaultLimit() > max) {
            LOG.warn("Configuration CustomersConfig: searchDefaultLimit {}"
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
