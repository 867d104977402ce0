package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that fail before any route runs (the HTTP parser's own refusals) get the host's JSON
 * error body, never an HTML page or a Java class name, and never silence; request ids are redacted.
 */
class ServiceHostProtocolErrorsTest {
    @TempDir
    static Path stateRoot;

    private static ServiceHost host;
    private static final ConcurrentLinkedQueue<String> LOG_LINES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startHost() throws IOException {
        host = ServiceHost.builder(ServiceHostTest.config(stateRoot.resolve("worlds")))
                .logLineWriter(LOG_LINES::add)
                .start();
    }

    @AfterAll
    static void stopHost() {
        host.stop();
    }

    static Stream<Arguments> malformedRequests() {
        String post = "POST /workflows/generate HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        return Stream.of(
                Arguments.of(
                        "huge Content-Length",
                        post + "Content-Length: 99999999999999999999\r\n\r\n{}",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of(
                        "non-numeric Content-Length",
                        post + "Content-Length: abc\r\n\r\n{}",
                        false,
                        400,
                        "invalid Content-Length header"),
                Arguments.of(
                        "negative Content-Length",
                        post + "Content-Length: -5\r\n\r\n",
                        false,
                        400,
                        "invalid Content-Length header"),
                Arguments.of(
                        "two different Content-Lengths",
                        post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        false,
                        400,
                        "invalid Content-Length header"),
                Arguments.of(
                        "bad percent-encoding in the path",
                        "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of(
                        "non-ASCII byte in the path",
                        "GET /\u00e9 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        400,
                        "invalid request target"),
                Arguments.of(
                        "encoded slash in the path",
                        "GET /workflows%2Fgenerate HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        400,
                        "invalid request target"),
                Arguments.of(
                        "space in the path",
                        "GET /a b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of(
                        "HTTP/1.1 without a Host header",
                        "GET /healthz HTTP/1.1\r\n\r\n",
                        false,
                        400,
                        "invalid Host header"),
                Arguments.of(
                        "NUL byte in a header value",
                        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u0000b\r\n\r\n",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of("HTTP/0.9 request line", "GET /healthz\r\n\r\n", false, 505, "unsupported HTTP version"),
                Arguments.of(
                        "HTTP/2 preface",
                        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                        false,
                        426,
                        "HTTP/2 is not supported; use HTTP/1.1"),
                Arguments.of(
                        "unknown Expect",
                        post + "Expect: teapot\r\nContent-Length: 2\r\n\r\n{}",
                        false,
                        417,
                        "unsupported Expect header"),
                Arguments.of(
                        "control bytes as the request line",
                        "\u0001\u0002\u0003garbage\r\n\r\n",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of(
                        "unknown HTTP version",
                        "GET /healthz HTTP/7.3\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        505,
                        "unsupported HTTP version"),
                Arguments.of(
                        "header line without a colon",
                        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n",
                        false,
                        400,
                        "malformed HTTP request"),
                Arguments.of(
                        "headers over the size limit",
                        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                        false,
                        431,
                        "request headers exceed the limit of 8192 bytes"),
                Arguments.of(
                        "request line over the size limit",
                        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        false,
                        414,
                        "request target exceeds the limit of 8192 bytes"),
                Arguments.of(
                        "body cut short",
                        post + "Content-Length: 50\r\n\r\n{\"prompt\":",
                        true,
                        400,
                        "request body is incomplete or malformed"),
                Arguments.of(
                        "bad chunk size",
                        post + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                        false,
                        400,
                        "request body is incomplete or malformed"),
                Arguments.of(
                        "unsupported Transfer-Encoding",
                        post + "Transfer-Encoding: gzip\r\n\r\n{}",
                        false,
                        400,
                        "invalid Transfer-Encoding header"),
                Arguments.of(
                        "Content-Length and Transfer-Encoding together",
                        post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        false,
                        400,
                        "invalid Transfer-Encoding header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedRequestsGetTheJsonErrorBody(
            String name, String request, boolean halfClose, int status, String message) throws IOException {
        RawHttp.Reply reply = RawHttp.exchange(
                host.port(), request.getBytes(StandardCharsets.ISO_8859_1), halfClose, Duration.ofSeconds(5));

        assertThat(reply.answered())
                .as("%s: answered (got %s)", name, reply.body())
                .isTrue();
        assertThat(reply.status()).as(name).isEqualTo(status);
        assertThat(reply.header("content-type")).as(name).isEqualTo("application/json");
        assertThat(reply.header("server")).as(name).isEqualTo(ServiceHost.SERVER_HEADER);
        assertThat(reply.body())
                .as(name)
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContainIgnoringCase("<html")
                .doesNotContainIgnoringCase("jetty");
        JsonObject error = (JsonObject) ((JsonObject) Json.parse(reply.body())).get("error");
        assertThat(error.get("type")).isEqualTo(JsonString.of("validation_error"));
        assertThat(error.get("status")).isEqualTo(JsonInt.of(status));
        assertThat(error.get("message")).isEqualTo(JsonString.of(message));
        String id = ((JsonString) error.get("request_id")).value();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(reply.header("x-request-id")).isEqualTo(id);
        assertThat(RawHttp.exchange(host.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedRequests")
    void requestsCutShortBeforeTheirHeadersEndAreRefusedOrClosedPromptly(String name, String request)
            throws IOException {
        // The client has closed its side mid-request. Jetty shuts its own side at once, which may
        // beat the refusal to the wire: the client gets the JSON 400 or just the close, never a
        // connection left waiting for the read timeout.
        RawHttp.Reply reply = RawHttp.exchange(
                host.port(), request.getBytes(StandardCharsets.ISO_8859_1), true, Duration.ofSeconds(5));

        if (reply.answered()) {
            assertThat(reply.status()).as(name).isEqualTo(400);
            assertThat(reply.header("content-type")).as(name).isEqualTo("application/json");
            assertThat(reply.body()).as(name).contains("\"type\": \"validation_error\"");
        }
        assertThat(Duration.ofNanos(reply.nanos())).as(name).isLessThan(Duration.ofSeconds(2));
        assertThat(RawHttp.exchange(host.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .status())
                .isEqualTo(200);
    }

    static Stream<Arguments> truncatedRequests() {
        return Stream.of(
                Arguments.of("request line cut short", "GET /heal"),
                Arguments.of("headers cut short", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: b"));
    }

    @Test
    void requestIdsCarryingSecretsAreReplacedEverywhere() throws IOException {
        LOG_LINES.clear();
        String request = "POST /workflows/mock-predict HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Request-Id: token=abc123secret\r\nContent-Length: 2\r\n\r\n{}";

        RawHttp.Reply reply = RawHttp.exchange(host.port(), request);
        RawHttp.Reply missing = RawHttp.exchange(
                host.port(), "GET /missing HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: api_key=abc123secret\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(missing.status()).isEqualTo(404);
        for (RawHttp.Reply each : new RawHttp.Reply[] {reply, missing}) {
            assertThat(each.header("x-request-id")).matches("[0-9a-f]{32}");
            assertThat(each.body()).contains(each.header("x-request-id")).doesNotContain("abc123secret");
        }
        assertThat(LOG_LINES).isNotEmpty();
        assertThat(String.join("\n", LOG_LINES)).doesNotContain("abc123secret").contains(reply.header("x-request-id"));
    }
}
