package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderConfigurationIndexTest {
    private static ProviderConfigurationIndex.Row row(String provider) {
        return ProviderConfigurationIndex.bundled().rows().stream()
                .filter(r -> r.provider().equals(provider))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void oneRowPerCatalogProviderInCatalogOrder() {
        assertThat(ProviderConfigurationIndex.bundled().rows())
                .extracting(ProviderConfigurationIndex.Row::provider)
                .isEqualTo(ProviderCatalog.names());
    }

    @Test
    void manifestBackedRowsCarryTheManifestData() {
        ProviderConfigurationIndex.Row runway = row("runway");
        RuntimeManifest manifest = RuntimeManifest.load("runway");
        assertThat(runway.docsPath()).isEqualTo("docs/runway.md");
        assertThat(runway.capabilities()).isEqualTo("generate, transfer");
        assertThat(runway.requiredEnvVars()).containsExactly("RUNWAYML_API_SECRET", "RUNWAY_API_SECRET");
        assertThat(runway.optionalEnvVars()).isEqualTo(manifest.optionalEnvVars());
        assertThat(runway.optionalDependencies()).isEqualTo(manifest.optionalDependencies());
        assertThat(runway.preparedHostAssets()).isEqualTo(manifest.hostOwnedArtifacts());
        assertThat(runway.smokeCommand()).isEqualTo(manifest.minimumSmokeCommand());
        assertThat(runway.credentialGates()).containsExactly("RUNWAYML_API_SECRET", "RUNWAY_API_SECRET");
        assertThat(runway.evidenceLevel()).isEqualTo("prepared-host");
        assertThat(runway.diagnosticCommand()).isEqualTo("bin/worldforge provider health runway");

        ProviderConfigurationIndex.Row cosmosPolicy = row("cosmos-policy");
        assertThat(cosmosPolicy.capabilities()).isEqualTo("none (policy requires host action_translator)");
        assertThat(cosmosPolicy.credentialGates()).containsExactly("COSMOS_POLICY_API_TOKEN");
        assertThat(cosmosPolicy.defaultTimeouts())
                .isEqualTo("health 10s x3; request 600s x1; poll 30s x3; download 600s x3");
    }

    @Test
    void rowsWithoutManifestsAreProfileOnlyOrFixtureTestedOrScaffold() {
        ProviderConfigurationIndex.Row mock = row("mock");
        assertThat(mock.evidenceLevel()).isEqualTo("fixture-tested");
        assertThat(mock.smokeCommand()).isEmpty();
        assertThat(mock.optionalEnvVars()).isEmpty();
        assertThat(row("genie").evidenceLevel()).isEqualTo("scaffold");
    }

    @Test
    void jsonAndMarkdownRendering() {
        ProviderConfigurationIndex index = ProviderConfigurationIndex.bundled();
        JsonObject first = (JsonObject) index.toJson().get(0);
        assertThat(first.keys())
                .containsExactly(
                        "provider",
                        "docs_path",
                        "implementation_status",
                        "capabilities",
                        "required_env_vars",
                        "optional_env_vars",
                        "optional_dependencies",
                        "credential_gates",
                        "prepared_host_assets",
                        "default_timeouts",
                        "evidence_level",
                        "diagnostic_command",
                        "smoke_command",
                        "runtime_ownership");
        assertThat(first.get("optional_env_vars")).isEqualTo(Json.parse("[]"));
        String markdown = index.toMarkdown();
        List<String> lines = markdown.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("| Provider | Evidence level | Required inputs | Optional inputs | Optional packages | "
                        + "Prepared-host assets | Default timeouts | First diagnostic |");
        assertThat(markdown)
                .contains("| [`runway`](runway.md) | `prepared-host` | `RUNWAYML_API_SECRET` or"
                        + " `RUNWAY_API_SECRET` |");
        assertThat(markdown).contains("## Prepared-Host Smoke Commands");
        assertThat(markdown).contains("| `mock` | `not smoke-testable from WorldForge` | none |");
    }

    @Test
    void pythonGeneralFloatFormat() {
        assertThat(ProviderConfigurationIndex.formatG(600.0)).isEqualTo("600");
        assertThat(ProviderConfigurationIndex.formatG(0.25)).isEqualTo("0.25");
        assertThat(ProviderConfigurationIndex.formatG(12.5)).isEqualTo("12.5");
        assertThat(ProviderConfigurationIndex.formatG(1234567.0)).isEqualTo("1.23457e+06");
        assertThat(ProviderConfigurationIndex.formatG(0.00001)).isEqualTo("1e-05");
        assertThat(ProviderConfigurationIndex.formatG(0.0)).isEqualTo("0");
    }
}
