package ai.worldforge.event;

import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric value captured by {@link InMemoryMetricsExporter} (the reference's {@code
 * MetricSample}): a counter's total or one histogram observation.
 *
 * @param name metric name
 * @param labels labels (unmodifiable)
 * @param value counter total or observed value
 */
public record MetricSample(String name, Map<String, String> labels, double value) {
    /** Copies {@code labels} into an unmodifiable map keeping their order. */
    public MetricSample {
        labels = labels instanceof ProviderEventMetricLabels.Labels
                ? labels
                : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** {@code {"name": …, "labels": {…}, "value": …}}. */
    public JsonObject toJson() {
        JsonObject.Builder labelJson = JsonObject.builder(labels.size());
        labels.forEach((k, v) -> labelJson.put(k, JsonString.of(v)));
        return JsonObject.builder(3)
                .put("name", JsonString.of(name))
                .put("labels", labelJson.build())
                .put("value", JsonFloat.of(value))
                .build();
    }
}
