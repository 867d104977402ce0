package ai.worldforge.event;

import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import java.util.OptionalDouble;

/**
 * Aggregate latency of one provider operation (the reference's {@code LatencySummary}): only
 * events with a duration are samples; average, minimum and maximum are absent without samples.
 *
 * @param sampleCount number of events with a duration
 * @param totalMs sum of their durations in milliseconds
 * @param averageMs total / count, when there are samples
 * @param minMs smallest duration, when there are samples
 * @param maxMs largest duration, when there are samples
 */
public record LatencySummary(
        long sampleCount, double totalMs, OptionalDouble averageMs, OptionalDouble minMs, OptionalDouble maxMs) {
    /** No samples. */
    public static final LatencySummary EMPTY =
            new LatencySummary(0, 0.0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    /** {@code {sample_count, total_ms, average_ms, min_ms, max_ms}}, absent values as {@code null}. */
    public JsonObject toJson() {
        return JsonObject.builder(5)
                .put("sample_count", JsonInt.of(sampleCount))
                .put("total_ms", JsonFloat.of(totalMs))
                .put("average_ms", optional(averageMs))
                .put("min_ms", optional(minMs))
                .put("max_ms", optional(maxMs))
                .build();
    }

    private static ai.worldforge.json.JsonValue optional(OptionalDouble value) {
        return value.isPresent() ? JsonFloat.of(value.getAsDouble()) : JsonNull.INSTANCE;
    }
}
