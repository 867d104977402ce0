package ai.worldforge.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** §6.4: budget parsing and its messages. */
class BenchmarkBudgetTest {
    @Test
    void acceptsAListOrAWrappedObject() {
        List<BenchmarkBudget> loaded = BenchmarkBudget.parseAll(Json.parse("{\"budgets\":[{\"provider\":\"mock\","
                + "\"operation\":\"predict\",\"min_success_rate\":1,\"max_error_count\":0}],\"metadata\":{\"a\":1}}"));
        assertThat(loaded)
                .containsExactly(BenchmarkBudget.builder()
                        .provider("mock")
                        .operation("predict")
                        .minSuccessRate(1.0)
                        .maxErrorCount(0)
                        .build());
        assertThat(BenchmarkBudget.parseAll(Json.parse("[{\"max_retry_count\":0}]")))
                .containsExactly(BenchmarkBudget.builder().maxRetryCount(0).build());
    }

    @Test
    void selectorLabelAndJson() {
        BenchmarkBudget budget = BenchmarkBudget.fromJson(
                Json.parse("{\"provider\":\" mock \",\"max_average_latency_ms\":5," + "\"operation\":null}"));
        assertThat(budget.selectorLabel()).isEqualTo("mock/*");
        assertThat(BenchmarkBudget.builder()
                        .operation("embed")
                        .maxErrorCount(1)
                        .build()
                        .selectorLabel())
                .isEqualTo("*/embed");
        assertThat(BenchmarkBudget.builder().maxErrorCount(1).build().selectorLabel())
                .isEqualTo("*/*");
        assertThat(budget.toJson().keys())
                .containsExactly(
                        "provider",
                        "operation",
                        "min_success_rate",
                        "max_error_count",
                        "max_retry_count",
                        "max_average_latency_ms",
                        "max_p95_latency_ms",
                        "min_throughput_per_second");
        // Floats stay floats (the reference converts with float()), counts stay ints.
        assertThat(Json.write(budget.toJson()))
                .isEqualTo("{\"max_average_latency_ms\":5.0,\"max_error_count\":null,\"max_p95_latency_ms\":null,"
                        + "\"max_retry_count\":null,\"min_success_rate\":null,\"min_throughput_per_second\":null,"
                        + "\"operation\":null,\"provider\":\"mock\"}");
        assertThat(Json.write(BenchmarkBudget.builder().maxErrorCount(2).build().toJson()))
                .contains("\"max_error_count\":2,");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "{}",
                        "Benchmark budget payload must be a non-empty list or an object with a non-empty"
                                + " 'budgets' list."),
                Arguments.of(
                        "[]",
                        "Benchmark budget payload must be a non-empty list or an object with a non-empty"
                                + " 'budgets' list."),
                Arguments.of(
                        "\"x\"",
                        "Benchmark budget payload must be a non-empty list or an object with a"
                                + " non-empty 'budgets' list."),
                Arguments.of(
                        "{\"budgets\":[{\"max_error_count\":0}],\"unexpected\":true,\"b\":1}",
                        "Benchmark budget payload contains unknown key(s): b, unexpected. Allowed keys: budgets,"
                                + " metadata."),
                Arguments.of("[1]", "Benchmark budget entries must be JSON objects."),
                Arguments.of(
                        "[{\"max_error_count\":0,\"max_erorr_count\":0}]",
                        "Benchmark budget entry contains unknown key(s): max_erorr_count. Allowed keys:"
                                + " max_average_latency_ms, max_error_count, max_p95_latency_ms, max_retry_count,"
                                + " min_success_rate, min_throughput_per_second, operation, provider."),
                Arguments.of(
                        "[{\"operation\":\"not-real\",\"max_error_count\":0}]",
                        "BenchmarkBudget operation must be one of: predict, reason, generate, transfer, embed, score,"
                                + " policy."),
                Arguments.of(
                        "[{\"provider\":\"\",\"max_error_count\":0}]",
                        "BenchmarkBudget provider must be a non-empty string when provided."),
                Arguments.of(
                        "[{\"operation\":3,\"max_error_count\":0}]",
                        "BenchmarkBudget operation must be a non-empty string when provided."),
                Arguments.of("[{\"provider\":\"mock\"}]", "BenchmarkBudget requires at least one threshold."),
                Arguments.of(
                        "[{\"provider\":\"mock\",\"max_error_count\":null}]",
                        "BenchmarkBudget requires at least one threshold."),
                Arguments.of(
                        "[{\"max_error_count\":-1}]",
                        "BenchmarkBudget max_error_count must be an integer greater than or equal to 0."),
                Arguments.of(
                        "[{\"max_retry_count\":1.0}]",
                        "BenchmarkBudget max_retry_count must be an integer greater than or equal to 0."),
                Arguments.of(
                        "[{\"min_success_rate\":1.5}]", "BenchmarkBudget min_success_rate must be between 0 and 1."),
                Arguments.of(
                        "[{\"min_success_rate\":true}]", "BenchmarkBudget min_success_rate must be a finite number."),
                Arguments.of(
                        "[{\"max_average_latency_ms\":-1}]",
                        "BenchmarkBudget max_average_latency_ms must be greater than or equal to 0."),
                Arguments.of(
                        "[{\"max_p95_latency_ms\":\"1\"}]",
                        "BenchmarkBudget max_p95_latency_ms must be a finite number."),
                Arguments.of(
                        "[{\"min_throughput_per_second\":-0.5}]",
                        "BenchmarkBudget min_throughput_per_second must be greater than or equal to 0."));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidPayloads(String payload, String message) {
        assertThatThrownBy(() -> BenchmarkBudget.parseAll(Json.parse(payload)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    @Test
    void builderRejectsNonFiniteThresholds() {
        assertThatThrownBy(() -> BenchmarkBudget.builder()
                        .maxP95LatencyMs(Double.POSITIVE_INFINITY)
                        .build())
                .hasMessage("BenchmarkBudget max_p95_latency_ms must be a finite number.");
        assertThatThrownBy(() ->
                        BenchmarkBudget.builder().minSuccessRate(Double.NaN).build())
                .hasMessage("BenchmarkBudget min_success_rate must be a finite number.");
        assertThatThrownBy(() ->
                        BenchmarkBudget.builder().provider(" ").maxErrorCount(0).build())
                .hasMessage("BenchmarkBudget provider must be a non-empty string when provided.");
    }
}
