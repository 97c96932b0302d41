package org.countygrid.platform.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @interface Settings { // package-private, as modules declare theirs
        int pageLimit() default 50;

        double spikeFactor() default 10;

        String warehouse() default "MAIN";

        boolean strict() default true;
    }

    private final List<String> warnings = new ArrayList<>();

    /** As Declarative Services makes it: a setting it could not convert throws when it is read. */
    private static Settings configured(Map<String, Object> values) {
        return (Settings) Proxy.newProxyInstance(Settings.class.getClassLoader(), new Class<?>[] { Settings.class },
                (proxy, method, args) -> {
                    Object value = values.getOrDefault(method.getName(), method.getDefaultValue());
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }

    private Settings checked(Map<String, Object> values) {
        return ConfigValues.checked(Settings.class, configured(values), Map.of(
                "pageLimit", ConfigValues.between(1, 500),
                "spikeFactor", ConfigValues.between(1.0, 1000.0),
                "warehouse", ConfigValues.text(6)),
                warnings::add);
    }

    @Test
    void goodValuesAreUsedAsSetWithoutAWord() {
        Settings s = checked(Map.of("pageLimit", 20, "spikeFactor", 4.5, "warehouse", "KF-02", "strict", false));

        assertThat(s.pageLimit()).isEqualTo(20);
        assertThat(s.spikeFactor()).isEqualTo(4.5);
        assertThat(s.warehouse()).isEqualTo("KF-02");
        assertThat(s.strict()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aValueThatCannotBeReadGivesTheDefaultAndOneWarning() {
        // a probe's "pageDefaultLimit = xyz" took the whole metering module off line
        Settings s = checked(Map.of("pageLimit", new NumberFormatException("For input string: \"xyz\"")));

        assertThat(s.pageLimit()).isEqualTo(50);
        assertThat(s.pageLimit()).isEqualTo(50);
        assertThat(warnings).containsExactly("Configuration Settings: pageLimit cannot be read as a whole number (For input"
                + " string: \"xyz\"); its default 50 is used until it is corrected");
    }

    @Test
    void aValueThatBreaksItsRuleGivesTheDefault() {
        Settings s = checked(Map.of("pageLimit", 0, "spikeFactor", -3.0, "warehouse", "KF-0002"));

        assertThat(s.pageLimit()).isEqualTo(50);
        assertThat(s.spikeFactor()).isEqualTo(10.0);
        assertThat(s.warehouse()).isEqualTo("MAIN");
        assertThat(warnings).containsExactly(
                "Configuration Settings: pageLimit is 0, but must be a whole number from 1 to 500; its default 50 is used until it is corrected",
                "Configuration Settings: spikeFactor is -3.0, but must be a number from 1.0 to 1000.0; its default 10.0 is used until it is corrected",
                "Configuration Settings: warehouse is 'KF-0002', but must be 1 to 6 characters without control characters; its default 'MAIN' is used until it is corrected");
    }

    @Test
    void aTrueOrFalseSettingGivenAsOtherTextIsNotTakenForFalseWithoutAWord() {
        Settings s = ConfigValues.checked(Settings.class, configured(Map.of("strict", false)), Map.of("strict", "ture"),
                Map.of(), warnings::add);

        assertThat(s.strict()).as("the default").isTrue();
        assertThat(warnings).containsExactly("Configuration Settings: strict is 'ture', but must be true or false; its"
                + " default true is used until it is corrected");
        assertThat(ConfigValues.checked(Settings.class, configured(Map.of("strict", false)), Map.of("strict", " FALSE"),
                Map.of(), warnings::add).strict()).isFalse();
    }
}
