package ai.worldforge.provider;

import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Aggregated lifecycle outcome of a provider: the preflight result and, when requested, warm-up
 * and teardown. Immutable and thread-safe.
 *
 * @param provider provider name
 * @param status aggregate status (teardown-failed &gt; failed &gt; skipped &gt; ready &gt; no-op)
 * @param ready whether the aggregate status is {@code no-op} or {@code ready}
 * @param preflight preflight result
 * @param warmup warm-up result, when run
 * @param teardown teardown result, when run
 * @param details first issue's details, else the first non-empty details
 * @param skipReason first skip reason
 * @param evidence {@code {hook: evidence}} for hooks with evidence
 */
public record ProviderLifecycleStatus(
        String provider,
        String status,
        boolean ready,
        ProviderLifecycleResult preflight,
        @Nullable ProviderLifecycleResult warmup,
        @Nullable ProviderLifecycleResult teardown,
        String details,
        String skipReason,
        JsonObject evidence) {
    private static final List<String> PRECEDENCE = List.of("teardown-failed", "failed", "skipped", "ready", "no-op");

    /** Validates presence. */
    public ProviderLifecycleStatus {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(status);
        Objects.requireNonNull(preflight);
        Objects.requireNonNull(details);
        Objects.requireNonNull(skipReason);
        Objects.requireNonNull(evidence);
    }

    /** Aggregates hook results with the reference's precedence. */
    public static ProviderLifecycleStatus aggregate(
            String provider,
            ProviderLifecycleResult preflight,
            @Nullable ProviderLifecycleResult warmup,
            @Nullable ProviderLifecycleResult teardown) {
        List<ProviderLifecycleResult> results = new ArrayList<>();
        results.add(preflight);
        if (warmup != null) {
            results.add(warmup);
        }
        if (teardown != null) {
            results.add(teardown);
        }
        String status = "no-op";
        for (ProviderLifecycleResult result : results) {
            if (PRECEDENCE.indexOf(result.status()) < PRECEDENCE.indexOf(status)) {
                status = result.status();
            }
        }
        String details = "";
        for (ProviderLifecycleResult result : results) {
            boolean issue = !result.status().equals("no-op") && !result.status().equals("ready");
            if (issue && !result.details().isEmpty()) {
                details = result.details();
                break;
            }
        }
        if (details.isEmpty()) {
            for (ProviderLifecycleResult result : results) {
                if (!result.details().isEmpty()) {
                    details = result.details();
                    break;
                }
            }
        }
        String skipReason = "";
        JsonObject.Builder evidence = JsonObject.builder();
        for (ProviderLifecycleResult result : results) {
            if (skipReason.isEmpty() && !result.skipReason().isEmpty()) {
                skipReason = result.skipReason();
            }
            if (!result.evidence().isEmpty()) {
                evidence.put(result.hook(), result.evidence());
            }
        }
        boolean ready = status.equals("no-op") || status.equals("ready");
        return new ProviderLifecycleStatus(
                provider, status, ready, preflight, warmup, teardown, details, skipReason, evidence.build());
    }

    /** Warm-up result, when run. */
    public Optional<ProviderLifecycleResult> warmupResult() {
        return Optional.ofNullable(warmup);
    }

    /** Teardown result, when run. */
    public Optional<ProviderLifecycleResult> teardownResult() {
        return Optional.ofNullable(teardown);
    }

    /** {@code {provider, status, ready, details, skip_reason, evidence, hooks:{…}}}. */
    public JsonObject toJson() {
        JsonObject.Builder hooks = JsonObject.builder().put("preflight", preflight.toJson());
        if (warmup != null) {
            hooks.put("warmup", warmup.toJson());
        }
        if (teardown != null) {
            hooks.put("teardown", teardown.toJson());
        }
        return JsonObject.builder()
                .put("provider", JsonString.of(provider))
                .put("status", JsonString.of(status))
                .put("ready", JsonBool.of(ready))
                .put("details", JsonString.of(details))
                .put("skip_reason", JsonString.of(skipReason))
                .put("evidence", evidence)
                .put("hooks", hooks.build())
                .build();
    }
}
