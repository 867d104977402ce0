package ai.worldforge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Policy;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.InMemoryRecorderSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.mock.MockProvider;
import ai.worldforge.trace.ProvenanceEnvelope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §6.2: the harness's rules, timing, metric capture and provenance. */
class ProviderBenchmarkHarnessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private WorldForge forge() {
        return WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.empty())
                .autoRegisterRemote(false)
                .build();
    }

    /** Advances one millisecond per read, so every sample takes exactly 1 ms. */
    private static LongSupplier steppingClock() {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(1_000_000L);
    }

    /** Replays {@code millis} as successive readings. */
    private static LongSupplier scriptedClock(double... millis) {
        AtomicInteger index = new AtomicInteger();
        return () -> Math.round(millis[index.getAndIncrement()] * 1_000_000.0);
    }

    private ProviderBenchmarkHarness harness(WorldForge forge, LongSupplier nanos) {
        return ProviderBenchmarkHarness.builder(forge)
                .nanoClock(nanos)
                .clock(CLOCK)
                .build();
    }

    static class LabCost implements Cost {
        final List<JsonObject> infos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "scorebench";
        }

        @Override
        public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
            infos.add(info);
            return ActionScoreResult.of("scorebench", List.of(0.4, 0.1), 1);
        }
    }

    static final class LabPolicy implements Policy {
        final List<JsonObject> infos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "policybench";
        }

        @Override
        public ActionPolicyResult selectActions(JsonObject info) {
            infos.add(info);
            return ActionPolicyResult.of("policybench", List.of(Action.moveTo(0.1, 0.5, 0.0)));
        }
    }

    /** Embeds with a retry event every call and throws {@code failure} (even checked) every second call. */
    static final class FlakyProvider extends BaseProvider {
        private final AtomicInteger calls = new AtomicInteger();
        private final Throwable failure;

        FlakyProvider(String name, Throwable failure) {
            super(MockProvider.profileFor(name), Environment.empty(), null);
            this.failure = failure;
        }

        @Override
        public EmbeddingResult embed(String text) {
            emit(ProviderEvent.builder(name(), "embed", "retry").build());
            if (calls.incrementAndGet() % 2 == 0) {
                throw ProviderBenchmarkHarnessTest.<RuntimeException>sneaky(failure);
            }
            emit(ProviderEvent.builder(name(), "embed", "success")
                    .durationMs(0.5)
                    .build());
            return new EmbeddingResult(name(), "flaky", List.of(1.0, 2.0));
        }
    }

    @Test
    void benchmarksMockOperationsWithDeterministicTiming() {
        WorldForge forge = forge();
        List<BenchmarkSample> samples = new ArrayList<>();
        BenchmarkReport report = harness(forge, steppingClock())
                .run(
                        List.of("mock"),
                        List.of("predict", "embed", "predict"),
                        2,
                        1,
                        BenchmarkInputs.defaults(),
                        samples::add);

        assertThat(report.results()).extracting(BenchmarkResult::operation).containsExactly("predict", "embed");
        for (BenchmarkResult result : report.results()) {
            assertThat(result.provider()).isEqualTo("mock");
            assertThat(result.successCount()).isEqualTo(2);
            assertThat(result.errorCount()).isZero();
            assertThat(result.retryCount()).isZero();
            assertThat(result.averageLatencyMs()).hasValue(1.0);
            assertThat(result.p50LatencyMs()).hasValue(1.0);
            assertThat(result.p95LatencyMs()).hasValue(1.0);
            // Readings: start, 2 x (start, end), end = 5 ms of wall time.
            assertThat(result.totalTimeMs()).isEqualTo(5.0);
            assertThat(result.throughputPerSecond()).isEqualTo(400.0);
            assertThat(result.operationMetrics().get("provider").toCanonicalJson())
                    .isEqualTo("\"mock\"");
            JsonArray events = (JsonArray) result.operationMetrics().get("events");
            assertThat(events.items()).isNotEmpty();
            assertThat(((JsonObject) events.get(0)).get("operation").toCanonicalJson())
                    .isEqualTo("\"" + result.operation() + "\"");
        }
        assertThat(samples).hasSize(4);
        assertThat(samples.get(1).toJson().toCanonicalJson())
                .isEqualTo("{\"error\":null,\"iteration\":2,\"latency_ms\":1.0,\"operation\":\"predict\","
                        + "\"provider\":\"mock\",\"succeeded\":true}");

        JsonObject payload = (JsonObject) Json.parse(report.toJsonText());
        assertThat(payload.get("claim_boundary").toCanonicalJson()).contains("adapter-path latency");
        assertThat(payload.get("metric_semantics").toCanonicalJson()).contains("ProviderEvent");
        assertThat(report.toCsv()).startsWith("provider,operation,iterations");
        assertThat(report.toMarkdown()).startsWith("# Benchmark Report");

        JsonObject metadata = report.runMetadata();
        assertThat(metadata.keys())
                .containsExactly(
                        "providers",
                        "requested_operations",
                        "selected_operations",
                        "iterations",
                        "concurrency",
                        "inputs");
        assertThat(metadata.get("requested_operations").toCanonicalJson()).isEqualTo("[\"predict\",\"embed\"]");
        assertThat(metadata.get("selected_operations").toCanonicalJson())
                .isEqualTo("{\"mock\":[\"predict\",\"embed\"]}");
        assertThat(metadata.get("inputs")).isEqualTo(BenchmarkInputs.defaults().toJson());

        ProvenanceEnvelope provenance = report.provenance().orElseThrow();
        assertThat(provenance.kind()).isEqualTo("benchmark");
        assertThat(provenance.suiteId()).isEqualTo("benchmark");
        assertThat(provenance.suiteVersion()).isEqualTo("benchmark:1");
        assertThat(provenance.createdAt()).isEqualTo("2026-03-04T05:06:07+00:00");
        assertThat(provenance.providers()).containsExactly("mock");
        assertThat(provenance.capabilities()).containsExactly("embed", "predict");
        assertThat(provenance.runtimeManifests()).isEmpty();
        assertThat(provenance.inputDigest())
                .hasValue(ProvenanceEnvelope.digestPayload(
                        BenchmarkInputs.defaults().toJson()));
        assertThat(provenance.resultDigest())
                .hasValue(ProvenanceEnvelope.digestPayload(JsonArray.copyOf(
                        report.results().stream().map(BenchmarkResult::toJson).toList())));
        long requests = 0;
        for (BenchmarkResult result : report.results()) {
            for (JsonValue event : (JsonArray) result.operationMetrics().get("events")) {
                requests += ((ai.worldforge.json.JsonInt) ((JsonObject) event).get("request_count")).longValue();
            }
        }
        assertThat(requests).isGreaterThan(0);
        assertThat(provenance.eventCount()).isEqualTo(requests);
        assertThat(provenance.claimBoundary()).isEqualTo(BenchmarkContracts.CLAIM_BOUNDARY);
        assertThat(provenance.metricSemantics()).isEqualTo(BenchmarkContracts.METRIC_SEMANTICS);
        // The sink was only borrowed: the mock's handler is back to what it was.
        assertThat(forge.provider("mock").orElseThrow().eventHandler()).isEqualTo(forge.eventHandler());
    }

    @Test
    void defaultOperationsAreTheSupportedOnes() {
        WorldForge forge = forge();
        ProviderBenchmarkHarness harness = harness(forge, steppingClock());
        assertThat(harness.supportedOperations("mock"))
                .containsExactly("predict", "reason", "generate", "transfer", "embed");
        BenchmarkReport report = harness.run(List.of("mock"), List.of(), 1, 1, BenchmarkInputs.defaults(), null);
        assertThat(report.results())
                .extracting(BenchmarkResult::operation)
                .containsExactly("predict", "reason", "generate", "transfer", "embed");
        assertThat(report.results())
                .allSatisfy(r -> assertThat(r.successCount()).isEqualTo(1));
        assertThat(report.runMetadata().get("requested_operations").toCanonicalJson())
                .isEqualTo("[\"predict\",\"reason\",\"generate\",\"transfer\",\"embed\",\"score\",\"policy\"]");
        assertThat(new ProviderBenchmarkHarness(forge).run(List.of("mock")).results())
                .hasSize(5);
    }

    @Test
    void percentilesInterpolateLinearlyAndLatencyHasAFloor() {
        WorldForge forge = forge();
        // op start, then (start, end) per sample: 1, 2, 3, 4, 10 ms and a 0.01 ms sample floored to 0.1.
        LongSupplier clock = scriptedClock(0, 0, 1, 1, 3, 3, 6, 6, 10, 10, 20, 20, 20.01, 40);
        BenchmarkResult result = harness(forge, clock)
                .run(List.of("mock"), List.of("embed"), 6, 1, BenchmarkInputs.defaults(), null)
                .results()
                .get(0);
        assertThat(result.minLatencyMs()).hasValue(0.1);
        assertThat(result.maxLatencyMs()).hasValue(10.0);
        // sorted [0.1, 1, 2, 3, 4, 10]: p50 index 2.5 -> 2.5; p95 index 4.75 -> 4 + 6 * 0.75 = 8.5
        assertThat(result.p50LatencyMs().getAsDouble()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.p95LatencyMs().getAsDouble()).isCloseTo(8.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.averageLatencyMs().getAsDouble())
                .isCloseTo(20.1 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.totalTimeMs()).isEqualTo(40.0);
        assertThat(result.throughputPerSecond()).isEqualTo(150.0);
    }

    @Test
    void percentileEdgeCases() {
        assertThat(ProviderBenchmarkHarness.percentile(new double[0], 0.5)).isEmpty();
        assertThat(ProviderBenchmarkHarness.percentile(new double[] {7.0}, 0.95))
                .hasValue(7.0);
        assertThat(ProviderBenchmarkHarness.percentile(new double[] {1.0, 3.0}, 0.5))
                .hasValue(2.0);
        assertThat(ProviderBenchmarkHarness.percentile(new double[] {1.0, 3.0}, 0.95)
                        .getAsDouble())
                .isCloseTo(2.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ProviderBenchmarkHarness.percentile(new double[] {1.0, 2.0, 3.0}, 1.0))
                .hasValue(3.0);
    }

    @Test
    void scoreAndPolicyImplementationsAreBenchmarkedWithTheDefaultInputs() {
        WorldForge forge = forge();
        LabCost cost = new LabCost();
        LabPolicy policy = new LabPolicy();
        forge.registerCost(cost);
        forge.registerPolicy(policy);
        BenchmarkReport report = harness(forge, steppingClock())
                .run(List.of("scorebench", "policybench"), List.of(), 2, 1, BenchmarkInputs.defaults(), null);
        assertThat(report.results())
                .extracting(r -> r.provider() + "/" + r.operation())
                .containsExactly("scorebench/score", "policybench/policy");
        for (BenchmarkResult result : report.results()) {
            assertThat(result.successCount()).isEqualTo(2);
            JsonObject event =
                    (JsonObject) ((JsonArray) result.operationMetrics().get("events")).get(0);
            assertThat(event.get("operation").toCanonicalJson()).isEqualTo("\"" + result.operation() + "\"");
            assertThat(event.get("request_count").toCanonicalJson()).isEqualTo("2");
        }
        assertThat(report.provenance().orElseThrow().eventCount()).isEqualTo(4);
        assertThat(cost.infos.get(0).get("metadata").toCanonicalJson()).isEqualTo("{\"mode\":\"benchmark-score\"}");
        assertThat(((JsonObject) policy.infos.get(0).get("observation"))
                        .get("language")
                        .toCanonicalJson())
                .isEqualTo("\"move the cube toward the target\"");
        assertThat(report.provenance().orElseThrow().capabilities()).containsExactly("policy", "score");
    }

    @Test
    void customScoreAndPolicyInputsAreForwardedUnchanged() {
        WorldForge forge = forge();
        List<JsonValue> candidates = Collections.synchronizedList(new ArrayList<>());
        LabCost cost = new LabCost() {
            @Override
            public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
                candidates.add(actionCandidates);
                return super.scoreActions(info, actionCandidates);
            }
        };
        LabPolicy policy = new LabPolicy();
        forge.registerCost(cost);
        forge.registerPolicy(policy);
        BenchmarkInputs inputs = BenchmarkInputs.fromJson(
                Json.parse("{\"score_info\":{\"pixels\":[[[[1.0]]]],\"goal\":[[[0.1,0.2,0.3]]],"
                        + "\"action\":[[[0.0,0.0,0.0]]],\"metadata\":{\"fixture\":\"custom\"}},"
                        + "\"score_action_candidates\":[[[[0.1,0.2,0.3]],[[0.4,0.5,0.6]]]],"
                        + "\"policy_info\":{\"observation\":{\"state\":{\"object\":[1.0,2.0,3.0]},"
                        + "\"language\":\"custom\"},\"mode\":\"select_action\"}}"),
                dir);
        harness(forge, steppingClock()).run(List.of("scorebench", "policybench"), List.of(), 1, 1, inputs, null);
        assertThat(cost.infos).containsExactly(inputs.scoreInfo());
        assertThat(candidates).containsExactly(inputs.scoreActionCandidates());
        assertThat(policy.infos).containsExactly(inputs.policyInfo());
    }

    @Test
    void allFailedSamplesLeaveLatenciesEmptyAndAlwaysViolateLatencyBudgets() {
        WorldForge forge = forge();
        forge.registerProvider(new BaseProvider(MockProvider.profileFor("down"), Environment.empty(), null) {
            @Override
            public EmbeddingResult embed(String text) {
                throw new ProviderException("simulated provider outage");
            }
        });
        List<BenchmarkSample> samples = new ArrayList<>();
        BenchmarkReport report = harness(forge, steppingClock())
                .run(List.of("down"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), samples::add);
        BenchmarkResult result = report.results().get(0);
        assertThat(result.successCount()).isZero();
        assertThat(result.errorCount()).isEqualTo(2);
        assertThat(result.averageLatencyMs()).isEmpty();
        assertThat(result.p95LatencyMs()).isEmpty();
        assertThat(result.throughputPerSecond()).isZero();
        assertThat(samples).extracting(BenchmarkSample::iteration).containsExactly(1, 2);
        assertThat(samples).noneMatch(BenchmarkSample::succeeded);
        BenchmarkGateReport gate = report.evaluateBudgets(List.of(BenchmarkBudget.builder()
                .provider("down")
                .operation("embed")
                .maxAverageLatencyMs(1.0)
                .build()));
        assertThat(gate.passed()).isFalse();
        assertThat(gate.violations().get(0).metric()).isEqualTo("average_latency_ms");
        assertThat(gate.violations().get(0).observed()).isEmpty();
    }

    @Test
    void capturedEventsStillReachTheOriginalHandler() {
        InMemoryRecorderSink recorder = new InMemoryRecorderSink();
        WorldForge forge = WorldForge.builder()
                .stateDir(dir.resolve("w"))
                .environment(Environment.empty())
                .autoRegisterRemote(false)
                .eventHandler(recorder)
                .build();
        forge.registerCost(new LabCost());
        harness(forge, steppingClock())
                .run(List.of("scorebench", "mock"), List.of(), 1, 1, BenchmarkInputs.defaults(), null);
        assertThat(recorder.events()).extracting(ProviderEvent::provider).contains("scorebench", "mock");
        ProviderEventHandler restored =
                forge.provider("mock").orElseThrow().eventHandler().orElseThrow();
        assertThat(restored).isSameAs(recorder);
    }

    @Test
    void providerErrorsBecomeFailedSamplesAndRetriesAreCounted() {
        WorldForge forge = forge();
        forge.registerProvider(new FlakyProvider("flaky", new ProviderException("upstream unavailable")));
        List<BenchmarkSample> samples = Collections.synchronizedList(new ArrayList<>());
        BenchmarkResult result = harness(forge, steppingClock())
                .run(List.of("flaky"), List.of("embed"), 4, 1, BenchmarkInputs.defaults(), samples::add)
                .results()
                .get(0);
        assertThat(result.successCount()).isEqualTo(2);
        assertThat(result.errorCount()).isEqualTo(2);
        assertThat(result.errors()).containsExactly("upstream unavailable", "upstream unavailable");
        assertThat(result.retryCount()).isEqualTo(4);
        assertThat(samples.get(1).error()).hasValue("upstream unavailable");
        assertThat(samples.get(1).succeeded()).isFalse();
        assertThat(samples.get(1).toJson().get("error").toCanonicalJson()).isEqualTo("\"upstream unavailable\"");

        forge.registerProvider(new FlakyProvider("strict", new WorldForgeException("bad input")));
        assertThat(harness(forge, steppingClock())
                        .run(List.of("strict"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), null)
                        .results()
                        .get(0)
                        .errors())
                .containsExactly("bad input");

        forge.registerProvider(new FlakyProvider(
                "slow", new java.io.UncheckedIOException(new java.net.SocketTimeoutException("read timed out"))));
        assertThat(harness(forge, steppingClock())
                        .run(List.of("slow"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), null)
                        .results()
                        .get(0)
                        .errorCount())
                .isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable e) throws T {
        throw (T) e;
    }

    @Test
    void sneakyTimeoutsFailSamplesAndOtherCheckedExceptionsPropagateUnchanged() {
        WorldForge forge = forge();
        forge.registerProvider(new FlakyProvider("timeout", new java.util.concurrent.TimeoutException("deadline")));
        assertThat(harness(forge, steppingClock())
                        .run(List.of("timeout"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), null)
                        .results()
                        .get(0)
                        .errors())
                .containsExactly("deadline");
        forge.registerProvider(new FlakyProvider("io", new java.io.IOException("disk")));
        assertThatThrownBy(() -> harness(forge, steppingClock())
                        .run(List.of("io"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), null))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("disk");
    }

    @Test
    void otherExceptionsPropagateAndTheHandlerIsRestored() {
        WorldForge forge = forge();
        FlakyProvider broken = new FlakyProvider("broken", new IllegalStateException("bug"));
        forge.registerProvider(broken);
        assertThatThrownBy(() -> harness(forge, steppingClock())
                        .run(List.of("broken"), List.of("embed"), 2, 1, BenchmarkInputs.defaults(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bug");
        assertThat(broken.eventHandler()).isEmpty();
        assertThatThrownBy(() -> harness(forge, steppingClock())
                        .run(List.of("broken"), List.of("embed"), 4, 3, BenchmarkInputs.defaults(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bug");
        assertThat(broken.eventHandler()).isEmpty();
    }

    @Test
    void manySamplesStreamThroughABoundedWindowAndShareTheirErrorMessages() {
        WorldForge forge = forge();
        forge.registerProvider(new FlakyProvider("flaky", new ProviderException("upstream said no")));
        for (int concurrency : new int[] {1, 8}) {
            BenchmarkReport report = harness(forge, steppingClock())
                    .run(List.of("flaky"), List.of("embed"), 20_000, concurrency, BenchmarkInputs.defaults(), null);
            BenchmarkResult result = report.results().get(0);
            assertThat(result.successCount() + result.errorCount()).isEqualTo(20_000);
            assertThat(result.errorCount()).isEqualTo(10_000);
            assertThat(result.errors()).hasSize(10_000).allMatch("upstream said no"::equals);
            assertThat(result.errors().get(0)).isSameAs(result.errors().get(9_999));
        }
    }

    @Test
    void concurrentWorkersAndParallelProviders() {
        WorldForge forge = forge();
        forge.registerProvider(new MockProvider("mock-b", null));
        List<BenchmarkSample> samples = Collections.synchronizedList(new ArrayList<>());
        BenchmarkReport report = new ProviderBenchmarkHarness(forge)
                .run(
                        List.of("mock", "mock-b"),
                        List.of("predict", "embed"),
                        6,
                        3,
                        BenchmarkInputs.defaults(),
                        samples::add);
        assertThat(report.results())
                .extracting(r -> r.provider() + "/" + r.operation())
                .containsExactly("mock/predict", "mock/embed", "mock-b/predict", "mock-b/embed");
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.successCount()).isEqualTo(6);
            assertThat(r.concurrency()).isEqualTo(3);
            assertThat(r.minLatencyMs().getAsDouble()).isGreaterThanOrEqualTo(0.1);
        });
        assertThat(samples).hasSize(24);
        assertThat(samples.stream()
                        .filter(s ->
                                s.provider().equals("mock") && s.operation().equals("embed"))
                        .map(BenchmarkSample::iteration))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        assertThat(report.provenance().orElseThrow().providers()).containsExactly("mock", "mock-b");
    }

    @Test
    void validationMessages() {
        WorldForge forge = forge();
        forge.registerCost(new LabCost());
        ProviderBenchmarkHarness harness = harness(forge, steppingClock());
        BenchmarkInputs inputs = BenchmarkInputs.defaults();
        assertThatThrownBy(() -> harness.run(List.of(), List.of(), 1, 1, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Benchmark run requires at least one provider.");
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of(), 0, 1, inputs, null))
                .hasMessage("iterations must be an integer greater than 0.");
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of(), 1, 0, inputs, null))
                .hasMessage("concurrency must be an integer greater than 0.");
        // A billion iterations used to allocate a billion-element array before the first sample.
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of(), 1_000_000_000, 1, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("iterations must be at most 1000000.");
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of(), 1, 1_000_000, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("concurrency must be at most 256.");
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of("plan", "predict", "x"), 1, 1, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown benchmark operations: plan, x. Known operations: predict, reason, generate,"
                        + " transfer, embed, score, policy.");
        assertThatThrownBy(() -> harness.run(List.of("mock", "nope"), List.of(), 1, 1, inputs, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'nope' is not registered.");
        assertThatThrownBy(() -> harness.run(List.of("mock"), List.of("score", "embed", "policy"), 1, 1, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'mock' cannot benchmark unsupported operations: score, policy.");
        forge.registerProvider(
                new BaseProvider(
                        ai.worldforge.provider.ProviderProfile.builder("planner-only")
                                .capabilities(ai.worldforge.provider.ProviderCapabilities.of(
                                        ai.worldforge.provider.Capability.PLAN))
                                .build(),
                        Environment.empty(),
                        null) {});
        assertThatThrownBy(() -> harness.run(List.of("planner-only"), List.of(), 1, 1, inputs, null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider 'planner-only' does not expose benchmarkable operations.");
        assertThatThrownBy(() -> harness.supportedOperations("nope"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'nope' is unknown.");
    }
}
