package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Generate inputs and request bodies within {@link ServiceLimits}, without HTTP. */
class GenerateRequestTest {
    private static final ServiceLimits LIMITS = new ServiceLimits(10, 5, 3);

    static JsonObject body(String json) {
        return (JsonObject) Json.parse(json);
    }

    @Test
    void defaultsAndValuesWithinTheLimits() {
        assertThat(GenerateRequest.of(body("{}"), "mock", ServiceLimits.defaults()))
                .isEqualTo(new GenerateRequest("mock", "service host smoke clip", 1.0));
        assertThat(GenerateRequest.of(body("{\"prompt\": \"robot\", \"duration_seconds\": 10}"), "mock", LIMITS))
                .isEqualTo(new GenerateRequest("mock", "robot", 10.0));
    }

    @Test
    void eachLimitIsNamedInItsMessage() {
        assertThatThrownBy(
                        () -> GenerateRequest.of(body("{\"prompt\": \"x\", \"duration_seconds\": 10.5}"), "m", LIMITS))
                .isInstanceOf(ServiceException.class)
                .hasMessage("duration_seconds must be at most 10 (the service limit)");
        assertThatThrownBy(() -> GenerateRequest.of(body("{\"prompt\": \"robots\"}"), "m", LIMITS))
                .hasMessage("prompt must be at most 5 characters (the service limit)");
        assertThatThrownBy(() -> GenerateRequest.of(body("{}"), "p".repeat(129), ServiceLimits.defaults()))
                .hasMessage("provider must be at most 128 characters (the service limit)");
        assertThatThrownBy(() -> GenerateRequest.of(body("{\"prompt\": 3}"), "m", LIMITS))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
    }

    @Test
    void nestingDepthIgnoresBracketsInsideStrings() {
        assertThat(RequestBodyJson.nestingDepth(bytes("{\"a\": [1, {\"b\": []}]}"), 10))
                .isEqualTo(4);
        assertThat(RequestBodyJson.nestingDepth(bytes("{\"a\": \"[[[[\\\"[[\"}"), 10))
                .isEqualTo(1);
        assertThat(RequestBodyJson.nestingDepth(bytes("[".repeat(1_000_000)), 3))
                .isEqualTo(4);
        assertThat(RequestBodyJson.parseObject(bytes("{\"a\": [[1]]}"), 3).keys())
                .containsExactly("a");
        assertThatThrownBy(() -> RequestBodyJson.parseObject(bytes("{\"a\": [[[1]]]}"), 3))
                .hasMessage("request body must nest at most 3 levels deep (the service limit)");
        assertThatThrownBy(() -> RequestBodyJson.parseObject(bytes("[]"), 3))
                .hasMessage("request body must be a JSON object");
        assertThat(RequestBodyJson.parseObject(new byte[0], 3)).isEqualTo(JsonObject.EMPTY);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
