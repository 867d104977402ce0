package ai.worldforge.trace;

import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Factories for {@link WorkflowTrace}s built from other WorldForge records. */
public final class WorkflowTraces {
    private WorkflowTraces() {}

    /**
     * The reference's {@code workflow_trace_from_provider_events}: one step {@code event-i} (from 1)
     * per event, with the event's provider, its operation as both operation and capability, its
     * duration, status {@code success} for a success event, {@code failed} for a failure event
     * (with the event message, when non-empty, as the error summary) and {@code running} for any
     * other phase, and an output artifact labelled with the event's artifact id, when set. No
     * events give a single skipped step {@code no-provider-events}.
     *
     * @param events already-sanitised provider events
     * @param workflowId the trace's workflow id
     * @param name the trace's name
     * @param metadata JSON metadata for the trace
     * @throws ai.worldforge.error.WorldForgeException when the id, name or metadata is invalid
     */
    public static WorkflowTrace fromProviderEvents(
            List<ProviderEvent> events, String workflowId, String name, JsonObject metadata) {
        List<WorkflowTraceStep> steps = new ArrayList<>(Math.max(1, events.size()));
        int index = 1;
        for (ProviderEvent event : events) {
            steps.add(step(index++, event));
        }
        if (steps.isEmpty()) {
            steps.add(WorkflowTraceStep.builder("no-provider-events", "provider-events")
                    .status(WorkflowStatus.SKIPPED)
                    .errorSummary("No provider events were emitted.")
                    .build());
        }
        return WorkflowTrace.builder(workflowId, name)
                .steps(steps)
                .metadata(metadata)
                .build();
    }

    /** {@link #fromProviderEvents(List, String, String, JsonObject)} without metadata. */
    public static WorkflowTrace fromProviderEvents(List<ProviderEvent> events, String workflowId, String name) {
        return fromProviderEvents(events, workflowId, name, JsonObject.EMPTY);
    }

    private static WorkflowTraceStep step(int index, ProviderEvent event) {
        WorkflowStatus status = switch (event.phase()) {
            case "success" -> WorkflowStatus.SUCCESS;
            case "failure" -> WorkflowStatus.FAILED;
            default -> WorkflowStatus.RUNNING;
        };
        WorkflowTraceStep.Builder builder = WorkflowTraceStep.builder("event-" + index, event.operation())
                .status(status)
                .provider(event.provider())
                .capability(event.operation());
        if (event.durationMs() != null) {
            builder.durationMs(event.durationMs());
        }
        if (status == WorkflowStatus.FAILED) {
            // An empty message sanitises to nothing and is dropped, like the reference's `or None`.
            builder.errorSummary(event.message());
        }
        String artifactId = event.artifactId();
        if (artifactId != null && !artifactId.isEmpty()) {
            builder.outputArtifacts(List.of(WorkflowArtifactRef.of(artifactId)));
        }
        return builder.build();
    }
}
