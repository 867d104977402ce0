package ai.worldforge.event;

import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;

/**
 * Aggregated events of one (provider, operation) pair (the reference's {@code
 * ProviderOperationMetrics}).
 *
 * @param provider provider name
 * @param operation operation name
 * @param requestCount every event, retries included
 * @param errorCount events in phase {@code failure} ({@code budget_exceeded} is not counted)
 * @param retryCount events in phase {@code retry}
 * @param latency durations of the events that have one
 */
public record ProviderOperationMetrics(
        String provider,
        String operation,
        long requestCount,
        long errorCount,
        long retryCount,
        LatencySummary latency) {

    /** {@code {provider, operation, request_count, error_count, retry_count, latency}}. */
    public JsonObject toJson() {
        return JsonObject.builder(6)
                .put("provider", JsonString.of(provider))
                .put("operation", JsonString.of(operation))
                .put("request_count", JsonInt.of(requestCount))
                .put("error_count", JsonInt.of(errorCount))
                .put("retry_count", JsonInt.of(retryCount))
                .put("latency", latency.toJson())
                .build();
    }
}
