package ai.worldforge.provider.cosmospolicy;

import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.CANDIDATE_TRANSLATOR;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.TRANSLATOR;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.actions;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.policyInfo;
import static ai.worldforge.provider.cosmospolicy.CosmosPolicyFixtures.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.policy.ActionTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CosmosPolicyProviderTest {
    private static final String PUBLIC_BASE_URL = "http://93.184.216.34";
    private static final String LOCAL_MESSAGE =
            "Provider 'cosmos-policy' COSMOS_POLICY_BASE_URL resolves to a local/private"
                    + " destination. Set the provider's explicit local-network opt-in only for trusted local servers.";

    /** A fake /act server recording what it was sent. */
    private static final class FakeServer implements CosmosPolicyProvider.ActClient {
        final List<JsonObject> payloads = new ArrayList<>();
        final List<CosmosPolicyConfig> configs = new ArrayList<>();
        private final Function<JsonObject, JsonValue> reply;

        FakeServer(Function<JsonObject, JsonValue> reply) {
            this.reply = reply;
        }

        @Override
        public JsonValue postAct(
                CosmosPolicyConfig config, JsonObject payload, ai.worldforge.event.ProviderEventHandler events) {
            payloads.add(payload);
            configs.add(config);
            events.handle(ProviderEvent.builder("cosmos-policy", "policy", "success")
                    .method("POST")
                    .target("/act")
                    .build());
            return reply.apply(payload);
        }
    }

    /** A guard that rejects loopback literals unless the local opt-in is set, counting calls. */
    private static final class FakeGuard implements CosmosPolicyProvider.BaseUrlGuard {
        final AtomicInteger calls = new AtomicInteger();
        private final List<Boolean> publicAnswers;

        FakeGuard(Boolean... publicAnswers) {
            this.publicAnswers = List.of(publicAnswers);
        }

        @Override
        public void validate(String baseUrl, CosmosPolicyConfig config) {
            int call = calls.getAndIncrement();
            boolean isPublic = baseUrl.contains("127.0.0.1")
                    ? false
                    : publicAnswers.isEmpty() || publicAnswers.get(Math.min(call, publicAnswers.size() - 1));
            if (!isPublic && !config.allowLocalBaseUrl()) {
                throw new ProviderException(LOCAL_MESSAGE);
            }
        }
    }

    private final List<ProviderEvent> events = new ArrayList<>();

    private CosmosPolicyProvider provider(
            Map<String, String> env, @Nullable ActionTranslator translator, FakeServer server, FakeGuard guard) {
        return CosmosPolicyProvider.fromEnvironment(Environment.of(env), translator, server, guard, events::add);
    }

    private CosmosPolicyProvider provider(@Nullable ActionTranslator translator, FakeServer server) {
        return provider(Map.of("COSMOS_POLICY_BASE_URL", PUBLIC_BASE_URL), translator, server, new FakeGuard());
    }

    @Test
    void policyIsAdvertisedOnlyWithATranslatorButConfiguredEitherWay() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        CosmosPolicyProvider without = provider(null, server);
        CosmosPolicyProvider with = provider(TRANSLATOR, server);
        assertThat(without.configured()).isTrue();
        assertThat(without.capabilities().enabledNames()).isEmpty();
        assertThat(with.capabilities().enabledNames()).containsExactly("policy");
        assertThat(with.name()).isEqualTo("cosmos-policy");
        assertThat(with.profile().defaultModel()).contains("nvidia/Cosmos-Policy-ALOHA-Predict2-2B");
        assertThat(with.hasActionTranslator()).isTrue();
    }

    @Test
    void withoutATranslatorNothingIsSent() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        assertThatThrownBy(() -> provider(null, server).selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("provide action_translator");
        assertThat(server.payloads).isEmpty();
    }

    @Test
    void selectActionsSendsThePayloadAndReturnsTheSelectedCandidate() {
        FakeServer server = new FakeServer(p -> response(actions(2.0))
                .with("all_actions", JsonArray.of(actions(0.1), actions(2.0)))
                .with(
                        "all_value_predictions",
                        JsonArray.of(ai.worldforge.json.JsonFloat.of(0.1), ai.worldforge.json.JsonFloat.of(0.91))));
        CosmosPolicyProvider provider = provider(
                Map.of(
                        "COSMOS_POLICY_BASE_URL",
                        PUBLIC_BASE_URL,
                        "COSMOS_POLICY_API_TOKEN",
                        "test-token",
                        "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS",
                        "true"),
                CANDIDATE_TRANSLATOR,
                server,
                new FakeGuard());
        ActionPolicyResult result = provider.selectActions(policyInfo());

        JsonObject sent = server.payloads.get(0);
        assertThat(sent.get("task_description")).isEqualTo(JsonString.of("put the candy in the bowl"));
        assertThat(sent.get("action_horizon")).isEqualTo(JsonInt.of(2));
        assertThat(sent.get("return_all_query_results")).isEqualTo(JsonBool.TRUE);
        assertThat(server.configs.get(0).headers()).containsEntry("Authorization", "Bearer test-token");
        assertThat(result.metadata().get("selected_candidate_index")).isEqualTo(JsonInt.of(1));
        assertThat(result.actions()).isEqualTo(result.actionCandidates().get(1));
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("success");
    }

    @Test
    void invalidInfoFailsBeforeAnyRequestWithoutEvents() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        CosmosPolicyProvider provider = provider(TRANSLATOR, server);
        JsonObject info = policyInfo()
                .with("observation", ((JsonObject) policyInfo().get("observation")).without("primary_image"));
        assertThatThrownBy(() -> provider.selectActions(info))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("primary_image");
        assertThatThrownBy(() -> provider.selectActions(policyInfo().with("embodiment_tag", JsonInt.of(3))))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageContaining("embodiment_tag");
        assertThat(server.payloads).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void localBaseUrlsAreBlockedUnlessOptedIn() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        Map<String, String> local = Map.of("COSMOS_POLICY_BASE_URL", "http://127.0.0.1:8777");
        CosmosPolicyProvider blocked = provider(local, TRANSLATOR, server, new FakeGuard());
        assertThatThrownBy(() -> blocked.selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("local/private destination");
        assertThat(server.payloads).isEmpty();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.phase()).isEqualTo("failure");
            assertThat(event.metadata()).isEqualTo(JsonObject.of("stage", JsonString.of("worldforge-boundary")));
            assertThat(event.target()).isEqualTo("/act");
            assertThat(event.method()).isEqualTo("POST");
        });
        assertThat(blocked.health().healthy()).isFalse();
        assertThat(blocked.health().details()).contains("local/private destination");

        CosmosPolicyProvider allowed = provider(
                Map.of("COSMOS_POLICY_BASE_URL", "http://127.0.0.1:8777", "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "1"),
                TRANSLATOR,
                server,
                new FakeGuard());
        assertThat(allowed.selectActions(policyInfo()).provider()).isEqualTo("cosmos-policy");
        assertThat(allowed.health().details())
                .isEqualTo("configured for Cosmos-Policy /act; upstream exposes no non-mutating health endpoint");
    }

    @Test
    void theBaseUrlIsRevalidatedBeforeEveryRequest() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        FakeGuard guard = new FakeGuard(true, false);
        CosmosPolicyProvider provider =
                provider(Map.of("COSMOS_POLICY_BASE_URL", "http://cosmos-policy.example"), TRANSLATOR, server, guard);
        provider.selectActions(policyInfo());
        assertThatThrownBy(() -> provider.selectActions(policyInfo()))
                .hasMessageContaining("local/private destination");
        assertThat(guard.calls.get()).isEqualTo(2);
        assertThat(server.payloads).hasSize(1);
    }

    @Test
    void healthNeedsOnlyABaseUrl() {
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        CosmosPolicyProvider unconfigured = provider(Map.of(), TRANSLATOR, server, new FakeGuard());
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.health().healthy()).isFalse();
        assertThat(unconfigured.health().details()).isEqualTo("missing COSMOS_POLICY_BASE_URL");
        assertThat(unconfigured.health().latencyMs()).isGreaterThanOrEqualTo(0.1);
        assertThat(provider(null, server).health().healthy()).isTrue();
        assertThat(unconfigured.configSummary().configured()).isFalse();
    }

    @Test
    void malformedTransportRepliesBecomeWorldStateErrors() {
        FakeServer server = new FakeServer(p -> {
            throw new ProviderException(
                    "Provider 'cosmos-policy' policy returned unsupported content type 'text/plain'.");
        });
        assertThatThrownBy(() -> provider(TRANSLATOR, server).selectActions(policyInfo()))
                .isInstanceOf(WorldStateException.class)
                .hasMessageContaining("unsupported content type");
        FakeServer errorString = new FakeServer(p -> JsonString.of("error"));
        assertThatThrownBy(() -> provider(TRANSLATOR, errorString).selectActions(policyInfo()))
                .isInstanceOf(WorldStateException.class)
                .hasMessage("Provider 'cosmos-policy' policy response must be a JSON object.");
        FakeServer unavailable = new FakeServer(p -> {
            throw new ProviderException("Provider 'cosmos-policy' policy request failed with status 503: busy");
        });
        assertThatThrownBy(() -> provider(TRANSLATOR, unavailable).selectActions(policyInfo()))
                .isExactlyInstanceOf(ProviderException.class);
        assertThat(events).filteredOn(e -> e.phase().equals("failure")).hasSize(3);
    }

    @Test
    void translatorAndUnexpectedFailuresHideSecrets() {
        ActionTranslator leaking = (raw, info, providerInfo) -> {
            throw new IllegalStateException("token=cosmos-policy-secret");
        };
        FakeServer server = new FakeServer(p -> response(actions(0.1)));
        assertThatThrownBy(() -> provider(leaking, server).selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Cosmos-Policy action translation failed.");
        assertThat(events.get(events.size() - 1).message())
                .doesNotContain("cosmos-policy-secret")
                .doesNotContain("token=");

        FakeServer crashing = new FakeServer(p -> {
            throw new IllegalStateException("boom api_key=abc123");
        });
        assertThatThrownBy(() -> provider(TRANSLATOR, crashing).selectActions(policyInfo()))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Cosmos-Policy action selection failed: boom")
                .hasMessageNotContaining("abc123");
    }
}
