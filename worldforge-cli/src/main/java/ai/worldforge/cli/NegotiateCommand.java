package ai.worldforge.cli;

import ai.worldforge.WorldForge;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.negotiation.CapabilityNegotiator;
import ai.worldforge.negotiation.NegotiationReport;
import ai.worldforge.negotiation.WorkflowSpec;
import ai.worldforge.negotiation.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code negotiate}: whether the providers can satisfy a capability workflow before it runs.
 * Exit 0 when every negotiated workflow is ready, 1 when any is blocked, 2 for an unknown
 * workflow (a handled error).
 *
 * <p>Unlike the reference, where a repeated {@code --workflow} keeps only the last value, every
 * value counts (as the help text has always said); a name given twice is negotiated once.
 */
@Command(
        name = "negotiate",
        header = "Report whether providers can satisfy a capability workflow before it runs.",
        mixinStandardHelpOptions = true)
final class NegotiateCommand implements Callable<Integer> {
    /** Output formats, in the reference's choice order. */
    enum Format {
        markdown,
        json
    }

    private final CliContext context;

    @Option(
            names = "--workflow",
            paramLabel = "WORKFLOW",
            description = "Workflow name to negotiate. Repeat with --workflow each time, or omit to cover every"
                    + " workflow.")
    List<String> workflows = new ArrayList<>();

    @Option(names = "--list", description = "List known workflows and exit.")
    boolean list;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format.")
    Format format = Format.markdown;

    @Option(names = "--state-dir", paramLabel = "STATE_DIR", description = WorldCommands.STATE_DIR_HELP)
    String stateDir = WorldCommands.DEFAULT_STATE_DIR;

    NegotiateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Like every forge command of the reference, this builds the forge (and so creates the
        // state directory) before looking at its options.
        WorldForge forge = context.forge(stateDir);
        if (list) {
            printWorkflows();
            return 0;
        }
        List<WorkflowSpec> selected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(workflows)) {
            selected.add(Workflows.get(name));
        }
        NegotiationReport report = CapabilityNegotiator.negotiate(forge, selected);
        if (format == Format.json) {
            context.printJson(report.toJson());
        } else {
            // The report ends with a newline and the reference prints it with print(): the
            // output ends with an empty line.
            context.println(report.toMarkdown());
        }
        return report.allReady() ? 0 : 1;
    }

    private void printWorkflows() {
        if (format == Format.json) {
            List<JsonValue> items = new ArrayList<>();
            Workflows.all().forEach(w -> items.add(w.toJson()));
            context.printJson(JsonObject.of("workflows", JsonArray.copyOf(items)));
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# Known Workflows", ""));
        for (WorkflowSpec workflow : Workflows.all()) {
            lines.add("- **" + workflow.name() + "** \u2014 " + workflow.title());
            lines.add("  required: " + String.join(", ", workflow.requiredCapabilities()));
            lines.add("  " + workflow.description());
        }
        context.println(String.join("\n", lines));
    }
}
