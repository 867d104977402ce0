package ai.worldforge.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ai.worldforge.WorldForge;
import ai.worldforge.provider.runway.RunwayProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's profile texts are the reference's (worldforge-ai 0.5.0 default-constructed
 * providers) and its documentation links and health details point at this project's docs.
 */
class CatalogProfileTextTest {
    @TempDir
    Path dir;

    private static ProviderProfile profile(String name) {
        return ProviderCatalog.find(name).orElseThrow().profile();
    }

    @Test
    void profilesCarryTheReferenceDescriptionsNotesAndModalities() {
        assertThat(profile("gr00t").description())
                .isEqualTo("NVIDIA Isaac GR00T policy-client adapter for selecting embodied action chunks.");
        assertThat(profile("gr00t").notes())
                .containsExactly(
                        "Wraps the host-owned GR00T PolicyClient server/client API.",
                        "Does not import gr00t unless a non-injected client is used.",
                        "Requires an action_translator to map embodiment-specific raw actions to WorldForge Action"
                                + " objects.",
                        "GR00T is an embodied policy provider, not a future-state world model.");
        assertThat(profile("lerobot").description())
                .isEqualTo("Hugging Face LeRobot pretrained-policy adapter for embodied action selection.");
        assertThat(profile("lerobot").supportedModalities()).containsExactly("state", "images", "language", "actions");
        assertThat(profile("lerobot").notes())
                .hasSize(6)
                .last()
                .isEqualTo("LeRobot is an action-policy provider, not a predictive world model.");
        assertThat(profile("leworldmodel").description())
                .isEqualTo("LeWorldModel JEPA adapter for scoring action candidates from pixel, action, and goal"
                        + " tensors.");
        assertThat(profile("leworldmodel").notes())
                .hasSize(7)
                .contains("Scores are costs: lower values are better and best_index is the argmin.");
        assertThat(profile("jepa").description())
                .isEqualTo("Score-only JEPA adapter backed by facebookresearch/jepa-wms torch-hub models.");
        assertThat(profile("jepa").packageName())
                .isEqualTo("worldforge + host-supplied torch + facebookresearch/jepa-wms");
        assertThat(profile("jepa").supportedModalities()).containsExactly("observations", "goals", "actions");
        assertThat(profile("jepa").notes()).hasSize(4);
        assertThat(profile("genie").description()).isEqualTo("Python adapter surface for Genie-family models.");
        assertThat(profile("genie").supportedModalities()).containsExactly("world_state", "text", "video");
        assertThat(profile("genie").notes())
                .contains("A deterministic local surrogate exists only behind WORLDFORGE_ENABLE_SCAFFOLD_SURROGATES=1"
                        + " for adapter testing.");
        assertThat(profile("cosmos-policy").description())
                .isEqualTo("NVIDIA Cosmos-Policy server adapter for selecting embodied ALOHA action chunks.");
        assertThat(profile("cosmos-policy").notes())
                .hasSize(7)
                .first()
                .isEqualTo("Targets the Cosmos-Policy ALOHA `/act` server contract.");
        assertThat(profile("runway").description())
                .isEqualTo("Runway adapter for text/image-to-video and video-to-video generation.");
        assertThat(profile("runway").notes()).hasSize(3);
    }

    @Test
    void adaptersReportTheCatalogProfile() {
        ProviderProfile adapter = RunwayProvider.profileFor(
                RunwayProvider.NAME, RunwayProvider.builder().build().requestPolicy());
        assertThat(adapter.description()).isEqualTo(profile("runway").description());
        assertThat(adapter.notes()).isEqualTo(profile("runway").notes());
        assertThat(adapter.supportedModalities()).isEqualTo(profile("runway").supportedModalities());
    }

    @Test
    void unconfiguredHealthKeepsTheConfigureRuntimeTailPointingAtOurDocs() {
        WorldForge forge = WorldForge.builder()
                .stateDir(dir)
                .environment(Environment.of(Map.of()))
                .build();
        assertThat(forge.providerHealth("gr00t").details())
                .isEqualTo("missing GROOT_POLICY_HOST; configure runtime using docs/providers.md");
        assertThat(forge.providerHealth("leworldmodel").details())
                .isEqualTo("missing LEWORLDMODEL_POLICY or LEWM_POLICY; configure runtime using docs/providers.md");
        assertThat(forge.providerHealth("lerobot").details())
                .isEqualTo("missing LEROBOT_POLICY_PATH or LEROBOT_POLICY; configure runtime using docs/providers.md"
                        + " (or injected policy)");
        for (String name : List.of("gr00t", "leworldmodel")) {
            assertThat(forge.providerHealth(name).details())
                    .isEqualTo(RuntimeManifest.load(name).missingConfigurationDetail());
        }
    }

    @Test
    void jepaMentionsTheLegacyVariableOnlyWhenItIsSet() {
        WorldForge bare = WorldForge.builder()
                .stateDir(dir)
                .environment(Environment.of(Map.of()))
                .build();
        assertThat(bare.providerHealth("jepa").details()).isEqualTo("missing JEPA_MODEL_NAME");
        WorldForge legacy = WorldForge.builder()
                .stateDir(dir)
                .environment(Environment.of(Map.of("JEPA_MODEL_PATH", "/models/jepa")))
                .build();
        assertThat(legacy.providerHealth("jepa").details())
                .isEqualTo("missing JEPA_MODEL_NAME; JEPA_MODEL_PATH is legacy scaffold metadata only");
    }

    @Test
    void everyDocsPathIsAFileOfThisRepository() {
        for (ProviderDocsEntry entry : ProviderCatalog.docsIndex()) {
            assertThat(entry.docsPath()).as(entry.name()).startsWith("docs/").doesNotStartWith("docs/src/");
            assertThat(Path.of("..").resolve(entry.docsPath())).as(entry.name()).isRegularFile();
        }
    }
}
