package ai.worldforge.trace;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One step of a {@link WorkflowTrace} (the reference's {@code WorkflowTraceStep}).
 *
 * <p>Validation (all {@link WorldForgeException}, messages as in the reference): the step id and
 * parent id are trace text made only of letters, digits, {@code .}, {@code _}, {@code :} and
 * {@code -} and nothing secret-like; the parent differs from the step; operation, provider and
 * capability are non-empty trace text (sanitised: secrets redacted, host-local paths replaced);
 * the duration is finite and non-negative; the error summary is sanitised and an empty one is
 * dropped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stepId step id, unique within its trace
 * @param operation sanitised operation label
 * @param status step status
 * @param provider sanitised provider name, when any
 * @param capability sanitised capability, when any
 * @param parentId parent step id, when any
 * @param inputArtifacts input artifacts (unmodifiable)
 * @param outputArtifacts output artifacts (unmodifiable)
 * @param durationMs duration in milliseconds, when measured
 * @param errorSummary sanitised error summary, when any
 */
public record WorkflowTraceStep(
        String stepId,
        String operation,
        WorkflowStatus status,
        Optional<String> provider,
        Optional<String> capability,
        Optional<String> parentId,
        List<WorkflowArtifactRef> inputArtifacts,
        List<WorkflowArtifactRef> outputArtifacts,
        OptionalDouble durationMs,
        Optional<String> errorSummary) {

    /**
     * Validates and sanitises in the reference's order.
     *
     * @throws WorldForgeException when a field is invalid
     */
    public WorkflowTraceStep {
        stepId = TraceText.requireId(stepId, "step_id");
        operation = TraceText.require(operation, "Workflow step operation");
        Objects.requireNonNull(status, "status");
        provider =
                Objects.requireNonNull(provider, "provider").map(p -> TraceText.require(p, "Workflow step provider"));
        capability = Objects.requireNonNull(capability, "capability")
                .map(c -> TraceText.require(c, "Workflow step capability"));
        String self = stepId;
        parentId = Objects.requireNonNull(parentId, "parentId").map(p -> parent(p, self));
        inputArtifacts = List.copyOf(inputArtifacts);
        outputArtifacts = List.copyOf(outputArtifacts);
        Objects.requireNonNull(durationMs, "durationMs");
        if (durationMs.isPresent()) {
            double duration = durationMs.getAsDouble();
            if (!Double.isFinite(duration)) {
                throw new WorldForgeException("Workflow step duration_ms must be a finite number.");
            }
            if (duration < 0.0) {
                throw new WorldForgeException("Workflow step duration_ms must be non-negative.");
            }
        }
        // Like the reference: `_safe_error_summary(value) or None`.
        errorSummary = Objects.requireNonNull(errorSummary, "errorSummary")
                .map(TraceText::sanitize)
                .filter(s -> !s.isEmpty());
    }

    private static String parent(String value, String stepId) {
        String parentId = TraceText.requireId(value, "parent_id");
        if (parentId.equals(stepId)) {
            throw new WorldForgeException("Workflow step parent_id must not equal step_id.");
        }
        return parentId;
    }

    /** A builder for a step; the status is required (see {@link Builder#status}). */
    public static Builder builder(String stepId, String operation) {
        return new Builder(stepId, operation);
    }

    /**
     * The reference's {@code from_value} for a JSON object ({@code step_id}, {@code operation},
     * {@code status}, optional {@code provider}, {@code capability}, {@code parent_id}, {@code
     * input_artifacts}, {@code output_artifacts}, {@code duration_ms}, {@code error_summary}).
     *
     * @throws WorldForgeException when {@code value} is not an object or a field is invalid
     */
    public static WorkflowTraceStep fromJson(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw new WorldForgeException("Workflow trace step must be a JSON object.");
        }
        Builder builder = new Builder(
                        text(object, "step_id", "step_id").orElse(""),
                        text(object, "operation", "Workflow step operation").orElse(""))
                .status(text(object, "status", "Workflow step status").orElse(""));
        text(object, "provider", "Workflow step provider").ifPresent(builder::provider);
        text(object, "capability", "Workflow step capability").ifPresent(builder::capability);
        text(object, "parent_id", "parent_id").ifPresent(builder::parentId);
        builder.inputArtifacts(artifacts(object.get("input_artifacts")));
        builder.outputArtifacts(artifacts(object.get("output_artifacts")));
        JsonValue duration = object.get("duration_ms");
        if (duration instanceof JsonFloat f) {
            builder.durationMs(f.value());
        } else if (duration instanceof JsonInt i) {
            builder.durationMs(i.doubleValue());
        } else if (duration != null && !(duration instanceof JsonNull)) {
            throw new WorldForgeException("Workflow step duration_ms must be a finite number.");
        }
        text(object, "error_summary", "Workflow step error_summary").ifPresent(builder::errorSummary);
        return builder.build();
    }

    private static Optional<String> text(JsonObject object, String key, String name) {
        JsonValue value = object.get(key);
        if (value == null || value instanceof JsonNull) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s)) {
            throw new WorldForgeException(name + " must be a non-empty string.");
        }
        return Optional.of(s.value());
    }

    private static List<WorkflowArtifactRef> artifacts(@Nullable JsonValue value) {
        if (value == null || value instanceof JsonNull) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new WorldForgeException("Workflow artifact reference must be a JSON object.");
        }
        List<WorkflowArtifactRef> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            out.add(WorkflowArtifactRef.fromJson(item));
        }
        return out;
    }

    /**
     * The reference's {@code to_dict()}: {@code step_id, operation, status, input_artifacts,
     * output_artifacts}, then {@code provider, capability, parent_id, duration_ms, error_summary}
     * when set.
     */
    public JsonObject toJson() {
        JsonObject.Builder out = JsonObject.builder()
                .put("step_id", JsonString.of(stepId))
                .put("operation", JsonString.of(operation))
                .put("status", JsonString.of(status.wireName()))
                .put("input_artifacts", artifactsJson(inputArtifacts))
                .put("output_artifacts", artifactsJson(outputArtifacts));
        provider.ifPresent(p -> out.put("provider", JsonString.of(p)));
        capability.ifPresent(c -> out.put("capability", JsonString.of(c)));
        parentId.ifPresent(p -> out.put("parent_id", JsonString.of(p)));
        durationMs.ifPresent(d -> out.put("duration_ms", JsonFloat.of(d)));
        errorSummary.ifPresent(e -> out.put("error_summary", JsonString.of(e)));
        return out.build();
    }

    private static JsonArray artifactsJson(List<WorkflowArtifactRef> artifacts) {
        List<JsonValue> out = new ArrayList<>(artifacts.size());
        for (WorkflowArtifactRef artifact : artifacts) {
            out.add(artifact.toJson());
        }
        return JsonArray.copyOf(out);
    }

    /** Builder for {@link WorkflowTraceStep}; not thread-safe. */
    public static final class Builder {
        private final String stepId;
        private final String operation;
        private @Nullable String statusText;
        private @Nullable WorkflowStatus status;
        private @Nullable String provider;
        private @Nullable String capability;
        private @Nullable String parentId;
        private List<WorkflowArtifactRef> inputArtifacts = List.of();
        private List<WorkflowArtifactRef> outputArtifacts = List.of();
        private @Nullable Double durationMs;
        private @Nullable String errorSummary;

        private Builder(String stepId, String operation) {
            this.stepId = stepId;
            this.operation = operation;
        }

        /** The step status. */
        public Builder status(WorkflowStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            this.statusText = null;
            return this;
        }

        /**
         * The step status by wire name: stripped, sanitised and lower-cased, then one of {@code
         * pending, running, success, skipped, failed} (checked by {@link #build()}).
         */
        public Builder status(String value) {
            this.statusText = Objects.requireNonNull(value, "status");
            this.status = null;
            return this;
        }

        /** The provider that ran the step. */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /** The capability the step used. */
        public Builder capability(String value) {
            this.capability = value;
            return this;
        }

        /** The parent step id. */
        public Builder parentId(String value) {
            this.parentId = value;
            return this;
        }

        /** The input artifacts (copied). */
        public Builder inputArtifacts(List<WorkflowArtifactRef> value) {
            this.inputArtifacts = List.copyOf(value);
            return this;
        }

        /** The output artifacts (copied). */
        public Builder outputArtifacts(List<WorkflowArtifactRef> value) {
            this.outputArtifacts = List.copyOf(value);
            return this;
        }

        /** The measured duration in milliseconds. */
        public Builder durationMs(double value) {
            this.durationMs = value;
            return this;
        }

        /** The error summary (sanitised; an empty result is dropped). */
        public Builder errorSummary(String value) {
            this.errorSummary = value;
            return this;
        }

        /**
         * The validated step.
         *
         * @throws WorldForgeException when a field is invalid or the status is missing
         */
        public WorkflowTraceStep build() {
            WorkflowStatus resolved = status;
            if (resolved == null) {
                // The reference checks the id and operation before the status.
                TraceText.requireId(stepId, "step_id");
                TraceText.require(operation, "Workflow step operation");
                resolved = parseStatus(statusText);
            }
            return new WorkflowTraceStep(
                    stepId,
                    operation,
                    resolved,
                    Optional.ofNullable(provider),
                    Optional.ofNullable(capability),
                    Optional.ofNullable(parentId),
                    inputArtifacts,
                    outputArtifacts,
                    durationMs == null ? OptionalDouble.empty() : OptionalDouble.of(durationMs),
                    Optional.ofNullable(errorSummary));
        }
    }

    /** {@code _normalize_step_status}. */
    static WorkflowStatus parseStatus(@Nullable String value) {
        String text = TraceText.require(value, "Workflow step status").toLowerCase(Locale.ROOT);
        return WorkflowStatus.fromWireName(text)
                .orElseThrow(() -> new WorldForgeException(
                        "Workflow step status must be one of: " + WorkflowStatus.options() + "."));
    }
}
