package ai.worldforge.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonNull;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryProviderEventSinkTest {
    private InMemorySpanExporter exporter;
    private SdkTracerProvider tracerProvider;
    private Tracer tracer;

    @BeforeEach
    void setUp() {
        exporter = InMemorySpanExporter.create();
        tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        tracer = tracerProvider.get("worldforge-test");
    }

    @AfterEach
    void tearDown() {
        tracerProvider.close();
        GlobalOpenTelemetry.resetForTest();
    }

    private static ProviderEvent secretLadenEvent(String phase) {
        return ProviderEvent.builder("runway", "task create", phase)
                .method("post")
                .target("https://user:pw-secret@api.runwayml.com/v1/tasks?token=q-secret#frag-secret")
                .statusCode(201)
                .durationMs(42.5)
                .attempt(2)
                .maxAttempts(3)
                .message("Bearer bearer-secret failed for token=text-secret")
                .metadata(JsonObject.builder()
                        .put("capability", "generate")
                        .put("api_key", "key-secret")
                        .put("artifact_url", "https://files.example.test/video.mp4?signature=sig-secret")
                        .build())
                .runId("run-123")
                .requestId("req-456")
                .traceId("trace-789")
                .spanId("span-abc")
                .artifactId("artifact-def")
                .inputDigest("sha256:123")
                .build();
    }

    @Test
    void spanAttributesAreTypedBoundedAndSanitised() {
        Attributes attributes = OpenTelemetryProviderEventSink.spanAttributes(secretLadenEvent("SUCCESS"));

        assertThat(attributes.asMap())
                .hasSize(19)
                .containsEntry(AttributeKey.stringKey("worldforge.provider"), "runway")
                .containsEntry(AttributeKey.stringKey("worldforge.operation"), "task create")
                .containsEntry(AttributeKey.stringKey("worldforge.phase"), "success")
                .containsEntry(AttributeKey.longKey("worldforge.attempt"), 2L)
                .containsEntry(AttributeKey.longKey("worldforge.max_attempts"), 3L)
                .containsEntry(AttributeKey.doubleKey("worldforge.duration_ms"), 42.5)
                .containsEntry(AttributeKey.stringKey("worldforge.run_id"), "run-123")
                .containsEntry(AttributeKey.stringKey("worldforge.request_id"), "req-456")
                .containsEntry(AttributeKey.stringKey("worldforge.trace_id"), "trace-789")
                .containsEntry(AttributeKey.stringKey("worldforge.span_id"), "span-abc")
                .containsEntry(AttributeKey.stringKey("worldforge.artifact_id"), "artifact-def")
                .containsEntry(AttributeKey.stringKey("worldforge.input_digest"), "sha256:123")
                .containsEntry(AttributeKey.stringKey("http.request.method"), "POST")
                .containsEntry(AttributeKey.longKey("http.response.status_code"), 201L)
                .containsEntry(AttributeKey.stringKey("url.full"), "https://api.runwayml.com/v1/tasks")
                .containsEntry(AttributeKey.stringKey("worldforge.status_class"), "2xx")
                .containsEntry(AttributeKey.stringKey("worldforge.capability"), "generate")
                .containsEntry(
                        AttributeKey.stringKey("worldforge.message"), "Bearer [redacted] failed for token=[redacted]")
                .containsEntry(
                        AttributeKey.stringKey("worldforge.metadata_json"),
                        "{\"api_key\":\"[redacted]\",\"artifact_url\":\"https://files.example.test/video.mp4\","
                                + "\"capability\":\"generate\"}");
        assertThat(attributes.toString()).doesNotContain("secret");
    }

    @Test
    void minimalEventHasOnlyTheFiveRequiredAttributes() {
        Attributes attributes = OpenTelemetryProviderEventSink.spanAttributes(
                ProviderEvent.builder("mock", "predict", "retry").build());

        assertThat(attributes.asMap())
                .containsOnlyKeys(
                        AttributeKey.stringKey("worldforge.provider"),
                        AttributeKey.stringKey("worldforge.operation"),
                        AttributeKey.stringKey("worldforge.phase"),
                        AttributeKey.longKey("worldforge.attempt"),
                        AttributeKey.longKey("worldforge.max_attempts"));
    }

    @Test
    void capabilityIsRawAndKeepsItsScalarType() {
        Attributes unknown = OpenTelemetryProviderEventSink.spanAttributes(ProviderEvent.builder("p", "o", "success")
                .metadata(JsonObject.of("capability", JsonString.of("teleport")))
                .build());
        Attributes number = OpenTelemetryProviderEventSink.spanAttributes(ProviderEvent.builder("p", "o", "success")
                .metadata(JsonObject.of("capability", JsonInt.of(7)))
                .build());
        Attributes nested = OpenTelemetryProviderEventSink.spanAttributes(ProviderEvent.builder("p", "o", "success")
                .metadata(JsonObject.of("capability", JsonArray.of(JsonString.of("predict"))))
                .build());

        assertThat(unknown.get(AttributeKey.stringKey("worldforge.capability"))).isEqualTo("teleport");
        assertThat(number.get(AttributeKey.longKey("worldforge.capability"))).isEqualTo(7L);
        assertThat(nested.asMap().keySet()).extracting(AttributeKey::getKey).doesNotContain("worldforge.capability");
    }

    @Test
    void eachEventBecomesOneEndedSpanWithHostAttributes() {
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.builder()
                .tracer(tracer)
                .extraAttributes(JsonObject.builder()
                        .put("service", "batch-host")
                        .put("api_token", "host-secret")
                        .put("shard", 3L)
                        .put("ratio", 0.5)
                        .put("canary", true)
                        .put("nothing", JsonNull.INSTANCE)
                        .put("tags", JsonArray.of(JsonString.of("a"), JsonString.of("b")))
                        .build())
                .build();

        sink.handle(ProviderEvent.builder("mock", "predict", "failure")
                .statusCode(503)
                .metadata(JsonObject.of("capability", JsonString.of("predict")))
                .build());

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        SpanData span = spans.get(0);
        assertThat(span.getName()).isEqualTo("worldforge.provider.mock.predict.failure");
        assertThat(span.hasEnded()).isTrue();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        Attributes attributes = span.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("worldforge.status_class")))
                .isEqualTo("5xx");
        assertThat(attributes.get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(503L);
        assertThat(attributes.get(AttributeKey.stringKey("worldforge.host.service")))
                .isEqualTo("batch-host");
        assertThat(attributes.get(AttributeKey.stringKey("worldforge.host.api_token")))
                .isEqualTo("[redacted]");
        assertThat(attributes.get(AttributeKey.longKey("worldforge.host.shard")))
                .isEqualTo(3L);
        assertThat(attributes.get(AttributeKey.doubleKey("worldforge.host.ratio")))
                .isEqualTo(0.5);
        assertThat(attributes.get(AttributeKey.booleanKey("worldforge.host.canary")))
                .isTrue();
        assertThat(attributes.get(AttributeKey.stringKey("worldforge.host.nothing")))
                .isEqualTo("null");
        assertThat(attributes.get(AttributeKey.stringKey("worldforge.host.tags")))
                .isEqualTo("[\"a\",\"b\"]");
        assertThat(sink.hostAttributes().toString()).doesNotContain("host-secret");
    }

    @Test
    void noSecretReachesAnyExportedSpanField() {
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.builder()
                .tracer(tracer)
                .extraAttribute("password", "host-secret")
                .extraAttribute("note", "see https://h.example/x?signature=host-secret")
                .build();

        sink.handle(secretLadenEvent("failure"));

        SpanData span = exporter.getFinishedSpanItems().get(0);
        assertThat(span.getName()).doesNotContain("secret");
        assertThat(span.getStatus().getDescription()).doesNotContain("secret");
        span.getAttributes()
                .forEach((key, value) ->
                        assertThat(String.valueOf(value)).as(key.getKey()).doesNotContain("secret"));
        assertThat(span.getAttributes().get(AttributeKey.stringKey("worldforge.host.note")))
                .isEqualTo("see https://h.example/x");
    }

    @Test
    void onlyFailureAndBudgetExceededAreErrors() {
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.of(tracer);
        for (String phase : List.of("success", "retry", "failure", "budget_exceeded")) {
            sink.handle(ProviderEvent.builder("mock", "generate", phase).build());
        }

        assertThat(exporter.getFinishedSpanItems())
                .extracting(s -> s.getName() + "=" + s.getStatus().getStatusCode())
                .containsExactly(
                        "worldforge.provider.mock.generate.success=UNSET",
                        "worldforge.provider.mock.generate.retry=UNSET",
                        "worldforge.provider.mock.generate.failure=ERROR",
                        "worldforge.provider.mock.generate.budget_exceeded=ERROR");
    }

    @Test
    void spanIsAChildOfTheHostSpanCurrentOnTheCallingThread() {
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.of(tracer);
        Span host = tracer.spanBuilder("host.request").startSpan();
        Scope scope = host.makeCurrent();
        try {
            sink.handle(ProviderEvent.builder("mock", "predict", "success").build());
        } finally {
            scope.close();
            host.end();
        }
        sink.handle(ProviderEvent.builder("mock", "predict", "success").build());

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(3);
        SpanData child = spans.get(0);
        assertThat(child.getName()).isEqualTo("worldforge.provider.mock.predict.success");
        assertThat(child.getTraceId()).isEqualTo(host.getSpanContext().getTraceId());
        assertThat(child.getParentSpanId()).isEqualTo(host.getSpanContext().getSpanId());
        assertThat(spans.get(2).getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void customPrefixIsStrippedAndBlankPrefixIsRejected() {
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.builder()
                .tracer(tracer)
                .spanNamePrefix("  host.wf  ")
                .build();
        sink.handle(ProviderEvent.builder("mock", "embed", "success").build());

        assertThat(sink.spanNamePrefix()).isEqualTo("host.wf");
        assertThat(exporter.getFinishedSpanItems().get(0).getName()).isEqualTo("host.wf.mock.embed.success");
        assertThatThrownBy(() -> OpenTelemetryProviderEventSink.builder()
                        .tracer(tracer)
                        .spanNamePrefix("  ")
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("OpenTelemetryProviderEventSink span_name_prefix must be a non-empty string.");
        assertThatThrownBy(() -> OpenTelemetryProviderEventSink.builder()
                        .spanNamePrefix(null)
                        .build())
                .isInstanceOf(WorldForgeException.class);
    }

    @Test
    void nonFiniteExtraAttributeIsRejected() {
        assertThatThrownBy(() -> OpenTelemetryProviderEventSink.builder()
                        .tracer(tracer)
                        .extraAttributes(JsonObject.of("ratio", new JsonFloat(Double.NaN)))
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("extra_attributes");
    }

    @Test
    void withoutATracerTheGlobalTracerIsResolvedOnTheFirstEvent() {
        // Built before the host installs its SDK: the sink must not freeze the global to no-op.
        OpenTelemetryProviderEventSink sink = OpenTelemetryProviderEventSink.builder()
                .extraAttribute("service", "global-host")
                .build();
        OpenTelemetrySdk sdk =
                OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
        GlobalOpenTelemetry.set(sdk);

        sink.handle(ProviderEvent.builder("mock", "score", "success").build());

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        assertThat(spans.get(0).getInstrumentationScopeInfo().getName()).isEqualTo("worldforge");
        assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("worldforge.host.service")))
                .isEqualTo("global-host");
    }

    @Test
    void booleanCapabilityKeepsItsType() {
        Attributes attributes = OpenTelemetryProviderEventSink.spanAttributes(ProviderEvent.builder("p", "o", "success")
                .metadata(JsonObject.of("capability", JsonBool.of(true)))
                .build());

        assertThat(attributes.get(AttributeKey.booleanKey("worldforge.capability")))
                .isTrue();
    }
}
