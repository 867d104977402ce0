package ai.worldforge.benchmark.preset;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.benchmark.BenchmarkBudget;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user-facing example files (copied verbatim from the reference) stay loadable. */
class ExampleBenchmarkFilesTest {
    private static JsonValue example(String name) throws IOException {
        try (InputStream in =
                ExampleBenchmarkFilesTest.class.getResourceAsStream("/ai/worldforge/benchmark/examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Json.parse(in);
        }
    }

    @Test
    void exampleInputsAndBudgetLoad() throws IOException {
        BenchmarkInputs inputs = BenchmarkInputs.fromJson(example("benchmark-inputs.json"), Path.of(""));
        assertThat(inputs.generationPrompt()).isEqualTo("benchmark orbiting cube");
        assertThat(inputs.policyInfo().has("embodiment_tag")).isTrue();
        BenchmarkInputs generate =
                BenchmarkInputs.fromJson(example("runway-generate-benchmark-inputs.json"), Path.of(""));
        assertThat(generate.generationDurationSeconds()).isEqualTo(5.0);
        BenchmarkInputs transfer =
                BenchmarkInputs.fromJson(example("runway-transfer-benchmark-inputs.json"), Path.of(""));
        assertThat(transfer.transferWidth()).isEqualTo(1280);
        List<BenchmarkBudget> budgets = BenchmarkBudget.parseAll(example("benchmark-budget.json"));
        assertThat(budgets).hasSize(1);
        assertThat(budgets.get(0).selectorLabel()).isEqualTo("mock/generate");
        assertThat(budgets.get(0).maxP95LatencyMs().getAsDouble()).isEqualTo(10000.0);
    }

    @Test
    void presetCommandAndNotes() {
        BenchmarkPreset preset = BenchmarkPresets.get("mock-smoke");
        assertThat(BenchmarkPresets.command(preset, List.of())).isEqualTo("worldforge benchmark --preset mock-smoke");
        assertThat(BenchmarkPresets.command(preset, List.of("--profile", "p.json")))
                .isEqualTo("worldforge benchmark --preset mock-smoke --profile p.json");
        assertThat(BenchmarkPresets.provenanceNotes(preset)).isEqualTo("benchmark preset: mock-smoke");
    }
}
