package ai.worldforge.negotiation;

import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A capability negotiation report over one or more workflows. Immutable and thread-safe.
 *
 * <p>The report is provisional public API, as in the reference: fields may be added; renames or
 * removals bump {@link #SCHEMA_VERSION}.
 *
 * @param workflows one negotiation per workflow, in request order
 * @param schemaVersion report schema version
 */
public record NegotiationReport(List<WorkflowNegotiation> workflows, int schemaVersion) {
    /** The report schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the list. */
    public NegotiationReport {
        workflows = List.copyOf(workflows);
    }

    /** A report with the current schema version. */
    public NegotiationReport(List<WorkflowNegotiation> workflows) {
        this(workflows, SCHEMA_VERSION);
    }

    /** Number of workflows that are ready. */
    public int readyCount() {
        int count = 0;
        for (WorkflowNegotiation negotiation : workflows) {
            if (negotiation.ready()) {
                count++;
            }
        }
        return count;
    }

    /** Whether every negotiated workflow is ready (the CLI exits 0 exactly then). */
    public boolean allReady() {
        return readyCount() == workflows.size();
    }

    /** {@code {schema_version, workflow_count, ready_count, workflows}}. */
    public JsonObject toJson() {
        List<JsonValue> items = new ArrayList<>();
        workflows.forEach(w -> items.add(w.toJson()));
        return JsonObject.builder()
                .put("schema_version", JsonInt.of(schemaVersion))
                .put("workflow_count", JsonInt.of(workflows.size()))
                .put("ready_count", JsonInt.of(readyCount()))
                .put("workflows", JsonArray.copyOf(items))
                .build();
    }

    /**
     * The reference's Markdown rendering, byte for byte: a title, the counts, then per workflow
     * its header, description, capabilities, summary, one candidate table per capability with the
     * next step, and the recommended actions when blocked. Ends with exactly one newline.
     */
    public String toMarkdown() {
        List<String> lines = new ArrayList<>();
        lines.add("# Capability Negotiation Report");
        lines.add("");
        lines.add("Workflows: " + workflows.size() + " | Ready: " + readyCount());
        lines.add("");
        for (WorkflowNegotiation negotiation : workflows) {
            WorkflowSpec workflow = negotiation.workflow();
            lines.add("## " + workflow.title() + " (`" + workflow.name() + "`) \u2014 "
                    + (negotiation.ready() ? "READY" : "BLOCKED"));
            lines.add("");
            lines.add(workflow.description());
            lines.add("");
            lines.add("Required capabilities: " + String.join(", ", workflow.requiredCapabilities()));
            lines.add("Summary: " + negotiation.summary());
            lines.add("");
            for (CapabilityRequirement requirement : negotiation.requirements()) {
                lines.add("### Capability: `" + requirement.capability() + "` ("
                        + (requirement.ready() ? "ready" : "blocked") + ")");
                lines.add("");
                lines.add("| provider | registered | capability | configured | healthy | readiness | reason |");
                lines.add("| --- | --- | --- | --- | --- | --- | --- |");
                for (ProviderCandidateStatus status : requirement.candidates()) {
                    String reason = status.reason();
                    lines.add("| " + status.name() + " | "
                            + yesNo(status.registered()) + " | "
                            + yesNo(status.capabilityCompatible()) + " | "
                            + yesNo(status.configured()) + " | "
                            + yesNo(status.healthy()) + " | "
                            + status.readiness().wireName() + " | "
                            + (reason == null || reason.isEmpty() ? "-" : reason) + " |");
                }
                String action = requirement.recommendedAction();
                if (action != null && !action.isEmpty()) {
                    lines.add("");
                    lines.add("Next step: " + action);
                }
                lines.add("");
            }
            if (!negotiation.recommendedActions().isEmpty() && !negotiation.ready()) {
                lines.add("### Recommended actions");
                lines.add("");
                negotiation.recommendedActions().forEach(a -> lines.add("- " + a));
                lines.add("");
            }
        }
        return stripTrailingWhitespace(String.join("\n", lines)) + "\n";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Python's {@code str.rstrip()}: drops trailing whitespace of any kind. */
    private static String stripTrailingWhitespace(String text) {
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                break;
            }
            end--;
        }
        return text.substring(0, end);
    }
}
