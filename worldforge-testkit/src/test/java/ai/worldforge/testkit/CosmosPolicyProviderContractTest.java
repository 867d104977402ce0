package ai.worldforge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.event.ProviderEventHandler;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.provider.BaseProvider;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyHttp;
import ai.worldforge.provider.cosmospolicy.CosmosPolicyProvider;
import ai.worldforge.provider.policy.ActionTranslator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code cosmos-policy} provider (with a host translator) passes the provider contract against
 * a loopback fake Cosmos-Policy {@code /act} server on 127.0.0.1 speaking the ALOHA protocol.
 */
class CosmosPolicyProviderContractTest extends ProviderContractTest {
    private HttpServer server;
    private final List<String> actRequests = new CopyOnWriteArrayList<>();

    /** 50 rows of 14 values, as the ALOHA server answers. */
    private static JsonArray actionMatrix() {
        List<JsonValue> rows = new ArrayList<>();
        for (int r = 0; r < 50; r++) {
            List<JsonValue> row = new ArrayList<>();
            for (int c = 0; c < 14; c++) {
                row.add(JsonFloat.of(0.01 * r + 0.001 * c));
            }
            rows.add(JsonArray.copyOf(row));
        }
        return JsonArray.copyOf(rows);
    }

    /** The first three columns of the first two rows as move_to targets. */
    private static final ActionTranslator TRANSLATOR = (raw, info, providerInfo) -> {
        JsonArray rows = (JsonArray) ((JsonObject) raw).get("actions");
        List<Action> plan = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            JsonArray row = (JsonArray) rows.get(r);
            plan.add(Action.moveTo(
                    ((JsonFloat) row.get(0)).value(),
                    0.5 + ((JsonFloat) row.get(1)).value(),
                    ((JsonFloat) row.get(2)).value(),
                    null));
        }
        return plan;
    };

    private static JsonArray image(int value) {
        JsonArray pixel = JsonArray.of(JsonInt.of(value), JsonInt.of(value), JsonInt.of(value));
        return JsonArray.of(JsonArray.of(pixel, pixel), JsonArray.of(pixel, pixel));
    }

    @Override
    protected JsonObject policyInfo() {
        List<JsonValue> proprio = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            proprio.add(JsonFloat.of(0.0));
        }
        JsonObject observation = JsonObject.builder()
                .put("primary_image", image(10))
                .put("left_wrist_image", image(20))
                .put("right_wrist_image", image(30))
                .put("proprio", JsonArray.copyOf(proprio))
                .build();
        return JsonObject.of(
                "observation", observation, "task_description", JsonString.of("put the candy in the bowl"));
    }

    @Override
    protected BaseProvider createProvider(ProviderEventHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String route = exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath();
                byte[] body;
                int status = 200;
                if (route.equals("POST /act")) {
                    actRequests.add(requestBody);
                    body = Json.write(JsonObject.of("actions", actionMatrix(), "value_prediction", JsonFloat.of(0.87)))
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    status = 404;
                    body = ("Unexpected request: " + route).getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        CosmosPolicyHttp http = CosmosPolicyHttp.system("cosmos-policy");
        return CosmosPolicyProvider.fromEnvironment(
                Environment.of(Map.of(
                        "COSMOS_POLICY_BASE_URL",
                        "http://127.0.0.1:" + server.getAddress().getPort(),
                        "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL",
                        "true")),
                TRANSLATOR,
                http,
                http,
                handler);
    }

    @Test
    void policyIsAdvertisedWithTheTranslatorAndTheObservationReachesTheServer() {
        assertThat(provider.capabilities().enabledNames()).containsExactly("policy");
        forge.selectActions(provider.name(), policyInfo());
        assertThat(actRequests)
                .singleElement()
                .asString()
                .contains("\"primary_image\"", "\"proprio\"", "\"task_description\":\"put the candy in the bowl\"");
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }
}
