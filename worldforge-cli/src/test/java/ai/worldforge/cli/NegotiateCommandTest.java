package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.negotiation.CapabilityNegotiator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code negotiate}: behaviour 36 of upstream-cli.md §8 and the repeatable {@code --workflow}. */
class NegotiateCommandTest {
    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    private static List<String> workflowNames(JsonObject report) {
        List<String> names = new ArrayList<>();
        for (JsonValue item : (JsonArray) report.get("workflows")) {
            JsonObject workflow = (JsonObject) ((JsonObject) item).get("workflow");
            names.add(((JsonString) workflow.get("name")).value());
        }
        return names;
    }

    @Test
    void listAsJsonHasThirteenWorkflows() {
        Result result = cli.run("negotiate", "--list", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        JsonArray workflows = (JsonArray) result.json().get("workflows");
        assertThat(workflows).hasSize(13);
        JsonObject first = (JsonObject) workflows.get(0);
        assertThat(first.keys()).containsExactly("name", "title", "description", "required_capabilities", "notes");
        assertThat(result.out())
                .startsWith("""
                        {
                          "workflows": [
                            {
                              "name": "predict-only",
                              "title": "Predict-only workflow",
                        """)
                .contains("must be satisfied \\u2014 typically")
                .endsWith("}\n");
    }

    @Test
    void listAsMarkdownIsTheReferenceListing() {
        Result result = cli.run("negotiate", "--list");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("""
                        # Known Workflows

                        - **predict-only** — Predict-only workflow
                          required: predict
                          Workflows that only need a world-model predict provider.
                        - **generate-only** — Generate-only workflow
                          required: generate
                          Video or media generation workflows that only need a generate-capable provider.
                        """).contains("""
                        - **policy-plus-score** — Policy + score workflow
                          required: policy, score
                          Embodied workflows that propose actions with a policy provider and rank them with a score \
                        provider. Both capabilities must be satisfied — typically by different providers.
                        """).endsWith("""
                        - **evaluation-transfer** — Evaluation suite: transfer
                          required: transfer
                          Mirrors the built-in 'transfer' evaluation suite's required capability surface.
                        """);
        assertThat(result.out().split("\n", -1)).hasSize(2 + 13 * 3 + 1);
    }

    @Test
    void predictOnlyIsReady() {
        Result result = cli.run("negotiate", "--workflow", "predict-only");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Workflows: 1 | Ready: 1\n");
        // print(report.to_markdown()): the report's own newline plus print's.
        String expected = CapabilityNegotiator.negotiateNamed(
                                WorldForge.builder()
                                        .stateDir(dir.resolve("other"))
                                        .build(),
                                List.of("predict-only"))
                        .toMarkdown()
                + "\n";
        assertThat(result.out()).isEqualTo(expected).endsWith("| mock | yes | yes | yes | yes | ready | - |\n\n");
        assertThat(dir.resolve(".worldforge")).doesNotExist();
    }

    @Test
    void everyWorkflowWithOnlyMockExitsOne() {
        Result result = cli.run("negotiate", "--format", "json");
        assertThat(result.code()).isEqualTo(1);
        JsonObject report = result.json();
        assertThat(report.keys()).containsExactly("schema_version", "workflow_count", "ready_count", "workflows");
        assertThat(report.get("schema_version")).isEqualTo(JsonInt.of(1));
        assertThat(report.get("workflow_count")).isEqualTo(JsonInt.of(13));
        assertThat(report.get("ready_count")).isEqualTo(JsonInt.of(10));
        assertThat(result.out()).startsWith("{\n  \"schema_version\": 1,\n  \"workflow_count\": 13,\n");
        Result markdown = cli.run("negotiate");
        assertThat(markdown.code()).isEqualTo(1);
        assertThat(markdown.out())
                .startsWith("# Capability Negotiation Report\n\nWorkflows: 13 | Ready: 10\n\n")
                .contains("## Policy + score workflow (`policy-plus-score`) — BLOCKED\n")
                .contains("### Recommended actions\n");
    }

    @Test
    void blockedWorkflowReportsTheNextStep() {
        Result result = cli.run("negotiate", "--workflow", "policy-plus-score", "--format", "json");
        assertThat(result.code()).isEqualTo(1);
        JsonObject workflow = (JsonObject) ((JsonArray) result.json().get("workflows")).get(0);
        assertThat(workflow.get("ready")).isEqualTo(JsonBool.FALSE);
        assertThat(workflow.get("summary")).isEqualTo(JsonString.of("missing capability coverage: policy, score"));
        assertThat(((JsonArray) workflow.get("recommended_actions")).get(0))
                .isEqualTo(JsonString.of("Configure provider 'gr00t' to serve capability 'policy': provider profile"
                        + " 'gr00t' is not configured: missing GROOT_POLICY_HOST."));
    }

    @Test
    void everyRepeatedWorkflowCounts() {
        Result result = cli.run(
                "negotiate",
                "--workflow",
                "score-only",
                "--workflow=predict-only",
                "--workflow",
                "score-only",
                "--format",
                "json");
        assertThat(result.code()).isEqualTo(1);
        assertThat(workflowNames(result.json())).containsExactly("score-only", "predict-only");
        assertThat(result.json().get("ready_count")).isEqualTo(JsonInt.of(1));
        Result ready = cli.run("negotiate", "--workflow", "predict-only", "--workflow", "evaluation-physics");
        assertThat(ready.code()).isZero();
        assertThat(ready.out()).contains("Workflows: 2 | Ready: 2\n");
    }

    @Test
    void unknownWorkflowIsAHandledError() {
        Result result = cli.run("negotiate", "--workflow", "predict-only", "--workflow", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("WorldForge CLI error [negotiate]: Unknown workflow 'nope'. Known workflows: predict-only,"
                        + " generate-only, score-only, policy-only, transfer-only, reason-only, embed-only,"
                        + " policy-plus-score, evaluation-generation, evaluation-physics, evaluation-planning,"
                        + " evaluation-reasoning, evaluation-transfer.\n"
                        + "First triage: run `bin/worldforge negotiate --help`.\n");
    }

    @Test
    void listIgnoresTheWorkflowOption() {
        Result result = cli.run("negotiate", "--list", "--workflow", "nope", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat((JsonArray) result.json().get("workflows")).hasSize(13);
    }

    @Test
    void configurationComesFromTheEnvironment() {
        Result result = new CliRunner(dir, Map.of("GROOT_POLICY_HOST", "10.0.0.5"))
                .run("negotiate", "--workflow", "policy-only");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out())
                .contains("| gr00t | no | yes | no | no | not-registered | provider 'gr00t' is known but not registered"
                        + " on this forge |\n")
                .contains("Next step: Configure provider 'lerobot' to serve capability 'policy'");
    }

    @Test
    void stateDirIsHonoured() {
        Result result = cli.run("negotiate", "--workflow", "predict-only", "--state-dir", "custom/worlds");
        assertThat(result.code()).isZero();
        assertThat(dir.resolve("custom")).doesNotExist();
    }

    @Test
    void invalidFormatIsAUsageError() {
        Result result = cli.run("negotiate", "--format", "yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err())
                .endsWith("worldforge negotiate: error: argument --format: invalid choice: 'yaml' (choose from"
                        + " 'markdown', 'json')\n");
    }
}
