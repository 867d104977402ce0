package ai.worldforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core performance check: behaviour 64 of upstream-ops.md §26 and its argument errors. */
class CorePerformanceCheckTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("examples/benchmark-inputs.json")) {
            Files.createDirectories(dir.resolve("examples"));
            Files.write(dir.resolve("examples/benchmark-inputs.json"), in.readAllBytes());
        }
    }

    private int run(String... args) {
        return CorePerformanceCheck.run(
                args, new PrintWriter(out, true), new PrintWriter(err, true), dir, Clock.systemUTC());
    }

    private Path budgets(double value) throws IOException {
        Path file = dir.resolve("budgets-" + value + ".json");
        StringBuilder json = new StringBuilder("{");
        for (String name : CorePerformanceCheck.DEFAULT_BUDGETS_MS.keySet()) {
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(name)
                    .append("\":")
                    .append(value);
        }
        Files.writeString(file, json.append('}').toString());
        return file;
    }

    @Test
    void generousBudgetsPassWithArtifactPaths() throws IOException {
        int code = run("--budget-file", budgets(10_000).toString());
        assertThat(code).as(err.toString()).isZero();
        JsonObject payload = (JsonObject) Json.parse(out.toString());
        assertThat(payload.get("passed")).isEqualTo(JsonBool.TRUE);
        assertThat(payload.get("preserved_workspace")).isEqualTo(JsonNull.INSTANCE);
        List<JsonValue> results = ((JsonArray) payload.get("results")).items();
        assertThat(results)
                .extracting(r -> ((JsonString) ((JsonObject) r).get("name")).value())
                .containsExactly(
                        "world_persistence",
                        "benchmark_fixture_loading",
                        "provider_catalog_diagnostics",
                        "evidence_bundle_creation",
                        "report_rendering");
        assertThat(results).allSatisfy(r -> {
            JsonObject row = (JsonObject) r;
            assertThat(row.keys())
                    .containsExactlyInAnyOrder("name", "duration_ms", "budget_ms", "passed", "artifact_path");
            assertThat(row.get("artifact_path")).isInstanceOf(JsonString.class);
            assertThat(row.get("passed")).isEqualTo(JsonBool.TRUE);
        });
    }

    @Test
    void zeroBudgetsFailWithExitOne() throws IOException {
        assertThat(run("--budget-file", budgets(0).toString())).isEqualTo(1);
        assertThat(((JsonObject) Json.parse(out.toString())).get("passed")).isEqualTo(JsonBool.FALSE);
    }

    @Test
    void aReusedWorkspaceAccumulatesRunsAndKeepsTheVerdict() throws IOException {
        Path workspace = dir.resolve("perf");
        assertThat(run("--workspace-dir", "perf", "--output", "first.json")).isZero();
        assertThat(run("--workspace-dir", "perf", "--output", "second.json")).isZero();
        try (Stream<Path> runs = Files.list(workspace.resolve("runs"))) {
            assertThat(runs.count()).isEqualTo(2);
        }
        JsonObject preserved = (JsonObject) Json.parse(Files.readString(workspace.resolve("core-performance.json")));
        assertThat(((JsonString) preserved.get("preserved_workspace")).value()).isEqualTo(workspace.toString());
        assertThat(Json.parse(Files.readString(dir.resolve("second.json")))).isEqualTo(preserved);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badBudgetFilesAreRefused() throws IOException {
        Files.writeString(dir.resolve("list.json"), "[1]");
        assertThat(run("--budget-file", "list.json")).isEqualTo(2);
        assertThat(err.toString()).contains("core performance budget file must be a JSON object");
        Files.writeString(dir.resolve("negative.json"), "{\"world_persistence\": -1}");
        assertThat(run("--budget-file", "negative.json")).isEqualTo(2);
        assertThat(err.toString())
                .contains("core performance budgets must map operation names to finite non-negative ms");
        assertThat(run("--bogus")).isEqualTo(2);
    }
}
