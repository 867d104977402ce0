package ai.worldforge.benchmark.preset;

import ai.worldforge.benchmark.BenchmarkContracts;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named benchmark configuration for release regressions or provider evidence (the reference's
 * {@code BenchmarkPreset}). Every field is validated with the reference's messages. Immutable.
 *
 * @param name preset name (non-blank)
 * @param title one-line title
 * @param summary what the preset measures
 * @param category one of {@link #CATEGORIES}
 * @param providers providers to benchmark (at least one)
 * @param operations benchmarkable operations (at least one, each in {@link
 *     BenchmarkContracts#OPERATIONS})
 * @param iterations iterations per operation (> 0)
 * @param concurrency parallel samples (> 0)
 * @param inputsFile bundled input file name under the presets data directory, if any
 * @param budgetFile bundled budget file name, if any
 * @param failureTolerance {@code fail-on-violation} or {@code skip-when-env-missing}
 * @param requiresProviderProfiles runtime profiles that must all be configured
 * @param requiresProviderChoice runtime profiles of which at least one must be configured
 * @param notes operator notes (may be empty)
 * @param tags free-form tags
 */
public record BenchmarkPreset(
        String name,
        String title,
        String summary,
        String category,
        List<String> providers,
        List<String> operations,
        int iterations,
        int concurrency,
        Optional<String> inputsFile,
        Optional<String> budgetFile,
        String failureTolerance,
        List<String> requiresProviderProfiles,
        List<String> requiresProviderChoice,
        String notes,
        List<String> tags) {

    /** Preset categories, in the order the CLI lists them. */
    public static final List<String> CATEGORIES = List.of("checkout-safe", "remote-media", "prepared-host", "release");

    /** Tolerance that makes the CLI fail when a preset cannot run. */
    public static final String FAIL_ON_VIOLATION = "fail-on-violation";

    /** Tolerance that makes the CLI print a skipped payload (exit 0) when env is missing. */
    public static final String SKIP_WHEN_ENV_MISSING = "skip-when-env-missing";

    /**
     * Validates in the reference's order.
     *
     * @throws WorldForgeException with the reference's message for the first invalid field
     */
    public BenchmarkPreset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(category, "category");
        providers = List.copyOf(providers);
        operations = List.copyOf(operations);
        Objects.requireNonNull(inputsFile, "inputsFile");
        Objects.requireNonNull(budgetFile, "budgetFile");
        Objects.requireNonNull(failureTolerance, "failureTolerance");
        requiresProviderProfiles = List.copyOf(requiresProviderProfiles);
        requiresProviderChoice = List.copyOf(requiresProviderChoice);
        Objects.requireNonNull(notes, "notes");
        tags = List.copyOf(tags);
        if (name.isBlank()) {
            throw new WorldForgeException("BenchmarkPreset name must be a non-empty string.");
        }
        if (!CATEGORIES.contains(category)) {
            throw new WorldForgeException(
                    "BenchmarkPreset category must be one of: " + String.join(", ", CATEGORIES) + ".");
        }
        if (providers.isEmpty()) {
            throw new WorldForgeException("BenchmarkPreset must declare at least one provider.");
        }
        if (operations.isEmpty()) {
            throw new WorldForgeException("BenchmarkPreset must declare at least one operation.");
        }
        List<String> unknown = operations.stream()
                .filter(op -> !BenchmarkContracts.OPERATIONS.contains(op))
                .toList();
        if (!unknown.isEmpty()) {
            throw new WorldForgeException(
                    "BenchmarkPreset has unknown operations: " + String.join(", ", unknown) + ".");
        }
        if (iterations <= 0) {
            throw new WorldForgeException("BenchmarkPreset iterations must be greater than 0.");
        }
        if (concurrency <= 0) {
            throw new WorldForgeException("BenchmarkPreset concurrency must be greater than 0.");
        }
        if (!FAIL_ON_VIOLATION.equals(failureTolerance) && !SKIP_WHEN_ENV_MISSING.equals(failureTolerance)) {
            throw new WorldForgeException(
                    "BenchmarkPreset failure_tolerance must be 'fail-on-violation' or 'skip-when-env-missing'.");
        }
        List<String> unknownProfiles = new ArrayList<>();
        for (String profile : requiresProviderProfiles) {
            if (!ProviderRuntimeProfiles.isKnown(profile)) {
                unknownProfiles.add(profile);
            }
        }
        for (String profile : requiresProviderChoice) {
            if (!ProviderRuntimeProfiles.isKnown(profile)) {
                unknownProfiles.add(profile);
            }
        }
        if (!unknownProfiles.isEmpty()) {
            throw new WorldForgeException("BenchmarkPreset references unknown provider runtime profiles: "
                    + String.join(", ", unknownProfiles) + ".");
        }
    }

    /**
     * Why this preset cannot run with {@code environment}: the first unmet required profile, or
     * when a choice is declared and none of it is configured, {@code no eligible provider profile
     * is configured: r1; r2}. Empty when the preset can run (always for checkout-safe and
     * release presets). Blank variables count as missing.
     */
    public Optional<String> skipReason(Map<String, String> environment) {
        for (String profile : requiresProviderProfiles) {
            Optional<String> reason = ProviderRuntimeProfiles.skipReason(profile, environment);
            if (reason.isPresent()) {
                return reason;
            }
        }
        if (!requiresProviderChoice.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            for (String profile : requiresProviderChoice) {
                Optional<String> reason = ProviderRuntimeProfiles.skipReason(profile, environment);
                if (reason.isEmpty()) {
                    return Optional.empty();
                }
                reasons.add(reason.get());
            }
            return Optional.of("no eligible provider profile is configured: " + String.join("; ", reasons));
        }
        return Optional.empty();
    }

    /**
     * The providers whose runtime profile is configured in {@code environment}, in preset order;
     * all providers when the preset gates on no profile.
     */
    public List<String> configuredProviders(Map<String, String> environment) {
        Set<String> gated = new LinkedHashSet<>(requiresProviderProfiles);
        gated.addAll(requiresProviderChoice);
        if (gated.isEmpty()) {
            return providers;
        }
        return providers.stream()
                .filter(p -> !gated.contains(p)
                        || ProviderRuntimeProfiles.skipReason(p, environment).isEmpty())
                .toList();
    }

    /** The reference's {@code to_dict()}: 15 keys in order (absent files as {@code null}). */
    public JsonObject toJson() {
        return JsonObject.builder(15)
                .put("name", name)
                .put("title", title)
                .put("summary", summary)
                .put("category", category)
                .put("providers", strings(providers))
                .put("operations", strings(operations))
                .put("iterations", iterations)
                .put("concurrency", concurrency)
                .put("inputs_file", inputsFile.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("budget_file", budgetFile.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("failure_tolerance", failureTolerance)
                .put("requires_provider_profiles", strings(requiresProviderProfiles))
                .put("requires_provider_choice", strings(requiresProviderChoice))
                .put("notes", notes)
                .put("tags", strings(tags))
                .build();
    }

    private static JsonArray strings(List<String> values) {
        return JsonArray.copyOf(values.stream().map(JsonString::of).toList());
    }
}
