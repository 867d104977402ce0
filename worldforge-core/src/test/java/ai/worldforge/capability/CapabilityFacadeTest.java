package ai.worldforge.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.DoctorReport;
import ai.worldforge.ProviderDoctorStatus;
import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.capability.TestImpls.CostAndPolicy;
import ai.worldforge.capability.TestImpls.CountingCost;
import ai.worldforge.capability.TestImpls.NoopPolicy;
import ai.worldforge.capability.TestImpls.ScriptedCost;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.EmbeddingResult;
import ai.worldforge.model.GenerationOptions;
import ai.worldforge.model.PredictionPayload;
import ai.worldforge.model.ReasoningResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.model.WorldState;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderHealth;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.ProviderRequestPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capability registration, merged introspection and dispatch on the facade: behaviours 57–62 of
 * upstream-core.md §9 and the §3 registration/introspection/capability-call rules.
 */
class CapabilityFacadeTest {
    @TempDir
    Path dir;

    private final List<ProviderEvent> events = Collections.synchronizedList(new ArrayList<>());

    private WorldForge forge(Map<String, String> env) {
        return WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(env))
                .eventHandler(events::add)
                .build();
    }

    private WorldForge forge() {
        return forge(Map.of());
    }

    private static final JsonValue TWO_PLANS =
            Json.parse("[[{\"type\":\"noop\"},{\"type\":\"noop\"}],[{\"type\":\"noop\"}]]");

    // ---------------------------------------------------------------- 57

    @Test
    void behaviour57CapabilityCallArgumentChecks() {
        WorldForge forge = forge();
        assertThatThrownBy(() -> forge.generate("  ", "mock"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> forge.generate("x", " "))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("generate() requires a provider name or generator target.");
        assertThatThrownBy(() -> forge.reason("mock", " ", null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("reason() requires a query.");
        assertThatThrownBy(() -> forge.predict(WorldStates.empty(), Action.noop(), 1, " "))
                .hasMessage("predict() requires a provider name or predictor target.");
        assertThatThrownBy(() -> forge.embed(" ", "x"))
                .hasMessage("embed() requires a provider name or embedder target.");
        assertThatThrownBy(() -> forge.scoreActions(" ", JsonObject.EMPTY, JsonArray.EMPTY))
                .hasMessage("score_actions() requires a provider name or cost target.");
        assertThatThrownBy(() -> forge.selectActions(" ", JsonObject.EMPTY))
                .hasMessage("select_actions() requires a provider name or policy target.");
        VideoClip clip = forge.generate("a cube", "mock");
        assertThatThrownBy(() -> forge.transfer(clip, " ", 1, 1, 1.0, "", null))
                .hasMessage("transfer() requires a provider name or transferer target.");
        assertThatThrownBy(() -> forge.reason(" ", "q", null))
                .hasMessage("reason() requires a provider name or reasoner target.");
        assertThatThrownBy(() -> forge.generate("x", "nope"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'nope' is not registered.");
        // Input checks run before the target is resolved, for impl targets too.
        assertThatThrownBy(() -> forge.generate(" ", new EchoGenerator("g")))
                .hasMessage("generate() prompt must be a non-empty string.");
        assertThatThrownBy(() -> forge.reason(new EchoReasoner("r"), null, null))
                .hasMessage("reason() requires a query.");
    }

    // ---------------------------------------------------------------- 58

    @Test
    void behaviour58CostImplementationRegistration() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost("cost-a"));
        assertThat(forge.providers()).containsExactly("cost-a", "mock");
        ProviderProfile profile = forge.providerProfile("cost-a");
        assertThat(profile.capabilities().enabledNames()).containsExactly("score");
        ProviderHealth health = forge.providerHealth("cost-a");
        assertThat(health.healthy()).isTrue();
        assertThat(health.details()).isEqualTo("configured");
        assertThat(forge.providerInfo("cost-a").capabilities().enabledNames()).containsExactly("score");

        assertThatThrownBy(() -> forge.registerCost(new CountingCost("cost-a")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Capability 'cost' already has a registered implementation named 'cost-a'. Names must be "
                        + "unique within a capability registry.");
        assertThatThrownBy(() -> forge.register(new Object()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Object does not satisfy any capability protocol. Expected one of: cost, embedder, "
                        + "generator, planner, policy, predictor, reasoner, transferer.");
        assertThatThrownBy(() -> forge.register("text"))
                .hasMessage("String does not satisfy any capability protocol. Expected one of: cost, embedder, "
                        + "generator, planner, policy, predictor, reasoner, transferer.");
        assertThatThrownBy(() -> forge.registerCost(new CountingCost(" ")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Capability impl 'CountingCost' must declare a non-empty 'name' attribute.");
        assertThat(forge.providers()).containsExactly("cost-a", "mock");
    }

    @Test
    void sameNameInAnotherRegistryOrAsAFullProviderIsAllowed() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost("shared"));
        forge.registerPolicy(new NoopPolicy("shared"));
        forge.registerCost(new CountingCost("mock"));
        assertThat(forge.providers()).containsExactly("mock", "shared");
        assertThat(forge.providerProfile("shared").capabilities().enabledNames())
                .containsExactly("score", "policy");
        assertThatThrownBy(() -> forge.registerPolicy(new NoopPolicy("shared")))
                .hasMessage("Capability 'policy' already has a registered implementation named 'shared'. Names must "
                        + "be unique within a capability registry.");
    }

    @Test
    void genericRegistrationCoversEveryImplementedInterface() {
        WorldForge forge = forge();
        forge.register(new CostAndPolicy("both"));
        assertThat(forge.capabilityImpl(CapabilityKind.COST, "both")).isPresent();
        assertThat(forge.capabilityImpl(CapabilityKind.POLICY, "both")).isPresent();
        assertThat(forge.capabilityImpl(CapabilityKind.GENERATOR, "both")).isEmpty();
        assertThat(forge.providerProfile("both").capabilities().enabledNames()).containsExactly("score", "policy");
        assertThat(forge.scoreActions("both", JsonObject.EMPTY, JsonArray.EMPTY).provider())
                .isEqualTo("both");
        assertThat(forge.selectActions("both", JsonObject.EMPTY).actions()).containsExactly(Action.noop());

        // Atomic: one clash leaves the other registry untouched.
        forge.registerCost(new CountingCost("half"));
        assertThatThrownBy(() -> forge.register(new CostAndPolicy("half")))
                .hasMessageContaining("Capability 'cost' already has a registered implementation named 'half'.");
        assertThat(forge.capabilityImpl(CapabilityKind.POLICY, "half")).isEmpty();
    }

    @Test
    void genericRegistrationAcceptsFullProviders() {
        WorldForge forge = forge();
        ai.worldforge.provider.mock.MockProvider other = new ai.worldforge.provider.mock.MockProvider("mock-2", null);
        forge.register(other);
        assertThat(forge.provider("mock-2")).contains(other);
        assertThat(other.eventHandler()).as("inherits the forge handler").isPresent();
    }

    @Test
    void runnableModelsRegisterEverySlotAtomically() {
        WorldForge forge = forge();
        forge.register(RunnableModel.builder("bundle")
                .cost(new CountingCost("model-x"))
                .policy(new NoopPolicy("model-x"))
                .build());
        assertThat(forge.providers()).containsExactly("mock", "model-x");
        assertThat(forge.providerProfile("model-x").capabilities().enabledNames())
                .containsExactly("score", "policy");

        assertThatThrownBy(() -> forge.register(RunnableModel.builder("empty").build()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("RunnableModel 'empty' does not contain any capability impls.");
        assertThatThrownBy(() -> forge.register(RunnableModel.builder("clash")
                        .policy(new NoopPolicy("fresh"))
                        .cost(new CountingCost("model-x"))
                        .build()))
                .hasMessageContaining("Capability 'cost' already has a registered implementation named 'model-x'.");
        assertThat(forge.providers()).as("nothing registered on failure").containsExactly("mock", "model-x");
    }

    // ---------------------------------------------------------------- 59

    @Test
    void behaviour59WrappedCallsEmitOneEventAndWrapFailures() {
        WorldForge forge = forge();
        forge.registerCost(new ScriptedCost("broken", () -> {
            throw new IllegalArgumentException("tensor shape mismatch");
        }));
        forge.registerCost(new ScriptedCost("empty", () -> null));
        forge.registerCost(new CountingCost("cost-a"));

        assertThatThrownBy(() -> forge.scoreActions("broken", JsonObject.EMPTY, TWO_PLANS))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'broken' score failed: tensor shape mismatch")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("broken");
            assertThat(e.operation()).isEqualTo("score");
            assertThat(e.phase()).isEqualTo("failure");
        });
        events.clear();

        assertThatThrownBy(() -> forge.scoreActions("empty", JsonObject.EMPTY, TWO_PLANS))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'empty' score returned null; expected ActionScoreResult.");
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("failure");
        events.clear();

        ActionScoreResult result = forge.scoreActions("cost-a", JsonObject.EMPTY, TWO_PLANS);
        assertThat(result.scores()).containsExactly(2.0, 1.0);
        assertThat(result.bestIndex()).isEqualTo(1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("cost-a");
            assertThat(e.operation()).isEqualTo("score");
            assertThat(e.phase()).isEqualTo("success");
            assertThat(e.message()).isEmpty();
            assertThat(e.durationMs()).isGreaterThanOrEqualTo(0.1);
        });
    }

    @Test
    void everyKindDispatchesThroughItsRegistryWithItsOperation() {
        WorldForge forge = forge();
        forge.registerPolicy(new NoopPolicy("impl"));
        forge.registerGenerator(new EchoGenerator("impl"));
        forge.registerPredictor(new StepPredictor("impl"));
        forge.registerReasoner(new EchoReasoner("impl"));
        forge.registerEmbedder(new ConstantEmbedder("impl"));
        forge.registerTransferer(new ResizeTransferer("impl"));
        forge.registerCost(new CountingCost("impl"));
        forge.registerPlanner(new NoopPlanner("impl"));
        assertThat(forge.providerProfile("impl").capabilities().enabledNames())
                .containsExactly("predict", "generate", "reason", "embed", "plan", "transfer", "score", "policy");

        World world = forge.createWorld("w", "impl");
        forge.selectActions("impl", JsonObject.EMPTY);
        VideoClip clip = forge.generate("a cube", "impl", 0.5, null);
        assertThat(clip.metadata().get("prompt")).isEqualTo(ai.worldforge.json.JsonString.of("a cube"));
        PredictionPayload payload = forge.predict(world.state(), Action.noop(), 2, "impl");
        assertThat(payload.state().step()).isEqualTo(2);
        ReasoningResult answer = forge.reason("impl", "how many?", world);
        assertThat(answer.answer()).isEqualTo("0 objects: how many?");
        EmbeddingResult embedding = forge.embed("impl", "hello");
        assertThat(embedding.vector()).containsExactly(5.0);
        VideoClip resized = forge.transfer(clip, "impl", 32, 16, 12.0, "  restyle  ", null);
        assertThat(resized.width()).isEqualTo(32);
        assertThat(resized.metadata().get("prompt")).isEqualTo(ai.worldforge.json.JsonString.of("restyle"));
        forge.scoreActions("impl", JsonObject.EMPTY, TWO_PLANS);
        assertThat(events)
                .extracting(ProviderEvent::operation)
                .containsExactly("policy", "generate", "predict", "reason", "embed", "transfer", "score");
        assertThat(events)
                .allMatch(e -> e.phase().equals("success") && e.provider().equals("impl"));

        // World.predict goes through the predictor registry as well.
        events.clear();
        world.predict(Action.noop(), 1, null);
        assertThat(world.step()).isEqualTo(1);
        assertThat(events).extracting(ProviderEvent::operation).containsExactly("predict");
    }

    @Test
    void registryTakesPrecedenceOverTheFullProviderOfTheSameName() {
        WorldForge forge = forge();
        forge.registerGenerator(new EchoGenerator("mock"));
        VideoClip clip = forge.generate("a cube", "mock");
        assertThat(clip.metadata().get("prompt")).isEqualTo(ai.worldforge.json.JsonString.of("a cube"));
        // The mock's own capabilities keep working.
        assertThat(forge.embed("mock", "hello").model()).isEqualTo("mock-embedding-v1");
    }

    @Test
    void namesRegisteredForOtherCapabilitiesFailClosed() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost("cost-a"));
        events.clear();
        assertThatThrownBy(() -> forge.generate("x", "cost-a"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cost-a' does not implement generate().");
        assertThatThrownBy(() -> forge.selectActions("cost-a", JsonObject.EMPTY))
                .hasMessage("Provider 'cost-a' does not implement select_actions().");
        // Full providers keep the existing fail-closed check.
        assertThatThrownBy(() -> forge.scoreActions("mock", JsonObject.EMPTY, JsonArray.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'mock' does not implement score_actions().");
        assertThat(events).isEmpty();
    }

    @Test
    void implementationsCanBeCalledDirectlyWithoutRegistration() {
        WorldForge forge = forge();
        ActionScoreResult result = forge.scoreActions(new CountingCost("transient"), JsonObject.EMPTY, TWO_PLANS);
        assertThat(result.provider()).isEqualTo("transient");
        assertThat(forge.selectActions(new NoopPolicy("transient"), JsonObject.EMPTY)
                        .actions())
                .hasSize(1);
        VideoClip clip = forge.generate("a cube", new EchoGenerator("transient"));
        forge.generate("a cube", new EchoGenerator("transient"), 2.0, null);
        forge.transfer(clip, new ResizeTransferer("transient"), 8, 8, 4.0, "", null);
        forge.predict(WorldStates.empty(), Action.noop(), 1, new StepPredictor("transient"));
        forge.reason(new EchoReasoner("transient"), "q", null);
        forge.embed(new ConstantEmbedder("transient"), "abc");
        assertThat(forge.providers()).containsExactly("mock");
        assertThat(events)
                .extracting(ProviderEvent::operation)
                .containsExactly("score", "policy", "generate", "generate", "transfer", "predict", "reason", "embed");
        assertThatThrownBy(() -> forge.scoreActions(new CountingCost(""), JsonObject.EMPTY, TWO_PLANS))
                .hasMessage("Capability impl 'CountingCost' must declare a non-empty 'name' attribute.");
        assertThatThrownBy(() -> forge.scoreActions(new ScriptedCost("t", () -> null), JsonObject.EMPTY, TWO_PLANS))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 't' score returned null; expected ActionScoreResult.");
    }

    // ---------------------------------------------------------------- 60

    @Test
    void behaviour60ImplementationUnderAFullProviderNameMerges() {
        WorldForge forge = forge();
        ProviderProfile mock = forge.providerProfile("mock");
        ProviderRequestPolicy policy = ProviderRequestPolicy.remoteDefaults(20);
        forge.registerCost(new Cost() {
            @Override
            public String name() {
                return "mock";
            }

            @Override
            public ProviderProfileSpec profileSpec() {
                return ProviderProfileSpec.builder()
                        .description("a cost model")
                        .notes(List.of("Cost note.", "Reference implementation for adapter contract tests."))
                        .supportedModels(List.of("cost-v1"))
                        .defaultModel("cost-v1")
                        .supportedModalities(List.of("pixels", "text"))
                        .build();
            }

            @Override
            public Optional<ProviderRequestPolicy> requestPolicy() {
                return Optional.of(policy);
            }

            @Override
            public ActionScoreResult scoreActions(JsonObject info, JsonValue candidates) {
                return ActionScoreResult.of("mock", List.of(1.0), 0);
            }
        });
        ProviderProfile merged = forge.providerProfile("mock");
        assertThat(merged.capabilities().enabledNames())
                .containsExactly("predict", "generate", "reason", "embed", "transfer", "score");
        assertThat(merged.notes())
                .containsExactly("Reference implementation for adapter contract tests.", "Cost note.");
        assertThat(merged.deterministic())
                .as("all sources must be deterministic")
                .isFalse();
        assertThat(merged.isLocal()).isTrue();
        assertThat(merged.description()).isEqualTo(mock.description());
        assertThat(merged.packageName()).isEqualTo("worldforge");
        assertThat(merged.implementationStatus()).isEqualTo("stable");
        assertThat(merged.supportedModels()).containsExactly("mock-deterministic-v1", "cost-v1");
        assertThat(merged.defaultModel()).contains("mock-deterministic-v1");
        assertThat(merged.supportedModalities()).containsExactly("world_state", "text", "video", "pixels");
        assertThat(merged.requestPolicy()).contains(policy);
        assertThat(forge.providerInfo("mock").capabilities().supports(Capability.SCORE))
                .isTrue();
        assertThat(forge.providerSupports("mock", Capability.SCORE)).isTrue();
        assertThat(forge.providers()).containsExactly("mock");

        ProviderHealth health = forge.providerHealth("mock");
        assertThat(health.healthy()).isTrue();
        assertThat(health.details()).isEqualTo("configured");
        assertThat(health.latencyMs())
                .as("mock reports 0.0, the wrapper at least 0.1: summed")
                .isGreaterThanOrEqualTo(0.1);

        ProviderLifecycleStatus lifecycle = forge.providerLifecycleStatus("mock", false, false);
        assertThat(lifecycle.status()).isEqualTo("no-op");
        assertThat(lifecycle.ready()).isTrue();
        assertThat(lifecycle.details())
                .isEqualTo("mock: no provider preflight hook declared; mock: no provider preflight hook declared");
        assertThat(((JsonArray) lifecycle.evidence().get("components")).size()).isEqualTo(2);
        assertThat(lifecycle.preflight().details()).isEqualTo(lifecycle.details());
    }

    @Test
    void descriptionFallsBackToJoinedDescriptionsAndDeterminismNeedsAll() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost(
                "combo",
                ProviderProfileSpec.builder()
                        .description("scores")
                        .deterministic(true)
                        .build()));
        forge.registerPolicy(new NoopPolicy("combo"));
        ProviderProfile merged = forge.providerProfile("combo");
        assertThat(merged.description())
                .as("primary (policy, field order first) is blank")
                .isEqualTo("scores");
        assertThat(merged.deterministic()).isFalse();
        assertThat(merged.credentialEnvVar()).isEmpty();
    }

    @Test
    void unhealthyPartsAreNamedInMergedHealthAndDoctor() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost(
                "mock",
                ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("COST_KEY"))
                        .build()));
        ProviderHealth health = forge.providerHealth("mock");
        assertThat(health.healthy()).isFalse();
        assertThat(health.details()).isEqualTo("mock: missing COST_KEY");
        ProviderProfile merged = forge.providerProfile("mock");
        assertThat(merged.requiredEnvVars()).containsExactly("COST_KEY");
        assertThat(merged.credentialEnvVar()).contains("COST_KEY");
        assertThat(merged.requiresCredentials()).isTrue();
        assertThat(forge.providerConfigured("mock")).isFalse();
        DoctorReport report = forge.doctor(null, true);
        assertThat(report.issues()).containsExactly("Provider 'mock' is unavailable: missing or invalid COST_KEY.");
        ProviderLifecycleStatus lifecycle = forge.providerLifecycleStatus("mock", false, false);
        assertThat(lifecycle.status()).isEqualTo("skipped");
        assertThat(lifecycle.skipReason()).isEqualTo("missing COST_KEY");
        assertThat(lifecycle.details()).isEqualTo("mock: no provider preflight hook declared; mock: missing COST_KEY");

        WorldForge configured = forge(Map.of("COST_KEY", "k"));
        configured.registerCost(new CountingCost(
                "mock",
                ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("COST_KEY"))
                        .build()));
        assertThat(configured.providerHealth("mock").healthy()).isTrue();
        assertThat(configured.providerConfigured("mock")).isTrue();
        assertThat(configured.doctor(null, true).issues()).isEmpty();
    }

    // ---------------------------------------------------------------- 61, 62

    @Test
    void behaviour61DoctorIncludesImplementationOnlyNames() {
        WorldForge forge = forge();
        forge.registerCost(new CountingCost("cost-a"));
        DoctorReport report = forge.doctor();
        assertThat(report.providerCount()).isEqualTo(10);
        assertThat(report.registeredProviderCount()).isEqualTo(2);
        assertThat(report.healthyProviderCount()).isEqualTo(2);
        assertThat(report.issues()).hasSize(8).allMatch(i -> i.contains("is unavailable: missing or invalid "));
        ProviderDoctorStatus costA = report.providers().stream()
                .filter(p -> p.name().equals("cost-a"))
                .findFirst()
                .orElseThrow();
        assertThat(costA.registered()).isTrue();
        assertThat(costA.lifecycle().status()).isEqualTo("no-op");
        assertThat(forge.doctor("score", false).providers())
                .extracting(ProviderDoctorStatus::name)
                .containsExactly("cost-a", "jepa", "leworldmodel");
        assertThat(forge.doctor(null, true).providers())
                .extracting(ProviderDoctorStatus::name)
                .containsExactly("cost-a", "mock");
        assertThat(forge.providerHealths("score"))
                .extracting(ProviderHealth::name)
                .containsExactly("cost-a");
        assertThat(forge.providerHealths(null)).extracting(ProviderHealth::name).containsExactly("cost-a", "mock");
        assertThat(forge.listProviders()).extracting(p -> p.name()).containsExactly("cost-a", "mock");
        assertThat(forge.listProviderProfiles())
                .extracting(ProviderProfile::name)
                .containsExactly("cost-a", "mock");
        assertThat(forge.builtinProviderProfiles()).hasSize(9);
    }

    @Test
    void behaviour62ProfilesOfUnregisteredCatalogProviders() {
        WorldForge forge = forge();
        assertThat(forge.providerProfile("cosmos").capabilities().enabledNames())
                .containsExactly("generate");
        assertThatThrownBy(() -> forge.providerInfo("cosmos"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cosmos' is not registered.");
        assertThatThrownBy(() -> forge.providerProfile("zz"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'zz' is unknown.");
        assertThatThrownBy(() -> forge.providerProfile(" "))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider name must be a non-empty string.");
        // A capability implementation under a catalog name merges with the catalog profile.
        forge.registerCost(new CountingCost("cosmos"));
        assertThat(forge.providerProfile("cosmos").capabilities().enabledNames())
                .containsExactly("generate", "score");
        // As in the reference, info of a registered name is built from the same merged profile.
        assertThat(forge.providerInfo("cosmos").capabilities().enabledNames()).containsExactly("generate", "score");
        // Only what is registered can be called.
        assertThat(forge.providerSupports("cosmos", Capability.GENERATE)).isFalse();
        assertThat(forge.providerSupports("cosmos", Capability.SCORE)).isTrue();
        assertThat(forge.doctor(null, true).providers())
                .filteredOn(p -> p.name().equals("cosmos"))
                .singleElement()
                .satisfies(p ->
                        assertThat(p.profile().capabilities().enabledNames()).containsExactly("score"));
        assertThat(forge.providerHealth("cosmos").details()).isEqualTo("cosmos: missing COSMOS_BASE_URL");
    }

    @Test
    void mergedProfileOfASingleFullProviderFillsTheCredentialVariable() {
        WorldForge forge = forge();
        // The catalog's leworldmodel profile names no credential variable; like the reference's
        // merge, the facade reports the first required variable.
        ProviderProfile profile = forge.providerProfile("leworldmodel");
        assertThat(profile.credentialEnvVar()).contains("LEWORLDMODEL_POLICY");
        assertThat(forge.providerProfile("mock"))
                .isEqualTo(forge.builtinProviderProfiles().stream()
                        .filter(p -> p.name().equals("mock"))
                        .findFirst()
                        .orElseThrow());
    }

    // ---------------------------------------------------------------- helpers for other components

    @Test
    void providerConfiguredAndSupports() {
        WorldForge forge = forge(Map.of("GENIE_API_KEY", "k"));
        assertThat(forge.providerConfigured("mock")).isTrue();
        assertThat(forge.providerConfigured("genie"))
                .as("catalog instance answers")
                .isTrue();
        assertThat(forge(Map.of()).providerConfigured("genie")).isFalse();
        assertThatThrownBy(() -> forge.providerConfigured("zz"))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'zz' is unknown.");
        assertThatThrownBy(() -> forge.providerConfigured(""))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Provider name must be a non-empty string.");

        assertThat(forge.providerSupports("mock", Capability.PREDICT)).isTrue();
        assertThat(forge.providerSupports("mock", Capability.SCORE)).isFalse();
        assertThatThrownBy(() -> forge.providerSupports("genie", Capability.GENERATE))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'genie' is not registered.");
        forge.registerPolicy(new NoopPolicy("policy-a"));
        assertThat(forge.providerSupports("policy-a", Capability.POLICY)).isTrue();
        assertThat(forge.providerSupports(" policy-a ", Capability.SCORE)).isFalse();
        assertThat(forge.providerConfigured("policy-a")).isTrue();
    }

    @Test
    void createWorldAcceptsImplementationOnlyNames() {
        WorldForge forge = forge();
        forge.registerPredictor(new StepPredictor("pred"));
        World world = forge.createWorld("w", "pred");
        assertThat(world.provider()).isEqualTo("pred");
        assertThatThrownBy(() -> forge.createWorld("w", "nope")).hasMessage("Provider 'nope' is not registered.");
    }

    // ---------------------------------------------------------------- small implementations

    /** Returns one frame holding the prompt. */
    record EchoGenerator(String name) implements Generator {
        @Override
        public VideoClip generate(String prompt, double durationSeconds, @Nullable GenerationOptions options) {
            return new VideoClip(
                    List.of(prompt.getBytes(StandardCharsets.UTF_8)),
                    8.0,
                    64,
                    32,
                    durationSeconds,
                    JsonObject.of("prompt", ai.worldforge.json.JsonString.of(prompt)));
        }
    }

    /** Re-labels the clip at the requested size. */
    record ResizeTransferer(String name) implements Transferer {
        @Override
        public VideoClip transfer(
                VideoClip clip, int width, int height, double fps, String prompt, @Nullable GenerationOptions options) {
            return new VideoClip(
                    clip.frames(),
                    fps,
                    width,
                    height,
                    clip.durationSeconds(),
                    JsonObject.of("prompt", ai.worldforge.json.JsonString.of(prompt)));
        }
    }

    /** Advances the step counter. */
    record StepPredictor(String name) implements Predictor {
        @Override
        public PredictionPayload predict(WorldState state, Action action, int steps) {
            WorldState next = WorldState.of(
                    state.id(),
                    state.name(),
                    state.provider(),
                    state.description(),
                    state.step() + steps,
                    state.objects(),
                    state.metadata());
            return new PredictionPayload(next, 0.5, 0.5, List.of(), JsonObject.EMPTY, 0.0);
        }
    }

    /** Plans nothing. */
    record NoopPlanner(String name) implements Planner {
        @Override
        public ai.worldforge.model.ActionPolicyResult plan(JsonObject info) {
            return ai.worldforge.model.ActionPolicyResult.of(name, List.of(Action.noop()));
        }
    }

    /** Counts objects. */
    record EchoReasoner(String name) implements Reasoner {
        @Override
        public ReasoningResult reason(String query, @Nullable WorldState state) {
            int count = state == null ? 0 : state.objects().size();
            return new ReasoningResult(name, count + " objects: " + query, 0.9, List.of());
        }
    }

    /** Embeds text as its length. */
    record ConstantEmbedder(String name) implements Embedder {
        @Override
        public EmbeddingResult embed(String text) {
            return new EmbeddingResult(name, "length-v1", List.of((double) text.length()));
        }
    }

    /** World states for tests. */
    static final class WorldStates {
        private WorldStates() {}

        static WorldState empty() {
            return WorldState.of("world_test", "t", "mock", "", 0, Map.of(), JsonObject.EMPTY);
        }
    }
}
