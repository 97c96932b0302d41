package org.countygrid.metering.internal;

import org.countygrid.platform.api.config.ConfigValues;

import org.countygrid.metering.internal.form.FormFonts;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "CountyGrid Metering", description = "Meter assets, work orders and reading validation (计量)")
@interface MeteringConfig {

    String PID = "org.countygrid.metering";

    /** What each setting must be; a value that breaks it is not used (ConfigValues), its default is. */
    java.util.Map<String, ConfigValues.Rule> RULES = java.util.Map.ofEntries(
            java.util.Map.entry("spikeFactor", ConfigValues.between(1.0, 10_000.0)),
            java.util.Map.entry("spikeMinHistory", ConfigValues.between(1, 1_000)),
            java.util.Map.entry("historyReadings", ConfigValues.between(2, 10_000)),
            java.util.Map.entry("rejudgeReadings", ConfigValues.between(0, 100_000)),
            java.util.Map.entry("futureToleranceMinutes", ConfigValues.between(0, 1_440)),
            java.util.Map.entry("maxEstimatedPoints", ConfigValues.between(0, 100_000)),
            java.util.Map.entry("readingBatchMax", ConfigValues.between(1, 1_000_000)),
            java.util.Map.entry("deliveryMaxLines", ConfigValues.between(1, 1_000_000)),
            java.util.Map.entry("defaultWarehouse", ConfigValues.text(20)),
            java.util.Map.entry("pageDefaultLimit", ConfigValues.between(1, 500)),
            java.util.Map.entry("photoMaxKilobytes", ConfigValues.between(16, 102_400)),
            java.util.Map.entry("signatureMaxKilobytes", ConfigValues.between(4, 10_240)));

    @AttributeDefinition(description = "A reading whose consumption rate exceeds this many times the meter's recent average fails as SPIKE")
    double spikeFactor() default 10;

    @AttributeDefinition(description = "Consumption intervals of history needed before spikes are judged")
    int spikeMinHistory() default 3;

    @AttributeDefinition(description = "Valid readings per series that validation looks back on")
    int historyReadings() default 8;

    @AttributeDefinition(description = "When a reading arrives older than stored ones of its series, the stored ones up to"
            + " this many intervals of the series (15 minutes or a day) after the batch's readings are judged again")
    int rejudgeReadings() default 192;

    @AttributeDefinition(description = "Minutes a reading may lie in the future (meter clock skew) before it fails as FUTURE")
    int futureToleranceMinutes() default 5;

    @AttributeDefinition(description = "Most points one gap is filled with by linear estimation; longer gaps are only flagged")
    int maxEstimatedPoints() default 96;

    @AttributeDefinition(description = "Most readings in one ingest batch")
    int readingBatchMax() default 50000;

    @AttributeDefinition(description = "Most meters in one delivery file")
    int deliveryMaxLines() default 10000;

    @AttributeDefinition(description = "The warehouse (库房) code that deliveries, single arrivals and registered terminals go to when they name none")
    String defaultWarehouse() default "MAIN";

    @AttributeDefinition(description = "Meters or work orders per list page when the caller does not say (at most 500)")
    int pageDefaultLimit() default 50;

    @AttributeDefinition(description = "Largest photo of a meter a field worker may upload, in KiB (JPEG or PNG)")
    int photoMaxKilobytes() default 5120;

    @AttributeDefinition(description = "Largest customer signature image, in KiB (PNG)")
    int signatureMaxKilobytes() default 512;

    @AttributeDefinition(description = "Font files for the completed work order form (PDF), comma-separated; the first"
            + " that exists and has Chinese glyphs is used (e.g. Debian package fonts-wqy-microhei)")
    String formFontFiles() default FormFonts.DEFAULT_FILES;
}
