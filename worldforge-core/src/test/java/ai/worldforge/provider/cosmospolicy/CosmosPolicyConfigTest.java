package ai.worldforge.provider.cosmospolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.ConfigFieldSummary;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCatalog;
import ai.worldforge.provider.ProviderConfigSummary;
import ai.worldforge.provider.ProviderProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosmosPolicyConfigTest {
    private static final String PUBLIC_BASE_URL = "http://93.184.216.34";

    @Test
    void defaultsWithOnlyABaseUrl() {
        CosmosPolicyConfig config = CosmosPolicyConfig.fromEnvironment(
                Environment.of(Map.of("COSMOS_POLICY_BASE_URL", " " + PUBLIC_BASE_URL + " ")));
        assertThat(config.configured()).isTrue();
        assertThat(config.baseUrl()).isEqualTo(PUBLIC_BASE_URL);
        assertThat(config.apiToken()).isNull();
        assertThat(config.timeoutSeconds()).isEqualTo(600.0);
        assertThat(config.embodimentTag()).isEqualTo("aloha");
        assertThat(config.model()).isEqualTo("nvidia/Cosmos-Policy-ALOHA-Predict2-2B");
        assertThat(config.expectedActionDim()).isEqualTo(14);
        assertThat(config.returnAllQueryResults()).isNull();
        assertThat(config.allowLocalBaseUrl()).isFalse();
        assertThat(config.allowedHosts()).isNull();
        assertThat(config.missingConfiguration()).isEmpty();
        assertThat(config.requestPolicy().request().timeoutSeconds()).isEqualTo(600.0);
    }

    @Test
    void unconfiguredWithoutBaseUrl() {
        CosmosPolicyConfig config =
                CosmosPolicyConfig.fromEnvironment(Environment.of(Map.of("COSMOS_POLICY_BASE_URL", "  ")));
        assertThat(config.configured()).isFalse();
        assertThat(config.missingConfiguration()).contains("missing COSMOS_POLICY_BASE_URL");
    }

    @Test
    void directValuesBeatTheEnvironment() {
        Environment env = Environment.of(Map.of(
                "COSMOS_POLICY_BASE_URL", "http://env.example",
                "COSMOS_POLICY_TIMEOUT_SECONDS", "30",
                "COSMOS_POLICY_MODEL", "env-model"));
        CosmosPolicyConfig config = CosmosPolicyConfig.builder()
                .baseUrl(PUBLIC_BASE_URL)
                .timeoutSeconds(12.5)
                .apiToken("test-token")
                .build(env);
        assertThat(config.baseUrl()).isEqualTo(PUBLIC_BASE_URL);
        assertThat(config.timeoutSeconds()).isEqualTo(12.5);
        assertThat(config.model()).isEqualTo("env-model");
        assertThat(config.headers())
                .containsExactly(
                        Map.entry("Accept", "application/json"),
                        Map.entry("Content-Type", "application/json"),
                        Map.entry("Authorization", "Bearer test-token"));
        assertThat(config.toString()).doesNotContain("test-token");
    }

    @Test
    void environmentSwitchesAreParsed() {
        CosmosPolicyConfig config = CosmosPolicyConfig.fromEnvironment(Environment.of(Map.of(
                "COSMOS_POLICY_BASE_URL", PUBLIC_BASE_URL,
                "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS", "Yes",
                "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "1",
                "COSMOS_POLICY_TIMEOUT_SECONDS", "1_0.5",
                "COSMOS_POLICY_EMBODIMENT_TAG", "so100")));
        assertThat(config.returnAllQueryResults()).isTrue();
        assertThat(config.allowLocalBaseUrl()).isTrue();
        assertThat(config.timeoutSeconds()).isEqualTo(10.5);
        assertThat(config.embodimentTag()).isEqualTo("so100");
    }

    @Test
    void allowedHostsDropBlankSegmentsAndTreatAllBlankAsUnset() {
        assertThat(CosmosPolicyConfig.fromEnvironment(Environment.of(Map.of("COSMOS_POLICY_ALLOWED_HOSTS", "  ,  ")))
                        .allowedHosts())
                .isNull();
        assertThat(CosmosPolicyConfig.fromEnvironment(Environment.of(
                                Map.of("COSMOS_POLICY_ALLOWED_HOSTS", " Policy.Example.com, ,*.example.net ")))
                        .allowedHosts())
                .containsExactly("policy.example.com", "*.example.net");
        assertThat(CosmosPolicyConfig.builder()
                        .allowedHosts(List.of(" A.example "))
                        .build(Environment.empty())
                        .allowedHosts())
                .containsExactly("a.example");
        assertThatThrownBy(() -> CosmosPolicyConfig.builder()
                        .allowedHosts(List.of("a.example", " "))
                        .build(Environment.empty()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Cosmos-Policy allowed_hosts[1] must be a non-empty hostname pattern.");
        assertThatThrownBy(() ->
                        CosmosPolicyConfig.builder().allowedHosts(List.of()).build(Environment.empty()))
                .hasMessage("Cosmos-Policy allowed_hosts must contain at least one hostname pattern when provided.");
    }

    @Test
    void invalidValuesFailWithTheReferenceMessages() {
        assertInvalid(
                Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "0"), "Cosmos-Policy timeout_seconds must be greater than 0.");
        assertInvalid(
                Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "soon"),
                "Cosmos-Policy timeout_seconds must be greater than 0.");
        assertInvalid(
                Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "-3"), "Cosmos-Policy timeout_seconds must be greater than 0.");
        assertInvalid(
                Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "inf"),
                "Cosmos-Policy timeout_seconds must be a finite number.");
        assertInvalid(
                Map.of("COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS", "maybe"),
                "Cosmos-Policy return_all_query_results must be a boolean when provided.");
        assertInvalid(
                Map.of("COSMOS_POLICY_ALLOW_LOCAL_BASE_URL", "2"),
                "Cosmos-Policy allow_local_base_url must be a boolean when provided.");
        assertThatThrownBy(() -> CosmosPolicyConfig.builder().baseUrl(" ").build(Environment.empty()))
                .hasMessage("Cosmos-Policy base_url must be a non-empty string when provided.");
        assertThatThrownBy(() -> CosmosPolicyConfig.builder().apiToken("").build(Environment.empty()))
                .hasMessage("Cosmos-Policy api_token must be a non-empty string when provided.");
        assertThatThrownBy(() -> CosmosPolicyConfig.builder().embodimentTag(" ").build(Environment.empty()))
                .hasMessage("Cosmos-Policy embodiment_tag must be a non-empty string when provided.");
        assertThatThrownBy(() -> CosmosPolicyConfig.builder().model("").build(Environment.empty()))
                .hasMessage("Cosmos-Policy model must be a non-empty string when provided.");
        assertThatThrownBy(
                        () -> CosmosPolicyConfig.builder().expectedActionDim(0).build(Environment.empty()))
                .hasMessage("Cosmos-Policy expected_action_dim must be an integer greater than 0.");
        assertThatThrownBy(
                        () -> CosmosPolicyConfig.builder().timeoutSeconds(0.0).build(Environment.empty()))
                .hasMessage("Cosmos-Policy timeout_seconds must be greater than 0.");
        // The catalog reports the same timeout error when it validates the environment.
        assertThatThrownBy(() -> ProviderCatalog.validateConfiguration(
                        Environment.of(Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "0"))))
                .hasMessage("Cosmos-Policy timeout_seconds must be greater than 0.");
    }

    private static void assertInvalid(Map<String, String> env, String message) {
        assertThatThrownBy(() -> CosmosPolicyConfig.fromEnvironment(Environment.of(env)))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage(message);
    }

    @Test
    void policyIsAdvertisedOnlyWithATranslator() {
        assertThat(CosmosPolicyConfig.capabilities(false).enabledNames()).isEmpty();
        assertThat(CosmosPolicyConfig.capabilities(true).enabledNames()).containsExactly("policy");
        CosmosPolicyConfig config =
                CosmosPolicyConfig.builder().baseUrl(PUBLIC_BASE_URL).build(Environment.empty());
        ProviderProfile base =
                ProviderCatalog.find("cosmos-policy").orElseThrow().profile();
        ProviderProfile without = config.profile(base, false);
        ProviderProfile with = config.profile(base, true);
        assertThat(config.configured()).isTrue();
        assertThat(without.capabilities().supports(Capability.POLICY)).isFalse();
        assertThat(with.capabilities().enabledNames()).containsExactly("policy");
        assertThat(with.defaultModel()).contains("nvidia/Cosmos-Policy-ALOHA-Predict2-2B");
        assertThat(with.supportedModels()).containsExactly("nvidia/Cosmos-Policy-ALOHA-Predict2-2B");
        assertThat(with.requiredEnvVars()).containsExactly("COSMOS_POLICY_BASE_URL");
    }

    @Test
    void configSummaryIsValueFreeWithEightFieldsInOrder() {
        CosmosPolicyConfig config = CosmosPolicyConfig.builder()
                .baseUrl(PUBLIC_BASE_URL)
                .apiToken("secret-token")
                .returnAllQueryResults(true)
                .build(Environment.empty());
        ProviderConfigSummary summary = config.configSummary("cosmos-policy", Environment.empty());
        assertThat(summary.configured()).isTrue();
        assertThat(summary.toJson().toString()).doesNotContain("secret-token").doesNotContain("93.184");
        assertThat(summary.fields())
                .extracting(ConfigFieldSummary::name)
                .containsExactly(
                        "COSMOS_POLICY_BASE_URL",
                        "COSMOS_POLICY_API_TOKEN",
                        "COSMOS_POLICY_TIMEOUT_SECONDS",
                        "COSMOS_POLICY_EMBODIMENT_TAG",
                        "COSMOS_POLICY_MODEL",
                        "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS",
                        "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL",
                        "COSMOS_POLICY_ALLOWED_HOSTS");
        assertThat(summary.fields())
                .extracting(ConfigFieldSummary::source)
                .containsExactly("direct", "direct", "default", "default", "default", "direct", "default", "unset");
        assertThat(summary.fields())
                .extracting(ConfigFieldSummary::present)
                .containsExactly(true, true, false, true, true, true, false, false);
        assertThat(summary.fields().get(1).secret()).isTrue();

        Environment env = Environment.of(Map.of("COSMOS_POLICY_TIMEOUT_SECONDS", "30"));
        ProviderConfigSummary unconfigured =
                CosmosPolicyConfig.fromEnvironment(env).configSummary("cosmos-policy", env);
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.fields().get(0).detail()).isEqualTo("missing");
        assertThat(unconfigured.fields().get(0).valid()).isFalse();
        assertThat(unconfigured.fields().get(2).source()).isEqualTo("env:COSMOS_POLICY_TIMEOUT_SECONDS");
        assertThat(unconfigured.fields().get(2).present()).isTrue();
        // Environment-only summaries match the catalog's value-free summary.
        assertThat(unconfigured.toJson())
                .isEqualTo(ProviderCatalog.find("cosmos-policy")
                        .orElseThrow()
                        .configSummary(env)
                        .toJson());
    }
}
