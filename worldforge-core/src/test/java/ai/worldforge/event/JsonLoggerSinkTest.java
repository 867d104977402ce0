package ai.worldforge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** {@link JsonLoggerSink}. */
class JsonLoggerSinkTest {
    private static final ProviderEvent EVENT =
            ProviderEvent.builder("mock", "predict", "success").durationMs(1.5).build();

    @Test
    void logsOneCanonicalRecordWithExtras() {
        List<String> lines = new ArrayList<>();
        JsonLoggerSink sink = JsonLoggerSink.builder()
                .lineWriter(lines::add)
                .extraFields(JsonObject.of("host", JsonString.of("batch")))
                .build();
        sink.handle(EVENT);
        assertThat(lines)
                .containsExactly("{\"attempt\":1,\"duration_ms\":1.5,\"event_type\":\"provider_event\","
                        + "\"host\":\"batch\",\"max_attempts\":1,\"message\":\"\",\"metadata\":{},\"method\":null,"
                        + "\"operation\":\"predict\",\"phase\":\"success\",\"provider\":\"mock\",\"status_code\":null,"
                        + "\"target\":null}");
    }

    @Test
    void eventFieldsWinOverExtrasAndUnsetIdsDoNotOverride() {
        List<String> lines = new ArrayList<>();
        JsonLoggerSink sink = JsonLoggerSink.builder()
                .lineWriter(lines::add)
                .extraFields(JsonObject.of(
                        "provider", JsonString.of("host"),
                        "run_id", JsonString.of("host-run"),
                        "request_id", JsonString.of("host-request")))
                .build();
        sink.handle(EVENT);
        sink.handle(EVENT.toBuilder().requestId("event-request").build());
        assertThat(lines.get(0))
                .contains("\"provider\":\"mock\"")
                .contains("\"run_id\":\"host-run\"")
                .contains("\"request_id\":\"host-request\"");
        assertThat(lines.get(1)).contains("\"request_id\":\"event-request\"");
    }

    @Test
    void extrasAreRedactedAndValidatedAtConstruction() {
        JsonLoggerSink sink = JsonLoggerSink.builder()
                .lineWriter(line -> {})
                .extraFields(JsonObject.of(
                        "api_key", JsonString.of("sk-live"),
                        "note", JsonString.of("see token=abc123 now"),
                        "link", JsonString.of("https://u:p@host.test/x?sig=1")))
                .build();
        assertThat(sink.extraFields())
                .isEqualTo(JsonObject.of(
                        "api_key", JsonString.of("[redacted]"),
                        "note", JsonString.of("see token=[redacted] now"),
                        "link", JsonString.of("https://host.test/x")));

        assertThatThrownBy(() -> JsonLoggerSink.builder()
                        .extraFields(JsonObject.of("x", JsonFloat.of(Double.NaN)))
                        .build())
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("JsonLoggerSink extra_fields.x must be a finite number.");
    }

    @Test
    void logsThroughSlf4jAtTheConfiguredLevel() {
        CapturingLogger logger = new CapturingLogger(Level.TRACE);
        JsonLoggerSink sink = JsonLoggerSink.builder().logger(logger).build();
        assertThat(sink.level()).isEqualTo(Level.INFO);
        sink.handle(EVENT);
        JsonLoggerSink.builder().logger(logger).level(Level.DEBUG).build().handle(EVENT);
        assertThat(logger.entries()).extracting(CapturingLogger.Entry::level).containsExactly(Level.INFO, Level.DEBUG);
        assertThat(logger.entries().get(0).message()).isEqualTo(sink.format(EVENT));
    }

    @Test
    void disabledLevelsLogNothing() {
        CapturingLogger logger = new CapturingLogger(Level.WARN);
        JsonLoggerSink.builder().logger(logger).build().handle(EVENT);
        assertThat(logger.entries()).isEmpty();
    }

    @Test
    void defaultSinkUsesTheWorldforgeProvidersLogger() {
        // slf4j-simple is on the test class path; this only checks that the default wiring works.
        new JsonLoggerSink().handle(EVENT);
    }
}
