package ai.worldforge.runs;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code run_manifest.json} (schema 1). {@code created_at} and the {@code layout}
 * block are derived, so they are not fields: {@link #toJson()} adds them.
 *
 * @param runId a valid run id
 * @param kind the run family ({@code eval}, {@code benchmark}, {@code flow}, …)
 * @param command the command that produced the run, secrets already removed by the caller
 * @param status the run status
 * @param provider provider label, if any ({@code null} in the JSON otherwise)
 * @param operation operation label, if any
 * @param inputSummary a JSON object describing the inputs
 * @param resultSummary a JSON object describing the results
 * @param artifactPaths artifact labels to paths relative to the run directory
 * @param eventCount number of provider events (>= 0)
 * @param configProfile the non-secret config profile provenance, if the run used one
 */
public record RunManifest(
        String runId,
        String kind,
        String command,
        RunStatus status,
        Optional<String> provider,
        Optional<String> operation,
        JsonObject inputSummary,
        JsonObject resultSummary,
        Map<String, String> artifactPaths,
        long eventCount,
        Optional<JsonObject> configProfile) {
    /** The manifest schema version. */
    public static final int SCHEMA_VERSION = 1;

    /** File name of the manifest inside a run directory. */
    public static final String FILE_NAME = "run_manifest.json";

    /** Validates the id, copies the maps and checks the JSON values are finite. */
    public RunManifest {
        RunIds.validate(runId);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operation, "operation");
        inputSummary = Checks.jsonObject(inputSummary, "input_summary");
        resultSummary = Checks.jsonObject(resultSummary, "result_summary");
        artifactPaths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(artifactPaths));
        if (eventCount < 0) {
            throw new WorldForgeException("event_count must be greater than or equal to 0");
        }
        configProfile = configProfile.map(profile -> Checks.jsonObject(profile, "config_profile"));
    }

    /** A builder for a manifest of {@code runId} with empty summaries, no artifacts and no events. */
    public static Builder builder(String runId, String kind, String command, RunStatus status) {
        return new Builder(runId, kind, command, status);
    }

    /** A builder pre-filled with this manifest. */
    public Builder toBuilder() {
        Builder builder = new Builder(runId, kind, command, status);
        builder.provider = provider.orElse(null);
        builder.operation = operation.orElse(null);
        builder.inputSummary = inputSummary;
        builder.resultSummary = resultSummary;
        builder.artifactPaths.putAll(artifactPaths);
        builder.eventCount = eventCount;
        builder.configProfile = configProfile.orElse(null);
        return builder;
    }

    /** The {@code created_at} value derived from the run id ({@code 2026-01-01T00:00:00Z}). */
    public String createdAt() {
        return RunIds.createdAt(runId);
    }

    /** The manifest object as the reference writes it (keys in its order; files sort them). */
    public JsonObject toJson() {
        JsonObject.Builder artifacts = JsonObject.builder();
        artifactPaths.forEach(artifacts::put);
        JsonObject.Builder out = JsonObject.builder()
                .put("schema_version", JsonInt.of(SCHEMA_VERSION))
                .put("run_id", runId)
                .put("created_at", createdAt())
                .put("kind", kind)
                .put("command", command)
                .put("status", status.wireName())
                .put("provider", provider.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("operation", operation.<JsonValue>map(JsonString::of).orElse(JsonNull.INSTANCE))
                .put("input_summary", inputSummary)
                .put("result_summary", resultSummary)
                .put("artifact_paths", artifacts.build())
                .put("event_count", JsonInt.of(eventCount))
                .put(
                        "layout",
                        JsonObject.builder()
                                .put("inputs", "inputs/")
                                .put("results", "results/")
                                .put("reports", "reports/")
                                .put("artifacts", "artifacts/")
                                .put("logs", "logs/")
                                .build());
        configProfile.ifPresent(profile -> out.put("config_profile", profile));
        return out.build();
    }

    /** Mutable builder for {@link RunManifest}. */
    public static final class Builder {
        private final String runId;
        private final String kind;
        private final String command;
        private RunStatus status;
        private @org.jspecify.annotations.Nullable String provider;
        private @org.jspecify.annotations.Nullable String operation;
        private JsonObject inputSummary = JsonObject.EMPTY;
        private JsonObject resultSummary = JsonObject.EMPTY;
        private final Map<String, String> artifactPaths = new LinkedHashMap<>();
        private long eventCount;
        private @org.jspecify.annotations.Nullable JsonObject configProfile;

        private Builder(String runId, String kind, String command, RunStatus status) {
            this.runId = runId;
            this.kind = kind;
            this.command = command;
            this.status = status;
        }

        /** Sets the status. */
        public Builder status(RunStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            return this;
        }

        /** Sets the provider label. */
        public Builder provider(@org.jspecify.annotations.Nullable String value) {
            this.provider = value;
            return this;
        }

        /** Sets the operation label. */
        public Builder operation(@org.jspecify.annotations.Nullable String value) {
            this.operation = value;
            return this;
        }

        /** Sets the input summary. */
        public Builder inputSummary(JsonObject value) {
            this.inputSummary = Objects.requireNonNull(value, "inputSummary");
            return this;
        }

        /** Sets the result summary. */
        public Builder resultSummary(JsonObject value) {
            this.resultSummary = Objects.requireNonNull(value, "resultSummary");
            return this;
        }

        /** Adds or replaces one artifact path (relative to the run directory). */
        public Builder artifactPath(String label, String relativePath) {
            artifactPaths.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(relativePath, "path"));
            return this;
        }

        /** Replaces all artifact paths. */
        public Builder artifactPaths(Map<String, String> value) {
            artifactPaths.clear();
            artifactPaths.putAll(value);
            return this;
        }

        /** Sets the provider event count. */
        public Builder eventCount(long value) {
            this.eventCount = value;
            return this;
        }

        /** Sets the config profile provenance. */
        public Builder configProfile(@org.jspecify.annotations.Nullable JsonObject value) {
            this.configProfile = value;
            return this;
        }

        /** The manifest. */
        public RunManifest build() {
            return new RunManifest(
                    runId,
                    kind,
                    command,
                    status,
                    Optional.ofNullable(provider),
                    Optional.ofNullable(operation),
                    inputSummary,
                    resultSummary,
                    artifactPaths,
                    eventCount,
                    Optional.ofNullable(configProfile));
        }
    }
}
