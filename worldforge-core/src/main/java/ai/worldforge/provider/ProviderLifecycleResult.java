package ai.worldforge.provider;

import ai.worldforge.event.Redaction;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of one lifecycle hook ({@code preflight}, {@code warmup} or {@code teardown}). Texts are
 * redacted on construction. Immutable and thread-safe.
 *
 * @param provider provider name
 * @param hook hook name
 * @param status one of {@link #STATUSES}
 * @param ready whether the provider is ready after the hook
 * @param latencyMs non-negative hook latency
 * @param details redacted details
 * @param skipReason redacted reason when skipped
 * @param evidence JSON evidence
 */
public record ProviderLifecycleResult(
        String provider,
        String hook,
        String status,
        boolean ready,
        double latencyMs,
        String details,
        String skipReason,
        JsonObject evidence) {
    /** Lifecycle hooks in order. */
    public static final List<String> HOOKS = List.of("preflight", "warmup", "teardown");
    /** Lifecycle statuses. */
    public static final List<String> STATUSES = List.of("no-op", "ready", "skipped", "failed", "teardown-failed");

    /** Validates and redacts. */
    public ProviderLifecycleResult {
        provider = Checks.nonBlank(provider, "ProviderLifecycleResult provider must be a non-empty string.");
        if (!HOOKS.contains(hook)) {
            throw new ai.worldforge.error.WorldForgeException(
                    "ProviderLifecycleResult hook must be one of: preflight, warmup, teardown.");
        }
        if (!STATUSES.contains(status)) {
            throw new ai.worldforge.error.WorldForgeException(
                    "ProviderLifecycleResult status must be one of: no-op, ready, skipped, failed, teardown-failed.");
        }
        Checks.nonNegative(latencyMs, "ProviderLifecycleResult latency_ms");
        details = Redaction.redactText(Objects.requireNonNull(details));
        skipReason = Redaction.redactText(Objects.requireNonNull(skipReason));
        evidence = (JsonObject) Redaction.redactValue(Checks.jsonObject(evidence, "ProviderLifecycleResult evidence"));
    }

    /** {@code {provider, hook, status, ready, latency_ms, details, skip_reason, evidence}}. */
    public JsonObject toJson() {
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("hook", JsonString.of(hook))
                .put("status", JsonString.of(status))
                .put("ready", JsonBool.of(ready))
                .put("latency_ms", JsonFloat.of(latencyMs))
                .put("details", JsonString.of(details))
                .put("skip_reason", JsonString.of(skipReason))
                .put("evidence", evidence)
                .build();
    }
}
