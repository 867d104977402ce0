package ai.worldforge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.error.ProviderBudgetExceededException;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.error.WorldStateException;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderCapabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facade behaviours 1–3, 23–24 and 61–62 of upstream-core.md §9. */
class WorldForgeTest {
    @TempDir
    Path dir;

    private WorldForge forge(Map<String, String> env) {
        return WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(env))
                .build();
    }

    @Test
    void capabilityNamesAndDefaults() {
        assertThat(Capability.NAMES)
                .containsExactly("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy");
        assertThat(ProviderCapabilities.none().enabledNames()).isEmpty();
        assertThat(ProviderCapabilities.none().toJson().keys()).containsExactlyElementsOf(Capability.NAMES);
        assertThatThrownBy(() -> ProviderCapabilities.none().supports("bogus"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessageStartingWith("Unknown provider capability 'bogus'.");
    }

    @Test
    void errorFamilies() {
        assertThat(new WorldStateException("x")).isInstanceOf(WorldForgeException.class);
        assertThat(new ProviderException("x")).isNotInstanceOf(WorldForgeException.class);
        assertThat(new ProviderBudgetExceededException("x")).isInstanceOf(ProviderException.class);
    }

    @Test
    void freshForgeRegistersOnlyMockAndCreatesNothingUntilItWrites() {
        WorldForge forge = forge(Map.of());
        assertThat(forge.providers()).containsExactly("mock");
        forge.doctor();
        forge.listWorlds();
        assertThat(forge.store().health().healthy()).isTrue();
        assertThatThrownBy(() -> forge.loadWorld("missing")).isInstanceOf(WorldStateException.class);
        assertThatThrownBy(() -> forge.deleteWorld("missing")).isInstanceOf(WorldStateException.class);
        assertThat(Files.exists(dir.resolve("worlds"))).isFalse();
        forge.createWorld("first").save();
        assertThat(Files.isDirectory(dir.resolve("worlds"))).isTrue();
    }

    @Test
    void configuredCatalogProvidersWithoutAnAdapterAreNeverRegisteredAsWorking() {
        // genie is a fail-closed scaffold upstream: it never gets a working adapter.
        WorldForge forge = forge(Map.of("GENIE_API_KEY", "k"));
        assertThat(forge.providers()).containsExactly("mock");
        DoctorReport report = forge.doctor(null, false);
        ProviderDoctorStatus genie = report.providers().stream()
                .filter(p -> p.name().equals("genie"))
                .findFirst()
                .orElseThrow();
        assertThat(genie.registered()).isFalse();
        assertThat(genie.health().healthy()).isFalse();
        assertThat(report.issues()).anyMatch(i -> i.startsWith("Provider 'genie' is unhealthy: "));
    }

    @Test
    void cosmosRegistersWhenItsBaseUrlIsSet() {
        assertThat(forge(Map.of("COSMOS_BASE_URL", " ")).providers()).containsExactly("mock");
        WorldForge forge = forge(Map.of("COSMOS_BASE_URL", "http://cosmos.invalid"));
        assertThat(forge.providers()).containsExactly("cosmos", "mock");
        assertThat(forge.providerSupports("cosmos", ai.worldforge.provider.Capability.GENERATE))
                .isTrue();
        assertThat(WorldForge.builder()
                        .environment(ai.worldforge.provider.Environment.of(Map.of("COSMOS_BASE_URL", "http://x")))
                        .stateDir(dir.resolve("worlds"))
                        .autoRegisterRemote(false)
                        .build()
                        .providers())
                .containsExactly("mock");
    }

    @Test
    void createWorldRequiresARegisteredProviderAndAName() {
        WorldForge forge = forge(Map.of());
        assertThatThrownBy(() -> forge.createWorld("x", "nope"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'nope' is not registered.");
        assertThatThrownBy(() -> forge.createWorld(" ", "mock"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("World name must not be empty.");
    }

    @Test
    void doctorWithoutEnvironment() {
        WorldForge forge = forge(Map.of());
        DoctorReport report = forge.doctor();
        assertThat(report.providerCount()).isEqualTo(9);
        assertThat(report.healthyProviderCount()).isEqualTo(1);
        assertThat(report.registeredProviderCount()).isEqualTo(1);
        assertThat(report.issues()).hasSize(8).allMatch(i -> i.contains("is unavailable: missing or invalid "));
        assertThat(report.providers().stream().map(ProviderDoctorStatus::name))
                .containsExactly(
                        "cosmos",
                        "cosmos-policy",
                        "genie",
                        "gr00t",
                        "jepa",
                        "lerobot",
                        "leworldmodel",
                        "mock",
                        "runway");
        assertThat(forge.doctor("score", false).providers().stream().map(ProviderDoctorStatus::name))
                .containsExactly("jepa", "leworldmodel");
        assertThat(forge.doctor(null, true).providers().stream().map(ProviderDoctorStatus::name))
                .containsExactly("mock");
        assertThatThrownBy(() -> forge.doctor("bogus", false)).isInstanceOf(WorldForgeException.class);
        forge.saveWorld(forge.createWorld("a"));
        assertThat(forge.doctor().worldCount()).isEqualTo(1);
        ProviderDoctorStatus mock = forge.doctor(null, true).providers().get(0);
        assertThat(ai.worldforge.json.Json.write(mock.lifecycle().toJson()))
                .contains("\"details\":\"no provider preflight hook declared\"")
                .contains("\"status\":\"no-op\"")
                .contains("\"evidence\":{\"preflight\":{\"configured\":true}}");
    }

    @Test
    void profilesAndInfo() {
        WorldForge forge = forge(Map.of());
        assertThat(forge.providerProfile("cosmos").capabilities().enabledNames())
                .containsExactly("generate");
        assertThatThrownBy(() -> forge.providerInfo("cosmos"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos' is not registered.");
        assertThatThrownBy(() -> forge.providerProfile("zz"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'zz' is unknown.");
        assertThat(forge.providerInfo("mock").capabilities().enabledNames())
                .containsExactly("predict", "generate", "reason", "embed", "transfer");
        assertThat(forge.providerHealth("mock").details()).isEqualTo("configured");
        assertThat(forge.providerHealth("cosmos").healthy()).isFalse();
        assertThat(forge.providerHealth("cosmos").details()).isEqualTo("missing COSMOS_BASE_URL");
        assertThatThrownBy(() -> forge.providerHealth("zz"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'zz' is unknown.");
        assertThat(forge.builtinProviderProfiles()).hasSize(9);
    }

    @Test
    void capabilityCallsFailClosed() {
        WorldForge forge = forge(Map.of());
        assertThatThrownBy(() -> forge.generate("  ", "mock"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> forge.generate("x", " "))
                .hasMessage("generate() requires a provider name or generator target.");
        assertThatThrownBy(() -> forge.generate("x", "mock", 0, null))
                .hasMessage("generate() duration_seconds must be greater than 0.");
        assertThatThrownBy(() -> forge.reason("mock", " ", null)).hasMessage("reason() requires a query.");
        assertThatThrownBy(() -> forge.scoreActions(
                        "mock", ai.worldforge.json.JsonObject.EMPTY, ai.worldforge.json.JsonArray.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'mock' does not implement score_actions().");
        assertThatThrownBy(() -> forge.selectActions("mock", ai.worldforge.json.JsonObject.EMPTY))
                .hasMessage("Provider 'mock' does not implement select_actions().");
        assertThat(forge.listProviders()).extracting(p -> p.name()).isEqualTo(List.of("mock"));
    }
}
