package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Value-free configuration summaries and the documentation index of the catalog providers, as the
 * reference's {@code config_summary()} and {@code provider_docs_index()} report them.
 */
class ProviderConfigSummaryTest {
    private static ProviderConfigSummary summary(String provider, Map<String, String> env) {
        return ProviderCatalog.find(provider).orElseThrow().configSummary(Environment.of(env));
    }

    private static ConfigFieldSummary field(ProviderConfigSummary summary, String name) {
        return summary.fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> names(ProviderConfigSummary summary) {
        List<String> names = new ArrayList<>();
        summary.fields().forEach(f -> names.add(f.name()));
        return names;
    }

    @Test
    void everyProviderDeclaresTheReferenceFieldsInOrder() {
        Map<String, String> none = Map.of();
        assertThat(names(summary("mock", none))).isEmpty();
        assertThat(summary("mock", none).configured()).isTrue();
        assertThat(names(summary("cosmos", none))).containsExactly("COSMOS_BASE_URL", "NVIDIA_API_KEY");
        assertThat(names(summary("cosmos-policy", none)))
                .containsExactly(
                        "COSMOS_POLICY_BASE_URL",
                        "COSMOS_POLICY_API_TOKEN",
                        "COSMOS_POLICY_TIMEOUT_SECONDS",
                        "COSMOS_POLICY_EMBODIMENT_TAG",
                        "COSMOS_POLICY_MODEL",
                        "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS",
                        "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL",
                        "COSMOS_POLICY_ALLOWED_HOSTS");
        assertThat(names(summary("runway", none)))
                .containsExactly(
                        "RUNWAYML_API_SECRET",
                        "RUNWAYML_BASE_URL",
                        "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS",
                        "RUNWAYML_RESOLVE_ARTIFACT_DNS");
        assertThat(names(summary("leworldmodel", none)))
                .containsExactly("LEWORLDMODEL_POLICY", "LEWORLDMODEL_CACHE_DIR", "LEWORLDMODEL_DEVICE");
        assertThat(names(summary("gr00t", none)))
                .containsExactly(
                        "GROOT_POLICY_HOST",
                        "GROOT_POLICY_PORT",
                        "GROOT_POLICY_TIMEOUT_MS",
                        "GROOT_POLICY_API_TOKEN",
                        "GROOT_POLICY_STRICT",
                        "GROOT_EMBODIMENT_TAG");
        assertThat(names(summary("lerobot", none)))
                .containsExactly(
                        "LEROBOT_POLICY_PATH",
                        "LEROBOT_POLICY_TYPE",
                        "LEROBOT_DEVICE",
                        "LEROBOT_CACHE_DIR",
                        "LEROBOT_EMBODIMENT_TAG");
        assertThat(names(summary("jepa", none))).containsExactly("JEPA_MODEL_NAME", "JEPA_MODEL_PATH", "JEPA_DEVICE");
        assertThat(names(summary("genie", none))).containsExactly("GENIE_API_KEY");
        for (CatalogEntry entry : ProviderCatalog.entries()) {
            ProviderConfigSummary s = entry.configSummary(Environment.empty());
            assertThat(s.provider()).isEqualTo(entry.name());
            assertThat(s.configured()).isEqualTo(entry.name().equals("mock"));
        }
    }

    @Test
    void unsetRequiredFieldsAreMissingAndOptionalOnesStayValid() {
        ProviderConfigSummary cosmos = summary("cosmos", Map.of());
        assertThat(cosmos.configured()).isFalse();
        assertThat(field(cosmos, "COSMOS_BASE_URL"))
                .isEqualTo(new ConfigFieldSummary(
                        "COSMOS_BASE_URL", false, "unset", true, false, false, "missing", List.of()));
        assertThat(field(cosmos, "NVIDIA_API_KEY"))
                .isEqualTo(new ConfigFieldSummary("NVIDIA_API_KEY", false, "unset", false, true, true, "", List.of()));
        JsonObject json = cosmos.toJson();
        assertThat(json.members().keySet()).containsExactly("provider", "configured", "fields");
        JsonObject first = (JsonObject)
                ((ai.worldforge.json.JsonArray) json.get("fields")).items().get(0);
        assertThat(first.members().keySet())
                .containsExactly("name", "present", "source", "required", "secret", "valid", "detail", "aliases");
        assertThat(Json.write(json))
                .isEqualTo("{\"configured\":false,\"fields\":[{\"aliases\":[],\"detail\":\"missing\","
                        + "\"name\":\"COSMOS_BASE_URL\",\"present\":false,\"required\":true,\"secret\":false,"
                        + "\"source\":\"unset\",\"valid\":false},{\"aliases\":[],\"detail\":\"\","
                        + "\"name\":\"NVIDIA_API_KEY\",\"present\":false,\"required\":false,\"secret\":true,"
                        + "\"source\":\"unset\",\"valid\":true}],\"provider\":\"cosmos\"}");

        ProviderConfigSummary configured = summary("cosmos", Map.of("COSMOS_BASE_URL", "  https://nim.example  "));
        assertThat(configured.configured()).isTrue();
        assertThat(field(configured, "COSMOS_BASE_URL"))
                .isEqualTo(new ConfigFieldSummary(
                        "COSMOS_BASE_URL", true, "env:COSMOS_BASE_URL", true, false, true, "", List.of()));
        // Blank values count as unset, as in the reference.
        assertThat(field(summary("cosmos", Map.of("COSMOS_BASE_URL", "   ")), "COSMOS_BASE_URL")
                        .source())
                .isEqualTo("unset");
    }

    @Test
    void aliasesReportTheVariableThatSuppliedTheValue() {
        ProviderConfigSummary runway = summary("runway", Map.of("RUNWAY_API_SECRET", "runway-secret"));
        assertThat(runway.configured()).isTrue();
        assertThat(runway.fields().get(0))
                .isEqualTo(new ConfigFieldSummary(
                        "RUNWAYML_API_SECRET",
                        true,
                        "env:RUNWAY_API_SECRET",
                        true,
                        true,
                        true,
                        "",
                        List.of("RUNWAY_API_SECRET")));
        ProviderConfigSummary both =
                summary("runway", Map.of("RUNWAYML_API_SECRET", "a-secret", "RUNWAY_API_SECRET", "runway-secret"));
        assertThat(both.fields().get(0).source()).isEqualTo("env:RUNWAYML_API_SECRET");
        ProviderConfigSummary unset = summary("runway", Map.of());
        assertThat(unset.fields().get(0).detail()).isEqualTo("missing");
        assertThat(unset.fields().get(0).aliases()).containsExactly("RUNWAY_API_SECRET");

        assertThat(field(summary("lerobot", Map.of("LEROBOT_POLICY", "lerobot/act")), "LEROBOT_POLICY_PATH")
                        .source())
                .isEqualTo("env:LEROBOT_POLICY");
        ProviderConfigSummary lewm = summary("leworldmodel", Map.of("LEWM_POLICY", "pusht/lewm"));
        assertThat(lewm.configured()).isTrue();
        assertThat(lewm.fields().get(0).source()).isEqualTo("env:LEWM_POLICY");
        assertThat(lewm.fields().get(0).aliases()).containsExactly("LEWM_POLICY");
    }

    @Test
    void defaultedFieldsReportDefaultSourcesAndDetails() {
        ProviderConfigSummary runway = summary("runway", Map.of());
        assertThat(field(runway, "RUNWAYML_BASE_URL"))
                .isEqualTo(new ConfigFieldSummary(
                        "RUNWAYML_BASE_URL", false, "default", false, false, true, "", List.of()));
        assertThat(field(runway, "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS").source()).isEqualTo("unset");
        assertThat(field(runway, "RUNWAYML_RESOLVE_ARTIFACT_DNS"))
                .isEqualTo(new ConfigFieldSummary(
                        "RUNWAYML_RESOLVE_ARTIFACT_DNS",
                        false,
                        "default",
                        false,
                        false,
                        true,
                        "auto; effective resolve_dns=true",
                        List.of()));
        ConfigFieldSummary dns = field(
                summary("runway", Map.of("RUNWAYML_RESOLVE_ARTIFACT_DNS", "Off")), "RUNWAYML_RESOLVE_ARTIFACT_DNS");
        assertThat(dns.source()).isEqualTo("env:RUNWAYML_RESOLVE_ARTIFACT_DNS");
        assertThat(dns.present()).isTrue();
        assertThat(dns.detail()).isEqualTo("effective resolve_dns=false");

        ProviderConfigSummary policy = summary("cosmos-policy", Map.of());
        assertThat(field(policy, "COSMOS_POLICY_TIMEOUT_SECONDS").source()).isEqualTo("default");
        assertThat(field(policy, "COSMOS_POLICY_TIMEOUT_SECONDS").present()).isFalse();
        assertThat(field(policy, "COSMOS_POLICY_EMBODIMENT_TAG").source()).isEqualTo("default");
        assertThat(field(policy, "COSMOS_POLICY_EMBODIMENT_TAG").present()).isTrue();
        assertThat(field(policy, "COSMOS_POLICY_MODEL").present()).isTrue();
        assertThat(field(policy, "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS").source())
                .isEqualTo("unset");
        assertThat(field(policy, "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL").source()).isEqualTo("default");
        assertThat(field(policy, "COSMOS_POLICY_ALLOWED_HOSTS").source()).isEqualTo("unset");
        assertThat(field(
                                summary("cosmos-policy", Map.of("COSMOS_POLICY_ALLOWED_HOSTS", " , ")),
                                "COSMOS_POLICY_ALLOWED_HOSTS")
                        .present())
                .isTrue();

        ProviderConfigSummary lerobot = summary("lerobot", Map.of());
        assertThat(field(lerobot, "LEROBOT_DEVICE"))
                .isEqualTo(new ConfigFieldSummary(
                        "LEROBOT_DEVICE", true, "default", false, false, true, "defaults to cpu", List.of()));
        assertThat(field(summary("lerobot", Map.of("LEROBOT_DEVICE", "cpu")), "LEROBOT_DEVICE"))
                .isEqualTo(new ConfigFieldSummary(
                        "LEROBOT_DEVICE",
                        true,
                        "env:LEROBOT_DEVICE",
                        false,
                        false,
                        true,
                        "defaults to cpu",
                        List.of()));
        assertThat(field(summary("lerobot", Map.of("LEROBOT_DEVICE", "cuda")), "LEROBOT_DEVICE")
                        .detail())
                .isEmpty();
    }

    @Test
    void grootPresenceFollowsTheEffectiveValues() {
        ProviderConfigSummary unset = summary("gr00t", Map.of());
        assertThat(field(unset, "GROOT_POLICY_HOST").detail()).isEqualTo("missing");
        assertThat(field(unset, "GROOT_POLICY_PORT").source()).isEqualTo("default");
        assertThat(field(unset, "GROOT_POLICY_PORT").present()).isFalse();
        assertThat(field(unset, "GROOT_POLICY_STRICT").source()).isEqualTo("default");
        assertThat(field(unset, "GROOT_POLICY_API_TOKEN").secret()).isTrue();
        assertThat(field(unset, "GROOT_EMBODIMENT_TAG").source()).isEqualTo("unset");

        ProviderConfigSummary defaults = summary(
                "gr00t",
                Map.of(
                        "GROOT_POLICY_HOST", "127.0.0.1",
                        "GROOT_POLICY_PORT", "05555",
                        "GROOT_POLICY_TIMEOUT_MS", "15_000",
                        "GROOT_POLICY_STRICT", "false"));
        assertThat(defaults.configured()).isTrue();
        assertThat(field(defaults, "GROOT_POLICY_PORT").source()).isEqualTo("env:GROOT_POLICY_PORT");
        assertThat(field(defaults, "GROOT_POLICY_PORT").present()).isFalse();
        assertThat(field(defaults, "GROOT_POLICY_TIMEOUT_MS").present()).isFalse();
        assertThat(field(defaults, "GROOT_POLICY_STRICT").source()).isEqualTo("env:GROOT_POLICY_STRICT");
        assertThat(field(defaults, "GROOT_POLICY_STRICT").present()).isFalse();

        ProviderConfigSummary custom = summary(
                "gr00t", Map.of("GROOT_POLICY_HOST", "h", "GROOT_POLICY_PORT", "6000", "GROOT_POLICY_STRICT", "YES"));
        assertThat(field(custom, "GROOT_POLICY_PORT").present()).isTrue();
        assertThat(field(custom, "GROOT_POLICY_STRICT").present()).isTrue();
    }

    @Test
    void jepaLegacyPathIsExplainedOnlyWithoutAModelName() {
        ConfigFieldSummary legacy = field(summary("jepa", Map.of("JEPA_MODEL_PATH", "/models/old")), "JEPA_MODEL_PATH");
        assertThat(legacy.present()).isTrue();
        assertThat(legacy.detail()).isEqualTo("legacy scaffold variable; set JEPA_MODEL_NAME for runtime loading");
        ConfigFieldSummary both = field(
                summary("jepa", Map.of("JEPA_MODEL_PATH", "/models/old", "JEPA_MODEL_NAME", "jepa_wm_pusht")),
                "JEPA_MODEL_PATH");
        assertThat(both.detail()).isEmpty();
        assertThat(summary("jepa", Map.of("JEPA_MODEL_PATH", "/models/old")).configured())
                .isFalse();
    }

    @Test
    void invalidValuesFailWithTheReferenceMessages() {
        Map<String, String> cases = new HashMap<>();
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=abc", "Cosmos-Policy timeout_seconds must be greater than 0.");
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=-1", "Cosmos-Policy timeout_seconds must be greater than 0.");
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=0", "Cosmos-Policy timeout_seconds must be greater than 0.");
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=1d", "Cosmos-Policy timeout_seconds must be greater than 0.");
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=nan", "Cosmos-Policy timeout_seconds must be a finite number.");
        cases.put("COSMOS_POLICY_TIMEOUT_SECONDS=-Infinity", "Cosmos-Policy timeout_seconds must be a finite number.");
        cases.put(
                "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS=maybe",
                "Cosmos-Policy return_all_query_results must be a boolean when provided.");
        cases.put(
                "COSMOS_POLICY_ALLOW_LOCAL_BASE_URL=2",
                "Cosmos-Policy allow_local_base_url must be a boolean when provided.");
        cases.put(
                "RUNWAYML_ALLOW_LOCAL_ARTIFACT_URLS=y",
                "Runway allow_local_artifact_urls must be a boolean when provided.");
        cases.put("RUNWAYML_RESOLVE_ARTIFACT_DNS=auto", "Runway resolve_artifact_dns must be a boolean when provided.");
        cases.put("GROOT_POLICY_PORT=http", "GR00T policy port must be an integer greater than 0.");
        cases.put("GROOT_POLICY_PORT=0", "GR00T policy port must be an integer greater than 0.");
        cases.put("GROOT_POLICY_PORT=1.5", "GR00T policy port must be an integer greater than 0.");
        cases.put("GROOT_POLICY_TIMEOUT_MS=-5", "GR00T policy timeout_ms must be an integer greater than 0.");
        cases.put("GROOT_POLICY_STRICT=strict", "GR00T policy strict must be a boolean when provided.");
        cases.put(
                "LEROBOT_POLICY_TYPE= Transformer ",
                "LeRobot policy_type must be one of: act, diffusion, pi0, pi0fast, sac, smolvla, tdmpc, vqbet."
                        + " Got 'Transformer'.");
        cases.forEach((assignment, message) -> {
            String[] parts = assignment.split("=", 2);
            Environment env = Environment.of(Map.of(parts[0], parts[1]));
            assertThatThrownBy(() -> ProviderCatalog.validateConfiguration(env))
                    .as(assignment)
                    .isInstanceOf(WorldForgeException.class)
                    .hasMessage(message);
        });
        // Valid spellings the reference accepts.
        Environment valid = Environment.of(Map.of(
                "COSMOS_POLICY_TIMEOUT_SECONDS", "1_0.5e1",
                "GROOT_POLICY_PORT", "+6_000",
                "LEROBOT_POLICY_TYPE", "ACT",
                "COSMOS_POLICY_RETURN_ALL_QUERY_RESULTS", " On "));
        ProviderCatalog.validateConfiguration(valid);
        assertThat(field(ProviderCatalog.find("lerobot").orElseThrow().configSummary(valid), "LEROBOT_POLICY_TYPE")
                        .present())
                .isTrue();
    }

    @Test
    void validationReportsTheFirstInvalidValueInCatalogOrder() {
        Environment env = Environment.of(Map.of(
                "GROOT_POLICY_PORT", "x",
                "COSMOS_POLICY_TIMEOUT_SECONDS", "x",
                "RUNWAYML_RESOLVE_ARTIFACT_DNS", "x"));
        assertThatThrownBy(() -> ProviderCatalog.validateConfiguration(env))
                .hasMessage("Cosmos-Policy timeout_seconds must be greater than 0.");
        assertThatThrownBy(() -> ProviderCatalog.find("gr00t").orElseThrow().configSummary(env))
                .hasMessage("GR00T policy port must be an integer greater than 0.");
        // Other providers' summaries are unaffected.
        assertThat(summary("cosmos", Map.of("GROOT_POLICY_PORT", "x")).fields()).hasSize(2);
    }

    @Test
    void summariesNeverContainValues() {
        Map<String, String> env = new HashMap<>();
        for (CatalogEntry entry : ProviderCatalog.entries()) {
            for (ProviderConfigField f : entry.configFields()) {
                if (f.kind() == ProviderConfigField.ValueKind.TEXT
                        || f.kind() == ProviderConfigField.ValueKind.HOST_PATTERNS) {
                    for (String n : f.names()) {
                        env.put(n, "value-of-" + n.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        assertThat(env).containsKeys("NVIDIA_API_KEY", "RUNWAY_API_SECRET", "GROOT_POLICY_API_TOKEN", "GENIE_API_KEY");
        for (CatalogEntry entry : ProviderCatalog.entries()) {
            ProviderConfigSummary s = entry.configSummary(Environment.of(env));
            String json = Json.write(s.toJson());
            assertThat(json).doesNotContain("value-of-");
            for (ConfigFieldSummary f : s.fields()) {
                if (!f.required()) {
                    continue;
                }
                assertThat(f.present()).as(f.name()).isTrue();
                assertThat(f.valid()).isTrue();
            }
        }
        assertThat(field(summary("genie", env), "GENIE_API_KEY").secret()).isTrue();
    }

    @Test
    void profileSummaryFollowsTheReferenceDefault() {
        ProviderProfile profile = ProviderProfile.builder("custom")
                .credentialEnvVar("CUSTOM_API_KEY")
                .requiredEnvVars(List.of("CUSTOM_API_KEY", "CUSTOM_HOST"))
                .build();
        ProviderConfigSummary s = ProviderConfigSummary.fromProfile(profile, false, Environment.empty());
        assertThat(s.fields())
                .containsExactly(new ConfigFieldSummary(
                        "CUSTOM_API_KEY", false, "unset", true, true, false, "missing", List.of()));
        ProviderProfile hosts = ProviderProfile.builder("hosts")
                .requiredEnvVars(List.of("CUSTOM_HOST", "CUSTOM_PASSWORD"))
                .build();
        ProviderConfigSummary set =
                ProviderConfigSummary.fromProfile(hosts, true, Environment.of(Map.of("CUSTOM_HOST", "h")));
        assertThat(set.fields().get(0).source()).isEqualTo("env:CUSTOM_HOST");
        assertThat(set.fields().get(0).secret()).isFalse();
        assertThat(set.fields().get(1).secret()).isTrue();
        assertThat(ProviderConfigSummary.looksSecret("X_CREDENTIALS")).isTrue();
        assertThat(ProviderConfigSummary.looksSecret("BASE_URL")).isFalse();
    }

    @Test
    void docsIndexMatchesTheReference() {
        List<ProviderDocsEntry> index = ProviderCatalog.docsIndex();
        List<String> names = new ArrayList<>();
        index.forEach(e -> names.add(e.name()));
        assertThat(names)
                .containsExactly(
                        "mock",
                        "cosmos",
                        "cosmos-policy",
                        "runway",
                        "leworldmodel",
                        "gr00t",
                        "lerobot",
                        "jepa",
                        "genie");
        assertThat(index.get(3))
                .isEqualTo(new ProviderDocsEntry(
                        "runway",
                        "docs/runway.md",
                        "beta",
                        "generate, transfer",
                        "RUNWAYML_API_SECRET or RUNWAY_API_SECRET",
                        "host supplies Runway credentials and persists returned artifacts"));
        assertThat(index.get(3).toJson().members().keySet())
                .containsExactly(
                        "name",
                        "docs_path",
                        "implementation_status",
                        "capabilities",
                        "registration",
                        "runtime_ownership");
        ProviderDocsEntry mock = index.get(0);
        assertThat(mock.docsPath()).isEqualTo("docs/providers.md");
        assertThat(mock.capabilities()).isEqualTo("predict, generate, transfer, reason, embed");
        assertThat(mock.registration()).isEqualTo("always registered");
        assertThat(mock.implementationStatus()).isEqualTo("stable");
        assertThat(index.get(2).capabilities()).isEqualTo("none (policy requires host action_translator)");
        assertThat(index.get(4).capabilities()).isEqualTo("score");
        assertThat(index.get(5).capabilities()).isEqualTo("policy");
        assertThat(index.get(7).implementationStatus()).isEqualTo("experimental");
        assertThat(index.get(8).capabilities()).isEqualTo("scaffold");
        assertThat(index.get(8).registration()).isEqualTo("GENIE_API_KEY");
        JsonObject genie = index.get(8).toJson();
        assertThat(genie.get("runtime_ownership"))
                .isEqualTo(ai.worldforge.json.JsonString.of(
                        "capability-fail-closed reservation; Project Genie has no supported automation API contract"));
    }
}
