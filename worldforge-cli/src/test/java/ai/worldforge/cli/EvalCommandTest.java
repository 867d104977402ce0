package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.cli.CliRunner.Result;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}: behaviour 40 of upstream-cli.md §8 (without the options not ported yet). */
class EvalCommandTest {
    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
    }

    @Test
    void physicsMarkdownByDefault() {
        Result result = cli.run("eval", "--suite", "physics", "--state-dir", "state");
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("# Evaluation Report\n\nSuite: Physics Evaluation Suite (physics)\n")
                .contains("| provider | average_score | passed | scenarios |")
                .contains("- Command: `worldforge eval --suite physics --provider mock`");
        // Read-only: no state directory is created (a deliberate difference from the reference).
        assertThat(dir.resolve("state")).doesNotExist();
        assertThat(cli.run("eval").out())
                .startsWith("# Evaluation Report\n\nSuite: Physics Evaluation Suite (physics)");
    }

    @Test
    void planningJsonIsCompactSortedWithFourResults() {
        Result result = cli.run("eval", "--suite", "planning", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.out()).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonObject report = result.json();
        assertThat(new ArrayList<>(report.keys())).isSorted();
        assertThat(report.keys())
                .contains(
                        "claim_boundary",
                        "metric_semantics",
                        "provenance",
                        "provider_summaries",
                        "results",
                        "suite",
                        "suite_id",
                        "workflow_trace");
        assertThat(result.text("suite_id")).isEqualTo("planning");
        JsonArray results = (JsonArray) report.get("results");
        assertThat(results).hasSize(4);
        assertThat(((JsonObject) results.get(0)).keys())
                .containsExactlyInAnyOrder("metrics", "passed", "provider", "scenario", "score", "suite", "suite_id");
        List<String> command = new ArrayList<>();
        for (JsonValue token : (JsonArray) ((JsonObject) report.get("provenance")).get("command")) {
            command.add(((JsonString) token).value());
        }
        assertThat(command).containsExactly("worldforge", "eval", "--suite", "planning", "--provider", "mock");
    }

    @Test
    void repeatedProvidersAreRecordedInOrder() {
        Result result =
                cli.run("eval", "--suite", "physics", "--provider", "mock", "--provider", "mock", "--format", "json");
        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains(
                        "\"command\":[\"worldforge\",\"eval\",\"--suite\",\"physics\",\"--provider\",\"mock\",\"--provider\",\"mock\"]");
    }

    @Test
    void csvHasTheReferenceHeader() {
        Result result = cli.run("eval", "--format", "csv");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("suite_id,suite,provider,scenario,score,passed,metrics_json\r\n");
        assertThat(result.out()).contains("physics,Physics Evaluation Suite,mock,");
    }

    @Test
    void unknownSuiteIsAUsageError() {
        Result result = cli.run("eval", "--suite", "bogus");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("usage: worldforge eval")
                .contains("worldforge eval: error: argument --suite: invalid choice: 'bogus'");
    }

    @Test
    void unknownProviderIsAHandledErrorWithProviderTriage() {
        Result result = cli.run("eval", "--provider", "nope");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo(
                        "WorldForge CLI error [eval]: Provider 'nope' is unknown.\n"
                                + "First triage: run `bin/worldforge doctor` and `bin/worldforge provider health <provider>`.\n");
    }
}
