package ai.worldforge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import org.junit.jupiter.api.Test;

class ServicePayloadsTest {
    @Test
    void publicErrorsAreTypedRedactedAndHideInternals() {
        assertThat(Json.writeSpacedSorted(ServicePayloads.publicErrorPayload(
                        new WorldForgeException("bad token=super-secret-value"), "r1", 400)))
                .isEqualTo("{\"error\": {\"message\": \"bad token=[redacted]\", \"request_id\": \"r1\","
                        + " \"status\": 400, \"type\": \"validation_error\"}}");
        assertThat(Json.write(ServicePayloads.publicErrorPayload(new ProviderException("down"), "r2", 400)))
                .contains("\"type\":\"provider_error\"");
        assertThat(Json.write(ServicePayloads.publicErrorPayload(new IllegalStateException("secret"), "r3", 500)))
                .isEqualTo("{\"error\":{\"message\":\"request failed\",\"request_id\":\"r3\",\"status\":500,"
                        + "\"type\":\"internal_error\"}}");
        assertThat(Json.write(ServicePayloads.publicErrorPayload(
                        new ServiceException(504, ServiceException.TIMEOUT_ERROR, "late", null), "r4", 504)))
                .contains("\"type\":\"timeout_error\"");
    }

    @Test
    void generateFallsBackToTheConfiguredProviderForFalsyValues() {
        assertThat(ServicePayloads.requestedProvider(JsonObject.EMPTY, "mock")).isEqualTo("mock");
        assertThat(ServicePayloads.requestedProvider((JsonObject) Json.parse("{\"provider\": \"\"}"), "mock"))
                .isEqualTo("mock");
        assertThat(ServicePayloads.requestedProvider((JsonObject) Json.parse("{\"provider\": null}"), "mock"))
                .isEqualTo("mock");
        assertThat(ServicePayloads.requestedProvider((JsonObject) Json.parse("{\"provider\": \"runway\"}"), "mock"))
                .isEqualTo("runway");
        assertThat(ServicePayloads.requestedProvider((JsonObject) Json.parse("{\"provider\": 5}"), "mock"))
                .isEqualTo("5");
    }
}
