package ai.worldforge.provider.http;

import static ai.worldforge.provider.http.FakeTransport.json;
import static ai.worldforge.provider.http.FakeTransport.response;
import static ai.worldforge.provider.http.FakeTransport.text;
import static ai.worldforge.provider.http.FakeTransport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.provider.ProviderRequestPolicy;
import ai.worldforge.provider.RequestOperationPolicy;
import ai.worldforge.provider.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderHttpClientTest {
    private static final ProviderRequestPolicy DEFAULTS = ProviderRequestPolicy.remoteDefaults(300.0);

    private final FakeTransport transport = new FakeTransport();
    private final FakeTime time = new FakeTime();
    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    private ProviderHttpClient client() {
        return ProviderHttpClient.builder("cosmos")
                .transport(transport)
                .clock(time)
                .sleeper(time)
                .eventHandler(events::add)
                .baseUrl("http://cosmos.test/")
                .defaultHeader("Accept", "application/json")
                .build();
    }

    private static HttpCall infer() {
        return HttpCall.postJson("generation request", "/v1/infer", JsonObject.of("prompt", JsonString.of("x")));
    }

    private static HttpCall health() {
        return HttpCall.get("healthcheck", "/v1/health/ready");
    }

    private static RequestOperationPolicy retrying(int attempts, Double maxElapsed) {
        return new RequestOperationPolicy(10.0, RetryPolicy.of(attempts, 0.25, 2.0), maxElapsed);
    }

    // ------------------------------------------------------------------ policy defaults (5.1)

    @Test
    void remoteDefaultsRetryOnlyReadsWithTheReferenceBackoff() {
        assertThat(DEFAULTS.health().timeoutSeconds()).isEqualTo(10.0);
        assertThat(DEFAULTS.request().timeoutSeconds()).isEqualTo(300.0);
        assertThat(DEFAULTS.polling().timeoutSeconds()).isEqualTo(30.0);
        assertThat(DEFAULTS.download().timeoutSeconds()).isEqualTo(300.0);
        assertThat(DEFAULTS.request().retry().maxAttempts()).isEqualTo(1);
        assertThat(DEFAULTS.health().retry().maxAttempts()).isEqualTo(3);
        RetryPolicy read = DEFAULTS.download().retry();
        assertThat(List.of(read.delayForAttempt(1), read.delayForAttempt(2), read.delayForAttempt(3)))
                .containsExactly(0.0, 0.25, 0.5);
        assertThat(read.retryableStatusCodes()).containsExactly(408, 429, 500, 502, 503, 504);
    }

    @Test
    void remoteDefaultsWithCustomReadRetry() {
        ProviderRequestPolicy policy = ProviderRequestPolicy.remoteDefaults(30.0, 2, 0.0, 1.0);
        assertThat(policy.health().retry().maxAttempts()).isEqualTo(2);
        assertThat(policy.polling().retry().backoffSeconds()).isEqualTo(0.0);
        assertThat(policy.download().retry().maxAttempts()).isEqualTo(2);
        assertThat(policy.request().retry().maxAttempts()).isEqualTo(1);
        assertThat(policy.health().timeoutSeconds()).isEqualTo(10.0);
        assertThat(policy.polling().timeoutSeconds()).isEqualTo(30.0);
    }

    // ------------------------------------------------------------------ request_with_policy

    @Test
    void createRequestsAreSentOnceEvenOnRetryableStatus() {
        transport.always(r -> text(503, "{\"api_key\":\"post-secret\",\"message\":\"busy\"}"));

        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Provider 'cosmos' generation request failed with status 503: ")
                .hasMessageNotContaining("post-secret");

        assertThat(transport.requests).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("generation request", "failure", 503));
        assertThat(Json.write(events.get(0).toJson())).doesNotContain("post-secret");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void healthRetriesTransientStatusThenSucceeds() {
        transport.then(r -> text(503, "warming up")).then(r -> json(200, "{\"status\":\"ready\"}"));

        HttpResult result = client().request(health(), DEFAULTS.health());

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.attempt()).isEqualTo(2);
        assertThat(result.maxAttempts()).isEqualTo(3);
        assertThat(events)
                .extracting(ProviderEvent::operation, ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("healthcheck", "retry", 503), tuple("healthcheck", "success", 200));
        ProviderEvent retry = events.get(0);
        assertThat(retry.message()).isEqualTo("warming up");
        assertThat(retry.attempt()).isEqualTo(1);
        assertThat(retry.maxAttempts()).isEqualTo(3);
        assertThat(retry.metadata()).isEqualTo(JsonObject.of("next_delay_seconds", JsonFloat.of(0.25)));
        assertThat(time.sleeps).containsExactly(0.25);
    }

    @Test
    void exhaustedRetryableStatusFailsWithTheLastSummary() {
        transport.always(r -> text(502, "bad gateway"));

        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessage("Provider 'cosmos' healthcheck failed with status 502: bad gateway");

        assertThat(transport.requests).hasSize(3);
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("retry", "retry", "failure");
        assertThat(time.sleeps).containsExactly(0.25, 0.5);
    }

    @Test
    void readTimeoutOnSingleAttemptRequestFailsWithOneFailureEvent() {
        transport.always(r -> {
            throw new HttpTimeoutException("cosmos timed out");
        });

        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .isInstanceOf(ProviderException.class)
                .isNotInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' generation request failed after 1 attempt(s): cosmos timed out");

        assertThat(events).hasSize(1);
        ProviderEvent failure = events.get(0);
        assertThat(failure.phase()).isEqualTo("failure");
        assertThat(failure.method()).isEqualTo("POST");
        assertThat(failure.target()).isEqualTo("/v1/infer");
        assertThat(failure.statusCode()).isNull();
        assertThat(failure.message()).isEqualTo("cosmos timed out");
    }

    @Test
    void transportErrorsAreRetriedWithBackoffWhereThePolicyAllows() {
        transport.always(r -> {
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessage("Provider 'cosmos' healthcheck failed after 3 attempt(s): Connection refused");

        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::attempt)
                .containsExactly(tuple("retry", 1), tuple("retry", 2), tuple("failure", 3));
        assertThat(events.get(1).metadata().get("next_delay_seconds")).isEqualTo(JsonFloat.of(0.5));
        assertThat(time.sleeps).containsExactly(0.25, 0.5);
    }

    @Test
    void transportErrorWithoutMessageUsesTheExceptionType() {
        transport.always(r -> {
            throw new ConnectException();
        });

        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request failed after 1 attempt(s): connection refused");
    }

    @Test
    void secretsInTransportErrorsNeverReachMessagesOrEvents() {
        transport.always(r -> {
            throw new IOException("reset while sending Bearer abc.def token=xyz to https://h.test/p?sig=s3cret");
        });

        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .hasMessageNotContainingAny("abc.def", "xyz", "s3cret")
                .hasMessageContaining("Bearer [redacted]")
                .hasMessageContaining("https://h.test/p");
        assertThat(Json.write(events.get(0).toJson())).doesNotContain("abc.def", "xyz", "s3cret");
    }

    @Test
    void authFailuresAreNotRetriedAndRedacted() {
        transport
                .then(r -> text(401, "{\"message\":\"bad token\",\"api_key\":\"secret-token\"}"))
                .then(r -> text(403, "forbidden: token=secret-token"));

        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessageStartingWith("Provider 'cosmos' healthcheck failed with status 401: ")
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessage("Provider 'cosmos' healthcheck failed with status 403: forbidden: token=[redacted]");

        assertThat(transport.requests).hasSize(2);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("failure", 401), tuple("failure", 403));
        assertThat(Json.write(events.get(0).toJson())).doesNotContain("secret-token");
    }

    @Test
    void redirectsAreNotFollowed() {
        transport.always(r -> response(302, Map.of("Location", "http://169.254.169.254/latest"), ""));

        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessage("Provider 'cosmos' healthcheck failed with status 302: empty response body");

        assertThat(transport.requests).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("failure", 302));
    }

    @Test
    void summariesAreStrippedAndCutAt200Characters() {
        String longBody = "  " + "e".repeat(250) + "  ";
        transport.then(r -> text(400, longBody)).then(r -> text(400, " \n\t "));

        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request failed with status 400: " + "e".repeat(197) + "...");
        assertThatThrownBy(() -> client().request(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request failed with status 400: empty response body");
    }

    @Test
    void nonTransportClientErrorsFailWithoutRetry() {
        transport.always(r -> {
            throw new IllegalArgumentException("restricted header name: \"Host\"");
        });

        assertThatThrownBy(() -> client().request(health(), DEFAULTS.health()))
                .hasMessage("Provider 'cosmos' healthcheck failed: restricted header name: \"Host\"");
        assertThat(transport.requests).hasSize(1);
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("failure");
    }

    @Test
    void requestsUseBaseUrlDefaultHeadersAndPerAttemptTimeout() {
        transport.always(r -> json(200, "{}"));

        client().request(infer().withHeader("accept", "application/x-custom"), DEFAULTS.request());

        TransportRequest sent = transport.requests.get(0);
        assertThat(sent.uri().toString()).isEqualTo("http://cosmos.test/v1/infer");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Accept")).contains("application/x-custom");
        assertThat(sent.header("Content-Type")).contains("application/json");
        assertThat(sent.timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(new String(sent.body().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"prompt\":\"x\"}");
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::target)
                .containsExactly(tuple("success", "/v1/infer"));
    }

    @Test
    void absoluteUrlsKeepTheirQueryOnTheWireButNotInEvents() {
        transport.always(r -> text(200, "ok"));

        client().request(HttpCall.get("task poll", "https://api.test/v1/tasks/1?token=t0p"), DEFAULTS.polling());

        assertThat(transport.requests.get(0).uri().toString()).isEqualTo("https://api.test/v1/tasks/1?token=t0p");
        assertThat(events.get(0).target()).isEqualTo("https://api.test/v1/tasks/1");
    }

    // ------------------------------------------------------------------ budgets (5.5)

    @Test
    void budgetExceededWhenTheNextBackoffWouldOverrunIt() {
        transport.always(r -> {
            time.advance(0.1);
            return text(503, "busy");
        });

        assertThatThrownBy(() -> client().request(health(), retrying(3, 0.3)))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' healthcheck exceeded budget 0.300s after 0.100s.");

        assertThat(transport.requests).hasSize(1);
        assertThat(time.sleeps).isEmpty();
        ProviderEvent event = events.get(0);
        assertThat(events).hasSize(1);
        assertThat(event.phase()).isEqualTo("budget_exceeded");
        assertThat(event.statusCode()).isEqualTo(503);
        assertThat(event.attempt()).isEqualTo(1);
        assertThat(event.durationMs()).isEqualTo(100.0);
        assertThat(event.metadata()).isEqualTo(JsonObject.of("max_elapsed_seconds", JsonFloat.of(0.3)));
        assertThat(event.message()).isEqualTo("Provider 'cosmos' healthcheck exceeded budget 0.300s after 0.100s.");
    }

    @Test
    void budgetExceededAfterTransportErrorHasNoStatus() {
        transport.always(r -> {
            time.advance(0.2);
            throw new ConnectException("refused");
        });

        assertThatThrownBy(() -> client().request(health(), retrying(3, 0.4)))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' healthcheck exceeded budget 0.400s after 0.200s.");
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("budget_exceeded", null));
    }

    @Test
    void budgetCheckedBeforeEachAttempt() {
        time.oversleep = 0.5;
        transport.always(r -> {
            time.advance(0.7);
            return text(503, "busy");
        });

        assertThatThrownBy(() -> client().request(health(), retrying(3, 1.0)))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' healthcheck exceeded budget 1.000s after 1.450s.");

        assertThat(transport.requests).hasSize(1);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::attempt)
                .containsExactly(tuple("retry", 1), tuple("budget_exceeded", 2));
    }

    @Test
    void attemptTimeoutsAreCappedByTheRemainingBudget() {
        transport
                .then(r -> {
                    time.advance(1.5);
                    return text(503, "busy");
                })
                .then(r -> text(200, "ok"));
        RequestOperationPolicy policy = new RequestOperationPolicy(10.0, RetryPolicy.of(2, 0.0, 1.0), 2.0);

        client().request(health(), policy);

        assertThat(transport.requests)
                .extracting(TransportRequest::timeout)
                .containsExactly(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    @Test
    void attemptTimeoutNeverDropsBelowOneMillisecond() {
        transport
                .then(r -> {
                    time.advance(1.9999999);
                    return text(503, "busy");
                })
                .then(r -> text(200, "ok"));
        RequestOperationPolicy policy = new RequestOperationPolicy(10.0, RetryPolicy.of(2, 0.0, 1.0), 2.0);

        client().request(health(), policy);

        assertThat(transport.requests.get(1).timeout()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void pollLoopsCanShareOneBudget() {
        transport.always(r -> {
            time.advance(0.4);
            return json(200, "{\"status\":\"RUNNING\"}");
        });
        ProviderHttpClient client = client();
        RequestOperationPolicy polling = new RequestOperationPolicy(30.0, RetryPolicy.of(3, 0.25, 2.0), 1.0);
        HttpCall poll = HttpCall.get("task poll", "/v1/tasks/t1");
        long started = client.startOperation();

        client.requestJson(poll, polling, List.of(), started);
        client.checkBudget(poll, polling, started, 0.1);
        time.advance(0.1);
        client.requestJson(poll, polling, List.of(), started);
        assertThatThrownBy(() -> client.checkBudget(poll, polling, started, 0.2))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' task poll exceeded budget 1.000s after 0.900s.");
        assertThatThrownBy(() -> client.requestJson(poll, polling, List.of(), started - 2_000_000_000L))
                .isInstanceOf(ProviderBudgetExceededException.class);
        assertThat(transport.requests).hasSize(2);
        assertThat(events)
                .extracting(ProviderEvent::phase)
                .containsExactly("success", "success", "budget_exceeded", "budget_exceeded");
        client.checkBudget(poll, DEFAULTS.polling(), started - 999_000_000_000L, 5.0);
    }

    // ------------------------------------------------------------------ request_json_with_policy (5.8)

    @Test
    void jsonSuccessEventIsEmittedAfterValidationWithAttemptData() {
        transport.then(r -> text(503, "warming")).then(r -> {
            time.advance(0.042);
            return json(200, "{\"status\":\"ready\"}");
        });

        JsonObject payload = client().requestJson(health(), DEFAULTS.health(), List.of("application/json"));

        assertThat(payload).isEqualTo(JsonObject.of("status", JsonString.of("ready")));
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("retry", "success");
        ProviderEvent success = events.get(1);
        assertThat(success.attempt()).isEqualTo(2);
        assertThat(success.maxAttempts()).isEqualTo(3);
        assertThat(success.statusCode()).isEqualTo(200);
        assertThat(success.durationMs()).isEqualTo(42.0);
        assertThat(success.method()).isEqualTo("GET");
        assertThat(success.target()).isEqualTo("/v1/health/ready");
    }

    @Test
    void jsonUnsupportedContentType() {
        transport.always(r -> response(200, Map.of("Content-Type", "text/html; charset=utf-8"), "<html>"));

        assertThatThrownBy(() -> client().requestJson(health(), DEFAULTS.health(), List.of("application/json")))
                .hasMessage(
                        "Provider 'cosmos' healthcheck returned unsupported content type 'text/html; charset=utf-8'.");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).phase()).isEqualTo("failure");
        assertThat(events.get(0).statusCode()).isEqualTo(200);
        assertThat(events.get(0).message()).isEqualTo("returned unsupported content type 'text/html; charset=utf-8'.");
    }

    @Test
    void jsonContentTypeRulesMatchTheReference() {
        transport.always(r -> response(200, Map.of("Content-Type", " Application/JSON ; charset=utf-8"), "{}"));
        assertThat(client().requestJson(health(), DEFAULTS.health(), List.of("application/json")))
                .isEqualTo(JsonObject.EMPTY);

        transport.always(r -> text(200, "{}"));
        assertThat(client().requestJson(health(), DEFAULTS.health(), List.of("application/json")))
                .isEqualTo(JsonObject.EMPTY);

        transport.always(r -> response(200, Map.of("Content-Type", "text/plain"), "{}"));
        assertThat(client().requestJson(health(), DEFAULTS.health(), List.of())).isEqualTo(JsonObject.EMPTY);

        assertThat(ContentTypes.isAllowed("video/mp4", List.of("video/"))).isTrue();
        assertThat(ContentTypes.isAllowed("application/octet-stream", List.of("video/", "application/octet-stream")))
                .isTrue();
        assertThat(ContentTypes.isAllowed("text/html", List.of("video/", "application/octet-stream")))
                .isFalse();
        assertThat(ContentTypes.isAllowed("videos/mp4", List.of("video"))).isFalse();
    }

    @Test
    void jsonInvalidAndNonObjectPayloads() {
        transport
                .then(r -> json(200, "{not json"))
                .then(r -> json(200, ""))
                .then(r -> json(200, "[1, 2]"))
                .then(r -> json(200, "\"text\""));

        assertThatThrownBy(() -> client().requestJson(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request returned invalid JSON.");
        assertThatThrownBy(() -> client().requestJson(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request returned invalid JSON.");
        assertThatThrownBy(() -> client().requestJson(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request returned a non-object JSON payload.");
        assertThatThrownBy(() -> client().requestJson(infer(), DEFAULTS.request()))
                .hasMessage("Provider 'cosmos' generation request returned a non-object JSON payload.");

        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode, ProviderEvent::message)
                .containsExactly(
                        tuple("failure", 200, "returned invalid JSON."),
                        tuple("failure", 200, "returned invalid JSON."),
                        tuple("failure", 200, "returned a non-object JSON payload."),
                        tuple("failure", 200, "returned a non-object JSON payload."));
    }

    @Test
    void jsonAcceptsPythonNonFiniteLiterals() {
        transport.always(r -> json(200, "{\"value\": NaN, \"big\": Infinity}"));

        JsonObject payload = client().requestJson(infer(), DEFAULTS.request());

        assertThat(((JsonFloat) payload.get("value")).value()).isNaN();
        assertThat(((JsonFloat) payload.get("big")).value()).isInfinite();
    }

    // ------------------------------------------------------------------ downloads (5.9)

    private static final HttpCall ARTIFACT =
            HttpCall.get("artifact download", "https://downloads.example.com/generated.mp4?X-Amz-Signature=s3cret");
    private static final List<String> MEDIA = List.of("video/", "application/octet-stream");

    @Test
    void downloadReturnsBytesWithSuccessMetadata() {
        transport.always(r -> TransportResponse.of(200, Map.of("Content-Type", "video/mp4"), utf8("video-bytes")));

        byte[] data = client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 1024);

        assertThat(new String(data, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("video-bytes");
        assertThat(events).hasSize(1);
        ProviderEvent success = events.get(0);
        assertThat(success.phase()).isEqualTo("success");
        assertThat(success.metadata()).isEqualTo(JsonObject.of("bytes", JsonInt.of(11)));
        assertThat(success.target()).isEqualTo("https://downloads.example.com/generated.mp4");
        assertThat(Json.write(success.toJson())).doesNotContain("s3cret");
    }

    @Test
    void downloadAcceptsVideoOctetStreamAndMissingContentType() {
        transport
                .then(r -> TransportResponse.of(200, Map.of("Content-Type", "video/webm"), utf8("a")))
                .then(r -> TransportResponse.of(200, Map.of("Content-Type", "application/octet-stream"), utf8("b")))
                .then(r -> TransportResponse.of(200, Map.of(), utf8("c")));

        for (String expected : List.of("a", "b", "c")) {
            assertThat(client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                    .isEqualTo(utf8(expected));
        }
    }

    @Test
    void downloadRejectsWrongContentTypeWithFailureEvent() {
        transport.always(r -> TransportResponse.of(200, Map.of("Content-Type", "text/html"), utf8("<html>")));

        String message = "Provider 'runway' artifact download returned unsupported content type 'text/html'.";
        ProviderHttpClient runway = ProviderHttpClient.builder("runway")
                .transport(transport)
                .clock(time)
                .sleeper(time)
                .eventHandler(events::add)
                .build();
        assertThatThrownBy(() -> runway.requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .hasMessage(message);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode, ProviderEvent::message)
                .containsExactly(tuple("failure", 200, message));
    }

    @Test
    void downloadContentLengthOverTheCapFailsBeforeReading() {
        List<String> log = new ArrayList<>();
        FakeTransport.ObservedStream body = new FakeTransport.ObservedStream(utf8("too-large"), log);
        transport.always(
                r -> TransportResponse.of(200, Map.of("Content-Length", "9", "Content-Type", "video/mp4"), body));

        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 8))
                .hasMessage("Provider 'cosmos' artifact download exceeded download size limit of 8 bytes from"
                        + " Content-Length 9.");
        assertThat(body.bytesRead).isZero();
        assertThat(log).containsExactly("closed");
        assertThat(events).isEmpty();
    }

    @Test
    void bufferedResponsesOverTheSizeLimitFailWithAnEventInsteadOfFillingTheHeap() {
        ProviderHttpClient small = ProviderHttpClient.builder("cosmos")
                .transport(transport)
                .clock(time)
                .sleeper(time)
                .eventHandler(events::add)
                .baseUrl("http://cosmos.test/")
                .maxResponseBytes(8)
                .build();
        transport
                .then(r -> TransportResponse.of(200, Map.of(), utf8("{\"a\":\"123456789\"}")))
                .then(r -> TransportResponse.of(200, Map.of("Content-Length", "100000000000"), utf8("{}")))
                .then(r -> TransportResponse.of(200, Map.of(), utf8("{\"a\":1}")));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> small.request(infer(), DEFAULTS.request(), true))
                    .isInstanceOf(ai.worldforge.error.ProviderException.class)
                    .hasMessage("Provider 'cosmos' generation request response exceeded the size limit of 8 bytes.");
        }
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("failure", "failure");
        assertThat(small.request(infer(), DEFAULTS.request(), true).statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> ProviderHttpClient.builder("x").maxResponseBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downloadStreamLongerThanTheCapFailsWhileReading() {
        transport.always(r -> TransportResponse.of(200, Map.of(), utf8("abcdef")));

        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 5))
                .hasMessage("Provider 'cosmos' artifact download exceeded download size limit of 5 bytes.");
        assertThat(events).isEmpty();
    }

    @Test
    void downloadRejectsInvalidContentLengthAndCap() {
        transport
                .then(r -> TransportResponse.of(200, Map.of("Content-Length", "abc"), utf8("x")))
                .then(r -> TransportResponse.of(200, Map.of("Content-Length", "-1"), utf8("x")))
                .then(r -> TransportResponse.of(200, Map.of("Content-Length", " 1 "), utf8("x")));

        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 5))
                .hasMessage("Provider 'cosmos' artifact download returned invalid Content-Length.");
        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 5))
                .hasMessage("Provider 'cosmos' artifact download returned invalid Content-Length.");
        assertThat(client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 5))
                .isEqualTo(utf8("x"));
        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 0))
                .hasMessage("Provider 'cosmos' artifact download max_bytes must be greater than 0.");
    }

    @Test
    void downloadClosesTheRetryStreamBeforeTheBackoffSleep() {
        List<String> log = new ArrayList<>();
        time.log = log;
        transport
                .then(r ->
                        TransportResponse.of(503, Map.of(), new FakeTransport.ObservedStream(utf8("retry later"), log)))
                .then(r -> TransportResponse.of(200, Map.of(), utf8("ok")));

        byte[] data = client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10);

        assertThat(data).isEqualTo(utf8("ok"));
        assertThat(log).startsWith("closed", "sleep");
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode, ProviderEvent::message)
                .containsExactly(tuple("retry", 503, "retry later"), tuple("success", 200, ""));
    }

    @Test
    void downloadErrorSummaryReadsAtMost512Bytes() {
        List<String> log = new ArrayList<>();
        FakeTransport.ObservedStream body = new FakeTransport.ObservedStream(utf8("x".repeat(5000)), log);
        transport.always(r -> TransportResponse.of(404, Map.of(), body));

        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download failed with status 404: " + "x".repeat(197) + "...");
        assertThat(body.bytesRead).isEqualTo(512);
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("failure", 404));
    }

    @Test
    void downloadUnreadableAndEmptyErrorBodies() {
        transport
                .then(r -> TransportResponse.of(403, Map.of(), FakeTransport.failingStream("reset")))
                .then(r -> TransportResponse.of(410, Map.of(), new byte[0]));

        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download failed with status 403: unreadable response body");
        assertThatThrownBy(() -> client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .hasMessage("Provider 'cosmos' artifact download failed with status 410: empty response body");
    }

    @Test
    void downloadReadFailuresAreRetriedTransportErrors() {
        transport
                .then(r -> TransportResponse.of(200, Map.of(), FakeTransport.failingStream("read timed out")))
                .then(r -> TransportResponse.of(200, Map.of(), utf8("ok")));

        assertThat(client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .isEqualTo(utf8("ok"));
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::message)
                .containsExactly(tuple("retry", "read timed out"), tuple("success", ""));
    }

    @Test
    void downloadEmptyBodyIsReturnedAsEmpty() {
        transport.always(r -> TransportResponse.of(200, Map.of("Content-Type", "video/mp4"), new byte[0]));

        assertThat(client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .isEmpty();
        assertThat(events.get(0).metadata()).isEqualTo(JsonObject.of("bytes", JsonInt.of(0)));
    }

    @Test
    void downloadBudgetExceededClosesTheRetryStream() {
        List<String> log = new ArrayList<>();
        transport.always(r -> {
            time.advance(0.2);
            return TransportResponse.of(503, Map.of(), new FakeTransport.ObservedStream(utf8("busy"), log));
        });

        assertThatThrownBy(() -> client().requestBytes(
                                ARTIFACT,
                                new RequestOperationPolicy(10.0, RetryPolicy.of(3, 0.25, 2.0), 0.3),
                                MEDIA,
                                10))
                .isInstanceOf(ProviderBudgetExceededException.class)
                .hasMessage("Provider 'cosmos' artifact download exceeded budget 0.300s after 0.200s.");
        assertThat(log).startsWith("closed");
        assertThat(events)
                .extracting(ProviderEvent::phase, ProviderEvent::statusCode)
                .containsExactly(tuple("budget_exceeded", 503));
    }

    @Test
    void downloadRedirectBodyIsNotFollowed() {
        transport.always(r -> response(302, Map.of("Location", "http://127.0.0.1/x"), "moved"));

        assertThat(client().requestBytes(ARTIFACT, DEFAULTS.download(), MEDIA, 10))
                .isEqualTo(utf8("moved"));
        assertThat(transport.requests).hasSize(1);
    }
}
