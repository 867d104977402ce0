package ai.worldforge.provider;

import ai.worldforge.event.Redaction;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;

/**
 * The result of a provider health check. Details are redacted on construction, so a health
 * report never carries a credential. Immutable and thread-safe.
 *
 * @param name non-blank provider name (stripped)
 * @param healthy whether the provider can serve requests
 * @param latencyMs non-negative check latency
 * @param details redacted detail text ({@code configured}, {@code missing X}, …)
 */
public record ProviderHealth(String name, boolean healthy, double latencyMs, String details) {
    /** Validates and redacts. */
    public ProviderHealth {
        name = Checks.nonBlank(name, "ProviderHealth name must be a non-empty string.");
        Checks.nonNegative(latencyMs, "ProviderHealth latency_ms");
        details = Redaction.redactText(details == null ? "" : details);
    }

    /** {@code {name, healthy, latency_ms, details}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("name", JsonString.of(name))
                .put("healthy", JsonBool.of(healthy))
                .put("latency_ms", JsonFloat.of(latencyMs))
                .put("details", JsonString.of(details))
                .build();
    }
}
