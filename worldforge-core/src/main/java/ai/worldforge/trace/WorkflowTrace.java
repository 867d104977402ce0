package ai.worldforge.trace;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.internal.Checks;
import ai.worldforge.internal.PyFormat;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A schema-versioned, JSON-native trace of one composed workflow (the reference's {@code
 * WorkflowTrace}, schema 1): its steps form a forest through their parent ids, and the trace
 * status is derived from the step statuses — failed, else running, else skipped when every step
 * was skipped, else pending, else success.
 *
 * <p>Validation (all {@link WorldForgeException}, messages as in the reference): schema version
 * 1; the workflow id is a trace id and the name non-empty trace text; at least one step; step ids
 * unique; parents known; no parent cycles; an explicit status must equal the derived one;
 * metadata holds finite numbers only, its strings are sanitised and a secret-like key (at any
 * depth) is refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @param schemaVersion schema version ({@value #SCHEMA_VERSION})
 * @param workflowId workflow id
 * @param name sanitised workflow name
 * @param status the status derived from the steps
 * @param metadata sanitised JSON metadata
 * @param steps the steps, in order (unmodifiable, at least one)
 */
public record WorkflowTrace(
        int schemaVersion,
        String workflowId,
        String name,
        WorkflowStatus status,
        JsonObject metadata,
        List<WorkflowTraceStep> steps) {

    /** The workflow trace schema version. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Validates and sanitises in the reference's order.
     *
     * @throws WorldForgeException when a field is invalid or the status is not the derived one
     */
    public WorkflowTrace {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new WorldForgeException("WorkflowTrace schema_version must be " + SCHEMA_VERSION + ".");
        }
        workflowId = TraceText.requireId(workflowId, "workflow_id");
        name = TraceText.require(name, "Workflow name");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new WorldForgeException("WorkflowTrace steps must contain at least one step.");
        }
        validateGraph(steps);
        Objects.requireNonNull(status, "status");
        if (status != deriveStatus(steps)) {
            throw new WorldForgeException("WorkflowTrace status must match the status derived from its steps.");
        }
        metadata = Checks.jsonObject(Objects.requireNonNull(metadata, "metadata"), "WorkflowTrace metadata");
        metadata = (JsonObject) TraceText.sanitizeMetadata(metadata);
    }

    /** A builder for a trace of {@code workflowId} named {@code name}. */
    public static Builder builder(String workflowId, String name) {
        return new Builder(workflowId, name);
    }

    /**
     * A trace with the derived status and no metadata.
     *
     * @throws WorldForgeException when a field is invalid
     */
    public static WorkflowTrace of(String workflowId, String name, List<WorkflowTraceStep> steps) {
        return builder(workflowId, name).steps(steps).build();
    }

    /** The reference's {@code _derive_trace_status}. */
    public static WorkflowStatus deriveStatus(List<WorkflowTraceStep> steps) {
        Set<WorkflowStatus> statuses = EnumSet.noneOf(WorkflowStatus.class);
        for (WorkflowTraceStep step : steps) {
            statuses.add(step.status());
        }
        if (statuses.contains(WorkflowStatus.FAILED)) {
            return WorkflowStatus.FAILED;
        }
        if (statuses.contains(WorkflowStatus.RUNNING)) {
            return WorkflowStatus.RUNNING;
        }
        if (statuses.equals(EnumSet.of(WorkflowStatus.SKIPPED))) {
            return WorkflowStatus.SKIPPED;
        }
        if (statuses.contains(WorkflowStatus.PENDING)) {
            return WorkflowStatus.PENDING;
        }
        return WorkflowStatus.SUCCESS;
    }

    private static void validateGraph(List<WorkflowTraceStep> steps) {
        Set<String> ids = new HashSet<>();
        for (WorkflowTraceStep step : steps) {
            if (!ids.add(step.stepId())) {
                throw new WorldForgeException("WorkflowTrace step_id '" + step.stepId() + "' is duplicated.");
            }
        }
        for (WorkflowTraceStep step : steps) {
            if (step.parentId().isPresent() && !ids.contains(step.parentId().get())) {
                throw new WorldForgeException("WorkflowTrace step '" + step.stepId()
                        + "' references unknown parent_id '" + step.parentId().get() + "'.");
            }
        }
        Map<String, @Nullable String> parents = new HashMap<>();
        for (WorkflowTraceStep step : steps) {
            parents.put(step.stepId(), step.parentId().orElse(null));
        }
        for (WorkflowTraceStep step : steps) {
            Set<String> visited = new HashSet<>();
            visited.add(step.stepId());
            String parent = step.parentId().orElse(null);
            while (parent != null) {
                if (!visited.add(parent)) {
                    throw new WorldForgeException("WorkflowTrace parent graph must not contain cycles.");
                }
                parent = parents.get(parent);
            }
        }
    }

    /** How many steps have each status, for all five statuses in declaration order. */
    public Map<WorkflowStatus, Integer> statusCounts() {
        Map<WorkflowStatus, Integer> counts = new EnumMap<>(WorkflowStatus.class);
        for (WorkflowStatus status : WorkflowStatus.values()) {
            counts.put(status, 0);
        }
        for (WorkflowTraceStep step : steps) {
            counts.merge(step.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** Whether every input and output artifact of every step is safe to attach. */
    public boolean safeToAttach() {
        for (WorkflowTraceStep step : steps) {
            for (WorkflowArtifactRef artifact : step.inputArtifacts()) {
                if (!artifact.safeToAttach()) {
                    return false;
                }
            }
            for (WorkflowArtifactRef artifact : step.outputArtifacts()) {
                if (!artifact.safeToAttach()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The reference's {@code to_dict()}: {@code schema_version, workflow_id, name, status,
     * safe_to_attach, step_count, status_counts} (all five statuses, zeros included), {@code
     * metadata, steps}.
     */
    public JsonObject toJson() {
        JsonObject.Builder counts = JsonObject.builder(5);
        statusCounts().forEach((status, count) -> counts.put(status.wireName(), JsonInt.of(count)));
        List<JsonValue> stepsJson = new ArrayList<>(steps.size());
        for (WorkflowTraceStep step : steps) {
            stepsJson.add(step.toJson());
        }
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(schemaVersion))
                .put("workflow_id", JsonString.of(workflowId))
                .put("name", JsonString.of(name))
                .put("status", JsonString.of(status.wireName()))
                .put("safe_to_attach", JsonBool.of(safeToAttach()))
                .put("step_count", JsonInt.of(steps.size()))
                .put("status_counts", counts.build())
                .put("metadata", metadata)
                .put("steps", JsonArray.copyOf(stepsJson))
                .build();
    }

    /** The reference's {@code to_json()}: pretty JSON with sorted keys and a trailing newline. */
    public String toJsonText() {
        return Json.writePretty(toJson(), true) + "\n";
    }

    /**
     * The reference's {@code to_markdown()}: a {@code # WorldForge Workflow Trace} heading, the
     * id, name, status, schema version and step count as bullets, then one table row per step
     * (missing values as {@code -}, durations with two decimals, {@code |} escaped and newlines
     * flattened in free-text cells). Ends with a newline.
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder(256 + 96 * steps.size());
        out.append("# WorldForge Workflow Trace\n\n");
        out.append("- workflow_id: `").append(workflowId).append("`\n");
        out.append("- name: ").append(name).append('\n');
        out.append("- status: `").append(status.wireName()).append("`\n");
        out.append("- schema_version: ").append(schemaVersion).append('\n');
        out.append("- steps: ").append(steps.size()).append("\n\n");
        out.append("| Step | Parent | Operation | Provider | Capability | Status | Duration | Error |\n");
        out.append("| --- | --- | --- | --- | --- | --- | ---: | --- |\n");
        for (WorkflowTraceStep step : steps) {
            out.append("| `").append(step.stepId()).append("` | ");
            out.append(cell(step.parentId().orElse("-"))).append(" | ");
            out.append(cell(step.operation())).append(" | ");
            out.append(cell(step.provider().orElse("-"))).append(" | ");
            out.append(cell(step.capability().orElse("-"))).append(" | ");
            out.append('`').append(step.status().wireName()).append("` | ");
            out.append(
                            step.durationMs().isPresent()
                                    ? PyFormat.fixed(step.durationMs().getAsDouble(), 2)
                                    : "-")
                    .append(" | ");
            out.append(cell(step.errorSummary().orElse("-"))).append(" |\n");
        }
        return out.toString();
    }

    /** {@code _markdown_cell}. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Builder for {@link WorkflowTrace}; not thread-safe. */
    public static final class Builder {
        private final String workflowId;
        private final String name;
        private final List<WorkflowTraceStep> steps = new ArrayList<>();
        private @Nullable String statusText;
        private @Nullable WorkflowStatus status;
        private int schemaVersion = SCHEMA_VERSION;
        private JsonObject metadata = JsonObject.EMPTY;

        private Builder(String workflowId, String name) {
            this.workflowId = workflowId;
            this.name = name;
        }

        /** Appends a step. */
        public Builder step(WorkflowTraceStep value) {
            steps.add(Objects.requireNonNull(value, "step"));
            return this;
        }

        /** Appends steps. */
        public Builder steps(List<WorkflowTraceStep> values) {
            for (WorkflowTraceStep value : values) {
                step(value);
            }
            return this;
        }

        /** An explicit status; it must equal the derived one (default: derived). */
        public Builder status(WorkflowStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            this.statusText = null;
            return this;
        }

        /**
         * An explicit status by wire name (stripped, sanitised, lower-cased; an empty string means
         * derived, like the reference's {@code status or derived}).
         */
        public Builder status(String value) {
            this.statusText = Objects.requireNonNull(value, "status");
            this.status = null;
            return this;
        }

        /** The schema version (must be {@value WorkflowTrace#SCHEMA_VERSION}). */
        public Builder schemaVersion(int value) {
            this.schemaVersion = value;
            return this;
        }

        /** JSON metadata (default {@code {}}). */
        public Builder metadata(JsonObject value) {
            this.metadata = Objects.requireNonNull(value, "metadata");
            return this;
        }

        /**
         * The validated trace.
         *
         * @throws WorldForgeException when a field is invalid
         */
        public WorkflowTrace build() {
            if (schemaVersion != SCHEMA_VERSION) {
                throw new WorldForgeException("WorkflowTrace schema_version must be " + SCHEMA_VERSION + ".");
            }
            // The reference validates the id, name and step graph before the status.
            TraceText.requireId(workflowId, "workflow_id");
            TraceText.require(name, "Workflow name");
            if (steps.isEmpty()) {
                throw new WorldForgeException("WorkflowTrace steps must contain at least one step.");
            }
            validateGraph(steps);
            WorkflowStatus derived = deriveStatus(steps);
            WorkflowStatus resolved = status;
            if (resolved == null) {
                resolved = statusText == null || statusText.isEmpty() ? derived : parseStatus(statusText);
            }
            return new WorkflowTrace(schemaVersion, workflowId, name, resolved, metadata, steps);
        }

        private static WorkflowStatus parseStatus(String value) {
            String text = TraceText.require(value, "WorkflowTrace status").toLowerCase(Locale.ROOT);
            return WorkflowStatus.fromWireName(text)
                    .orElseThrow(() -> new WorldForgeException(
                            "WorkflowTrace status must be one of: " + WorkflowStatus.options() + "."));
        }
    }
}
