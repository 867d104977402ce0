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
import ai.worldforge.provider.http.DestinationGuard;
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

    /**
     * Issue 14 item 11: a base URL spelling 127.0.0.1 as a decimal number, with a resolver that
     * answers a public address for it (as a resolver that does not read numbers may), passed the
     * guard and the JDK transport posted to the loopback server. It is refused now, before any
     * lookup or request.
     */
    @Test
    void aDecimalLoopbackBaseUrlIsRefusedWhateverTheResolverSays() throws IOException {
        String url = start(200, "application/json", request -> Json.write(response(actions(0.25))))
                .replace("127.0.0.1", "2130706433");
        List<String> lookups = new CopyOnWriteArrayList<>();
        CosmosPolicyHttp http = new CosmosPolicyHttp(
                CosmosPolicyConfig.PROVIDER_NAME,
                new ai.worldforge.provider.http.JdkHttpTransport(),
                ai.worldforge.provider.http.Sleeper.system(),
                ai.worldforge.provider.http.MonotonicClock.system(),
                new DestinationGuard((host, port, timeout) -> {
                    lookups.add(host);
                    return List.of("93.184.216.34");
                }));
        CosmosPolicyProvider provider = CosmosPolicyProvider.fromEnvironment(
                Environment.of(Map.of("COSMOS_POLICY_BASE_URL", url)), TRANSLATOR, http, http, events::add);

        assertThatThrownBy(() -> provider.selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL host '2130706433' is an ambiguous IPv4"
                        + " address literal; only the dotted-quad form (a.b.c.d) is accepted.");
        assertThat(requests).isEmpty();
        assertThat(lookups).isEmpty();
        assertThat(provider.health().healthy()).isFalse();
    }

    /** Issue 14 item 11: shared address space (CGNAT, cloud metadata) base URLs are refused; nothing is sent. */
    @Test
    void sharedAddressSpaceBaseUrlsAreRefused() {
        List<String> sent = new CopyOnWriteArrayList<>();
        CosmosPolicyHttp http = new CosmosPolicyHttp(
                CosmosPolicyConfig.PROVIDER_NAME,
                request -> {
                    sent.add(request.toString());
                    throw new IOException("no network in tests");
                },
                ai.worldforge.provider.http.Sleeper.system(),
                ai.worldforge.provider.http.MonotonicClock.system(),
                new DestinationGuard((host, port, timeout) -> List.of("93.184.216.34")));
        for (String url : List.of("http://100.100.100.200:8000", "http://100.64.10.1", "http://[64:ff9b::6464:64c8]")) {
            CosmosPolicyProvider provider = CosmosPolicyProvider.fromEnvironment(
                    Environment.of(Map.of("COSMOS_POLICY_BASE_URL", url)), TRANSLATOR, http, http, events::add);
            assertThatThrownBy(() -> provider.selectActions(policyInfo()))
                    .as(url)
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("local/private destination");
        }
        assertThat(sent).isEmpty();
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
