package ai.worldforge.provider.cosmospolicy;

import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.TRANSLATOR;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.actions;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.policyInfo;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.provider.Environment;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cosmos-policy} over the real HTTP layer against a loopback {@code /act} server. */
class CosmosPolicyHttpTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<ProviderEvent> events = new ArrayList<>();

    private String start(int status, String contentType, Function<String, String> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/act", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + request);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            byte[] out = body.apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private CosmosPolicyProvider provider(Map<String, String> env) {
        CosmosPolicyHttp http = CosmosPolicyHttp.system(CosmosPolicyConfig.PROVIDER_NAME);
        return CosmosPolicyProvider.fromEnvironment(Environment.of(env), TRANSLATOR, http, http, events::add);
    }

    @Test
    void postsTheObservationToActAndTranslatesTheReply() throws IOException {
        String url = start(200, "application/json", request -> Json.write(response(actions(0.25))));
        CosmosPolicyProvider provider = provider(Map.of(
                "COSMOS_POLICY_BASE_URL", url,
                "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "true",
                "COSMOS_POLICY_API_TOKEN", "secret-token"));
        ActionPolicyResult result = provider.selectActions(policyInfo());
        assertThat(result.actions()).isNotEmpty();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0))
                .startsWith("POST {")
                .contains("\"task_description\"")
                .contains("\"proprio\"");
        assertThat(authorizations).containsExactly("Bearer secret-token");
        assertThat(events).extracting(ProviderEvent::operation).containsExactly("policy");
        assertThat(events.get(0).phase()).isEqualTo("success");
        assertThat(events.get(0).method()).contains("POST");
        assertThat(events.toString()).doesNotContain("secret-token");
        assertThat(provider.health().healthy()).isTrue();
    }

    @Test
    void aLoopbackBaseUrlIsRefusedWithoutTheLocalSwitchAndNothingIsSent() throws IOException {
        String url = start(200, "application/json", request -> Json.write(response(actions(0.25))));
        CosmosPolicyProvider provider = provider(Map.of("COSMOS_POLICY_BASE_URL", url));
        assertThatThrownBy(() -> provider.selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("local/private destination");
        assertThat(requests).isEmpty();
        assertThat(provider.health().healthy()).isFalse();
        assertThat(provider.health().details()).contains("local/private destination");
    }

    @Test
    void malformedRepliesBecomeWorldStateErrorsWithABoundaryEvent() throws IOException {
        String url = start(200, "application/json", request -> "\"error\"");
        CosmosPolicyProvider provider =
                provider(Map.of("COSMOS_POLICY_BASE_URL", url, "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "1"));
        assertThatThrownBy(() -> provider.selectActions(policyInfo()))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("non-object JSON payload");
        assertThat(events).extracting(ProviderEvent::phase).contains("failure");
        JsonObject last = events.get(events.size() - 1).toJson();
        assertThat(Json.write(last)).contains("worldforge-boundary");
    }

    @Test
    void serverErrorsAreProviderErrorsAfterOneAttempt() throws IOException {
        String url = start(500, "application/json", request -> "{\"detail\":\"boom\"}");
        CosmosPolicyProvider provider =
                provider(Map.of("COSMOS_POLICY_BASE_URL", url, "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "true"));
        assertThatThrownBy(() -> provider.selectActions(policyInfo())).isInstanceOf(ProviderException.class);
        assertThat(requests).hasSize(1);
    }
}
