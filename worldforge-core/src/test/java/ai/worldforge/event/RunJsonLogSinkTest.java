package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RunJsonLogSink}. */
class RunJsonLogSinkTest {
    @TempDir
    Path dir;

    private static ProviderEvent event(String phase) {
        return ProviderEvent.builder("mock", "predict", phase).durationMs(2.0).build();
    }

    @Test
    void blankRunIdsAreRejected() {
        for (String runId : new String[] {"", "   ", "\t\n"}) {
            assertThatThrownBy(() -> new RunJsonLogSink(dir.resolve("e.jsonl"), runId))
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage("RunJsonLogSink run_id must be a non-empty string.");
        }
        assertThatThrownBy(() -> new RunJsonLogSink(dir.resolve("e.jsonl"), null, JsonObject.EMPTY))
                .hasMessage("RunJsonLogSink run_id must be a non-empty string.");
    }

    @Test
    void runIdIsStrippedAndSanitisedAndParentsAreCreated() {
        Path path = dir.resolve("runs/r1/provider-events.jsonl");
        RunJsonLogSink sink = new RunJsonLogSink(path, "  run-token=x  ");
        assertThat(sink.runId()).isEqualTo("run-token=[redacted]");
        assertThat(sink.logPath()).isEqualTo(path);
        assertThat(Files.isDirectory(path.getParent())).isTrue();
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void appendsOneCanonicalLinePerEvent() throws IOException {
        Path path = dir.resolve("events.jsonl");
        RunJsonLogSink sink = new RunJsonLogSink(
                path, "20260430T120000Z-batch-eval", JsonObject.of("host", JsonString.of("batch-eval")));
        sink.handle(event("success"));
        sink.handle(event("RETRY"));
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .isEqualTo(
                        "{\"attempt\":1,\"duration_ms\":2.0,\"event_type\":\"provider_event\",\"host\":\"batch-eval\","
                                + "\"max_attempts\":1,\"message\":\"\",\"metadata\":{},\"method\":null,\"operation\":\"predict\","
                                + "\"phase\":\"success\",\"provider\":\"mock\",\"run_id\":\"20260430T120000Z-batch-eval\","
                                + "\"status_code\":null,\"target\":null}");
        assertThat(Json.parse(lines.get(1))).isInstanceOf(JsonObject.class);
        assertThat(((JsonObject) Json.parse(lines.get(1))).get("phase")).isEqualTo(JsonString.of("retry"));
        assertThat(Files.readString(path)).endsWith("}\n");

        // A second sink on the same file appends rather than truncating.
        new RunJsonLogSink(path, "other").handle(event("failure"));
        assertThat(Files.readAllLines(path)).hasSize(3);
    }

    @Test
    void sinkRunIdWinsAndEventIdsBeatExtrasOnlyWhenSet() throws IOException {
        Path path = dir.resolve("events.jsonl");
        RunJsonLogSink sink = new RunJsonLogSink(
                path,
                "sink-run",
                JsonObject.of("run_id", JsonString.of("extra-run"), "request_id", JsonString.of("extra-request")));
        sink.handle(event("success").toBuilder().runId("event-run").build());
        sink.handle(event("success").toBuilder().requestId("event-request").build());
        List<JsonObject> lines = new ArrayList<>();
        for (String line : Files.readAllLines(path)) {
            lines.add((JsonObject) Json.parse(line));
        }
        assertThat(lines.get(0).get("run_id")).isEqualTo(JsonString.of("sink-run"));
        assertThat(lines.get(0).get("request_id")).isEqualTo(JsonString.of("extra-request"));
        assertThat(lines.get(1).get("run_id")).isEqualTo(JsonString.of("sink-run"));
        assertThat(lines.get(1).get("request_id")).isEqualTo(JsonString.of("event-request"));
    }

    @Test
    void extrasAreRedacted() {
        RunJsonLogSink sink =
                new RunJsonLogSink(dir.resolve("e.jsonl"), "r", JsonObject.of("password", JsonString.of("hunter2")));
        assertThat(sink.extraFields()).isEqualTo(JsonObject.of("password", JsonString.of("[redacted]")));
        assertThat(sink.format(event("success"))).doesNotContain("hunter2");
    }

    @Test
    void concurrentWritersProduceWholeLines() throws Exception {
        Path path = dir.resolve("events.jsonl");
        // Two sinks on one file (separate locks) plus several threads per sink.
        RunJsonLogSink first = new RunJsonLogSink(path, "run-a");
        RunJsonLogSink second = new RunJsonLogSink(path, "run-b");
        String padding = "x".repeat(2_000);
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RunJsonLogSink sink = t % 2 == 0 ? first : second;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        sink.handle(ProviderEvent.builder("mock", "predict", "success")
                                .message(padding)
                                .requestId(thread + "-" + i)
                                .build());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(path);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonObject parsed = (JsonObject) Json.parse(line);
            ids.add(((JsonString) parsed.get("request_id")).value());
            assertThat(parsed.get("message")).isEqualTo(JsonString.of(padding));
        }
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void writeFailuresAreWorldForgeExceptions() throws IOException {
        Path path = dir.resolve("as-dir.jsonl");
        RunJsonLogSink sink = new RunJsonLogSink(path, "r");
        Files.createDirectory(path);
        assertThatThrownBy(() -> sink.handle(event("success")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("RunJsonLogSink could not append to ");
    }
}
