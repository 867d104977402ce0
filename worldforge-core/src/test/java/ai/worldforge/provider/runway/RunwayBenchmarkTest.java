package ai.worldforge.provider.runway;

import static ai.worldforge.provider.runway.FakeRunwayTransport.API;
import static ai.worldforge.provider.runway.FakeRunwayTransport.ARTIFACT;
import static ai.worldforge.provider.runway.FakeRunwayTransport.json;
import static ai.worldforge.provider.runway.FakeRunwayTransport.text;
import static ai.worldforge.provider.runway.FakeRunwayTransport.video;
import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.benchmark.BenchmarkInputs;
import ai.worldforge.benchmark.BenchmarkReport;
import ai.worldforge.benchmark.BenchmarkResult;
import ai.worldforge.benchmark.ProviderBenchmarkHarness;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.provider.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour 30: a Runway generate with one poll retry and one download retry counts 2 retries. */
class RunwayBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void onePollRetryAndOneDownloadRetryGiveRetryCountTwo() {
        FakeRunwayTransport fake = new FakeRunwayTransport().happyPath();
        fake.on(
                "GET",
                API + "/v1/tasks/task_generate",
                text(503, "busy"),
                json(200, FakeRunwayTransport.taskSuccess()));
        fake.on("GET", ARTIFACT, text(503, "busy"), video("runway-video"));
        RunwayProvider runway = RunwayProvider.builder()
                .baseUrl(API)
                .environment(Environment.of(Map.of("RUNWAYML_API_SECRET", "k")))
                .transport(fake)
                .pollIntervalSeconds(0.0)
                .sleeper(seconds -> {})
                .build();
        WorldForge forge = WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.empty())
                .autoRegisterRemote(false)
                .build();
        forge.registerProvider(runway);

        BenchmarkReport report = ProviderBenchmarkHarness.builder(forge)
                .build()
                .run(List.of("runway"), List.of("generate"), 1, 1, BenchmarkInputs.defaults(), null);

        BenchmarkResult result = report.results().get(0);
        assertThat(result.provider()).isEqualTo("runway");
        assertThat(result.operation()).isEqualTo("generate");
        assertThat(result.successCount()).isEqualTo(1);
        assertThat(result.errorCount()).isZero();
        assertThat(result.retryCount()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        Map<String, JsonObject> byOperation = new java.util.HashMap<>();
        for (ai.worldforge.json.JsonValue entry :
                (ai.worldforge.json.JsonArray) result.operationMetrics().get("events")) {
            JsonObject metric = (JsonObject) entry;
            byOperation.put(((ai.worldforge.json.JsonString) metric.get("operation")).value(), metric);
        }
        assertThat(byOperation.get("generation request").get("retry_count")).isEqualTo(JsonInt.of(0));
        assertThat(byOperation.get("task poll").get("retry_count")).isEqualTo(JsonInt.of(1));
        assertThat(byOperation.get("artifact download").get("retry_count")).isEqualTo(JsonInt.of(1));
        assertThat(byOperation.get("artifact download").get("request_count")).isEqualTo(JsonInt.of(2));
        assertThat(fake.paths()).filteredOn(p -> p.startsWith("GET /v1/tasks")).hasSize(2);
    }
}
