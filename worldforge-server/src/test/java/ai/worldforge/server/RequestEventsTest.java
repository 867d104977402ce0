package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.JsonLoggerSink;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestEventsTest {
    private static ProviderEvent.Builder secretLaden() {
        return ProviderEvent.builder("runway", "task create", "success")
                .method("POST")
                .target("https://user:pw-secret@api.runwayml.com/v1/tasks?token=q-secret")
                .message("Bearer bearer-secret rejected")
                .statusCode(201)
                .durationMs(12.5)
                .metadata(JsonObject.builder()
                        .put("capability", "generate")
                        .put("api_key", "key-secret")
                        .build());
    }

    private static String sinkFormat(JsonObject extras, ProviderEvent event) {
        return JsonLoggerSink.builder().extraFields(extras).build().format(event);
    }

    @Test
    void recordsAreExactlyWhatAJsonLoggerSinkWithTheRequestExtrasWrites() {
        ProviderEvent event = secretLaden().build();
        JsonObject extras = JsonObject.of("request_id", JsonString.of("req-1"), "host", JsonString.of("service"));

        assertThat(RequestEvents.format(JsonString.of("req-1"), event)).isEqualTo(sinkFormat(extras, event));
        assertThat(RequestEvents.format(null, event))
                .isEqualTo(sinkFormat(JsonObject.of("host", JsonString.of("service")), event));

        // The event's own request id wins over the host's, as event fields win in the sink.
        ProviderEvent withId = secretLaden().requestId("upstream-7").build();
        assertThat(RequestEvents.format(JsonString.of("req-1"), withId)).isEqualTo(sinkFormat(extras, withId));
    }

    @Test
    void theScopeGivesEachThreadItsRequestIdAndSecretIdsAreRedacted() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        RequestEvents events = new RequestEvents(
                line -> {
                    synchronized (lines) {
                        lines.add(line);
                    }
                },
                null);
        ProviderEvent event = secretLaden().build();

        events.handle(event);
        RequestEvents.Scope scope = events.enter("token=abc");
        try {
            events.handle(event);
            Thread other = new Thread(() -> events.handle(event));
            other.start();
            other.join();
        } finally {
            scope.close();
        }
        events.handle(event);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).doesNotContain("request_id");
        assertThat(lines.get(1)).contains("\"request_id\":\"token=[redacted]\"").doesNotContain("abc");
        assertThat(lines.get(2)).doesNotContain("request_id");
        assertThat(lines.get(3)).doesNotContain("request_id");
    }
}
