package ai.worldforge.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.capability.TestImpls.CountingCost;
import ai.worldforge.capability.TestImpls.HookedCost;
import ai.worldforge.capability.TestImpls.NoopPolicy;
import ai.worldforge.capability.TestImpls.ScriptedCost;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.event.ProviderEvent;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonBool;
import ai.worldforge.json.JsonObject;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import ai.worldforge.provider.ProviderLifecycleResult;
import ai.worldforge.provider.ProviderLifecycleStatus;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.provider.ProviderRequestPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The observable wrapper (upstream-core.md §6.4) and the capability descriptors. */
class ObservableCapabilityTest {
    private final List<ProviderEvent> events = new ArrayList<>();

    private ObservableCapability wrap(NamedCapability impl, Map<String, String> env) {
        return ObservableCapability.wrap(CapabilityKind.COST, impl, Environment.of(env), events::add);
    }

    // ---------------------------------------------------------------- descriptors and specs

    @Test
    void kindsFollowTheReferenceFieldOrderAndVocabulary() {
        assertThat(CapabilityKind.values())
                .extracting(CapabilityKind::fieldName)
                .containsExactly(
                        "policy", "cost", "generator", "predictor", "reasoner", "embedder", "transferer", "planner");
        assertThat(CapabilityKind.COST.capability()).isEqualTo(Capability.SCORE);
        assertThat(CapabilityKind.COST.operation()).isEqualTo("score");
        assertThat(CapabilityKind.COST.methodName()).isEqualTo("score_actions");
        assertThat(CapabilityKind.COST.resultTypeName()).isEqualTo("ActionScoreResult");
        assertThat(CapabilityKind.COST.protocolName()).isEqualTo("Cost");
        assertThat(CapabilityKind.POLICY.operation()).isEqualTo("policy");
        assertThat(CapabilityKind.PLANNER.operation()).isEqualTo("plan");
        assertThat(CapabilityKind.TRANSFERER.resultTypeName()).isEqualTo("VideoClip");
        assertThat(CapabilityKind.PREDICTOR.resultTypeName()).isEqualTo("PredictionPayload");
        for (Capability capability : Capability.values()) {
            assertThat(CapabilityKind.of(capability).capability()).isEqualTo(capability);
        }
        assertThat(CapabilityKind.fromName("embedder")).isEqualTo(CapabilityKind.EMBEDDER);
        assertThat(CapabilityKind.ofInterface(Generator.class)).contains(CapabilityKind.GENERATOR);
        assertThat(CapabilityKind.ofInterface(String.class)).isEmpty();
        assertThatThrownBy(() -> CapabilityKind.fromName("score"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown capability kind 'score'. Known kinds: cost, embedder, generator, planner, "
                        + "policy, predictor, reasoner, transferer.");
    }

    @Test
    void profileSpecDefaultsMatchTheReference() {
        ProviderProfileSpec spec = ProviderProfileSpec.DEFAULTS;
        assertThat(spec.description()).isEmpty();
        assertThat(spec.packageName()).isEqualTo("worldforge");
        assertThat(spec.implementationStatus()).isEqualTo("experimental");
        assertThat(spec.deterministic()).isFalse();
        assertThat(spec.isLocal()).isFalse();
        assertThat(spec.supportedModalities()).isEmpty();
        assertThat(spec.artifactTypes()).isEmpty();
        assertThat(spec.notes()).isEmpty();
        assertThat(spec.supportedModels()).isEmpty();
        assertThat(spec.defaultModelName()).isEmpty();
        assertThat(spec.requiredEnvVars()).isEmpty();
        assertThat(spec.requiresCredentials()).isNull();
        assertThat(spec.credentialsRequired()).isFalse();
        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("K"))
                        .build()
                        .credentialsRequired())
                .isTrue();
        assertThat(ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("K"))
                        .requiresCredentials(false)
                        .build()
                        .credentialsRequired())
                .isFalse();
        assertThat(new CountingCost("c").profileSpec()).isSameAs(ProviderProfileSpec.DEFAULTS);
        assertThat(new NoopPolicy("p").profileSpec()).isSameAs(ProviderProfileSpec.DEFAULTS);
        assertThat(new NoopPolicy("p").requestPolicy()).isEmpty();
    }

    @Test
    void runnableModelYieldsPresentSlotsInFieldOrder() {
        CountingCost cost = new CountingCost("m");
        NoopPolicy policy = new NoopPolicy("m");
        RunnableModel model =
                RunnableModel.builder("bundle").cost(cost).policy(policy).build();
        assertThat(model.capabilityFields().keySet()).containsExactly(CapabilityKind.POLICY, CapabilityKind.COST);
        assertThat(model.slot(CapabilityKind.COST)).contains(cost);
        assertThat(model.slot(CapabilityKind.GENERATOR)).isEmpty();
        assertThat(model.profileSpec()).isEmpty();
        assertThat(RunnableModel.builder("empty").build().capabilityFields()).isEmpty();
    }

    // ---------------------------------------------------------------- construction

    @Test
    void wrappingChecksKindInterfaceAndName() {
        assertThatThrownBy(() -> ObservableCapability.wrap("scorer", new CountingCost("c"), Environment.empty(), null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown capability kind 'scorer'. Known kinds: cost, embedder, generator, planner, "
                        + "policy, predictor, reasoner, transferer.");
        assertThatThrownBy(() -> ObservableCapability.wrap(
                        CapabilityKind.POLICY, new CountingCost("c"), Environment.empty(), null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Capability impl 'CountingCost' is missing required method 'select_actions' for kind "
                        + "'policy'.");
        assertThatThrownBy(() -> ObservableCapability.wrap("cost", new CountingCost("  "), Environment.empty(), null))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Capability impl 'CountingCost' must declare a non-empty 'name' attribute.");
        ObservableCapability wrapper =
                ObservableCapability.wrap("cost", new CountingCost("c"), Environment.empty(), null);
        assertThat(wrapper.kind()).isEqualTo(CapabilityKind.COST);
        assertThat(wrapper.name()).isEqualTo("c");
        assertThat(wrapper.eventHandler()).isEmpty();
        assertThat(ObservableCapability.typeName(null)).isEqualTo("null");
        assertThat(ObservableCapability.typeName(new Object() {})).contains("ObservableCapabilityTest$");
    }

    // ---------------------------------------------------------------- calls and events

    @Test
    void successEmitsExactlyOneSuccessEvent() {
        ObservableCapability wrapper = wrap(new CountingCost("cost-a"), Map.of());
        ActionScoreResult result = wrapper.scoreActions(
                JsonObject.EMPTY, Json.parse("[[{\"type\":\"noop\"}],[{\"type\":\"noop\"},{\"type\":\"noop\"}]]"));
        assertThat(result.scores()).containsExactly(1.0, 2.0);
        assertThat(events).hasSize(1);
        ProviderEvent event = events.get(0);
        assertThat(event.provider()).isEqualTo("cost-a");
        assertThat(event.operation()).isEqualTo("score");
        assertThat(event.phase()).isEqualTo("success");
        assertThat(event.durationMs()).isGreaterThanOrEqualTo(0.1);
        assertThat(event.message()).isEmpty();
        assertThat(event.metadata()).isEqualTo(JsonObject.EMPTY);
        assertThat(event.attempt()).isEqualTo(1);
    }

    @Test
    void unexpectedExceptionsAreWrappedAndChained() {
        IllegalStateException boom = new IllegalStateException("boom");
        ObservableCapability wrapper = wrap(
                new ScriptedCost("cost-a", () -> {
                    throw boom;
                }),
                Map.of());
        assertThatThrownBy(() -> wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cost-a' score failed: boom")
                .hasCause(boom);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("failure");
            assertThat(e.message()).isEqualTo("Provider 'cost-a' score failed: boom");
            assertThat(e.durationMs()).isGreaterThanOrEqualTo(0.1);
        });
    }

    @Test
    void validationErrorsOfTheImplementationAreProviderFailuresToo() {
        // WorldForgeException is the caller-input family; raised inside a provider it is a provider failure.
        ObservableCapability wrapper =
                wrap(new ScriptedCost("cost-a", () -> ActionScoreResult.of("cost-a", List.of(1.0), 3)), Map.of());
        assertThatThrownBy(() -> wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cost-a' score failed: ActionScoreResult best_index is out of range.")
                .hasCauseInstanceOf(WorldForgeException.class);
        assertThat(events).extracting(ProviderEvent::phase).containsExactly("failure");
    }

    @Test
    void exceptionsWithoutMessageNameTheirType() {
        ObservableCapability wrapper = wrap(
                new ScriptedCost("cost-a", () -> {
                    throw new UnsupportedOperationException();
                }),
                Map.of());
        assertThatThrownBy(() -> wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY))
                .hasMessage("Provider 'cost-a' score failed: UnsupportedOperationException");
    }

    @Test
    void providerExceptionsAreReportedAndRethrownUnchanged() {
        ProviderException original = new ProviderException("upstream returned 503 token=abc");
        ObservableCapability wrapper = wrap(
                new ScriptedCost("cost-a", () -> {
                    throw original;
                }),
                Map.of());
        assertThatThrownBy(() -> wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY))
                .isSameAs(original);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("failure");
            assertThat(e.message()).isEqualTo("upstream returned 503 token=[redacted]");
        });
    }

    @Test
    void missingResultsAreRejected() {
        ObservableCapability wrapper = wrap(new ScriptedCost("cost-a", () -> null), Map.of());
        assertThatThrownBy(() -> wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cost-a' score returned null; expected ActionScoreResult.");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("failure");
            assertThat(e.message()).isEqualTo("Provider 'cost-a' score returned null; expected ActionScoreResult.");
        });
    }

    @Test
    void callingAnotherKindFailsClosedWithoutEvents() {
        ObservableCapability wrapper = wrap(new CountingCost("cost-a"), Map.of());
        assertThatThrownBy(() -> wrapper.selectActions(JsonObject.EMPTY))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Provider 'cost-a' does not implement select_actions().");
        assertThatThrownBy(() -> wrapper.embed("x")).hasMessage("Provider 'cost-a' does not implement embed().");
        assertThat(events).isEmpty();
    }

    @Test
    void withoutAHandlerNothingIsEmitted() {
        ObservableCapability wrapper =
                ObservableCapability.wrap(CapabilityKind.COST, new CountingCost("c"), Environment.empty(), null);
        assertThat(wrapper.scoreActions(JsonObject.EMPTY, JsonArray.EMPTY).scores())
                .containsExactly(0.0);
        assertThat(events).isEmpty();
    }

    // ---------------------------------------------------------------- provider surfaces

    @Test
    void profileHasOnlyItsCapabilityAndTheSpecFields() {
        ProviderProfileSpec spec = ProviderProfileSpec.builder()
                .description("cost model")
                .packageName("acme-costs")
                .implementationStatus("beta")
                .deterministic(true)
                .local(true)
                .supportedModalities(List.of("pixels"))
                .artifactTypes(List.of("action_scores"))
                .notes(List.of("a note"))
                .defaultModel("m1")
                .supportedModels(List.of("m1", "m2"))
                .requiredEnvVars(List.of("ACME_KEY", "ACME_URL"))
                .build();
        ProviderRequestPolicy policy = ProviderRequestPolicy.remoteDefaults(30);
        Cost impl = new Cost() {
            @Override
            public String name() {
                return "acme";
            }

            @Override
            public ProviderProfileSpec profileSpec() {
                return spec;
            }

            @Override
            public Optional<ProviderRequestPolicy> requestPolicy() {
                return Optional.of(policy);
            }

            @Override
            public ActionScoreResult scoreActions(JsonObject info, ai.worldforge.json.JsonValue candidates) {
                return ActionScoreResult.of("acme", List.of(1.0), 0);
            }
        };
        ProviderProfile profile = wrap(impl, Map.of()).profile();
        assertThat(profile.name()).isEqualTo("acme");
        assertThat(profile.capabilities().enabledNames()).containsExactly("score");
        assertThat(profile.description()).isEqualTo("cost model");
        assertThat(profile.packageName()).isEqualTo("acme-costs");
        assertThat(profile.implementationStatus()).isEqualTo("beta");
        assertThat(profile.deterministic()).isTrue();
        assertThat(profile.isLocal()).isTrue();
        assertThat(profile.supportedModalities()).containsExactly("pixels");
        assertThat(profile.artifactTypes()).containsExactly("action_scores");
        assertThat(profile.notes()).containsExactly("a note");
        assertThat(profile.defaultModel()).contains("m1");
        assertThat(profile.supportedModels()).containsExactly("m1", "m2");
        assertThat(profile.requiredEnvVars()).containsExactly("ACME_KEY", "ACME_URL");
        assertThat(profile.credentialEnvVar()).contains("ACME_KEY");
        assertThat(profile.requiresCredentials()).isTrue();
        assertThat(profile.requestPolicy()).contains(policy);
        assertThat(wrap(impl, Map.of()).info().capabilities().enabledNames()).containsExactly("score");

        ProviderProfile plain = wrap(new CountingCost("c"), Map.of()).profile();
        assertThat(plain.credentialEnvVar()).isEmpty();
        assertThat(plain.requiresCredentials()).isFalse();
        assertThat(plain.requestPolicy()).isEmpty();
        assertThat(plain.packageName()).isEqualTo("worldforge");
        assertThat(plain.implementationStatus()).isEqualTo("experimental");
    }

    @Test
    void configuredAndHealthReadTheInjectedEnvironment() {
        CountingCost impl = new CountingCost(
                "acme",
                ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("ACME_KEY", "ACME_URL"))
                        .build());
        ObservableCapability unset = wrap(impl, Map.of());
        assertThat(unset.configured()).isFalse();
        assertThat(unset.health().healthy()).isFalse();
        assertThat(unset.health().details()).isEqualTo("missing ACME_KEY, ACME_URL");
        ObservableCapability half = wrap(impl, Map.of("ACME_KEY", "k", "ACME_URL", "  "));
        assertThat(half.configured()).isFalse();
        assertThat(half.health().details()).isEqualTo("missing ACME_URL");
        ObservableCapability set = wrap(impl, Map.of("ACME_KEY", "k", "ACME_URL", "u"));
        assertThat(set.configured()).isTrue();
        assertThat(set.health().healthy()).isTrue();
        assertThat(set.health().details()).isEqualTo("configured");
        assertThat(set.health().latencyMs()).isGreaterThanOrEqualTo(0.1);
        assertThat(wrap(new CountingCost("free"), Map.of()).configured()).isTrue();
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void defaultLifecycleFollowsConfiguration() {
        CountingCost impl = new CountingCost(
                "acme",
                ProviderProfileSpec.builder()
                        .requiredEnvVars(List.of("ACME_KEY"))
                        .build());
        ProviderLifecycleResult skipped = wrap(impl, Map.of()).preflight();
        assertThat(skipped.status()).isEqualTo("skipped");
        assertThat(skipped.ready()).isFalse();
        assertThat(skipped.details()).isEqualTo("missing ACME_KEY");
        assertThat(skipped.skipReason()).isEqualTo("missing ACME_KEY");
        assertThat(skipped.evidence()).isEqualTo(JsonObject.of("configured", JsonBool.FALSE));

        ObservableCapability configured = wrap(impl, Map.of("ACME_KEY", "k"));
        ProviderLifecycleResult preflight = configured.preflight();
        assertThat(preflight.status()).isEqualTo("no-op");
        assertThat(preflight.ready()).isTrue();
        assertThat(preflight.details()).isEqualTo("no provider preflight hook declared");
        assertThat(preflight.evidence()).isEqualTo(JsonObject.of("configured", JsonBool.TRUE));
        assertThat(configured.warmup().details()).isEqualTo("no provider warmup hook declared");
        assertThat(configured.warmup().evidence()).isEqualTo(JsonObject.EMPTY);
        assertThat(configured.teardown().status()).isEqualTo("no-op");
        assertThat(configured.teardown().details()).isEqualTo("no provider teardown hook declared");

        ProviderLifecycleStatus status = configured.lifecycleStatus(true, true);
        assertThat(status.status()).isEqualTo("no-op");
        assertThat(status.ready()).isTrue();
        assertThat(status.warmupResult()).isPresent();
        assertThat(status.teardownResult()).isPresent();
        ProviderLifecycleStatus notReady = wrap(impl, Map.of()).lifecycleStatus(true, false);
        assertThat(notReady.status()).isEqualTo("skipped");
        assertThat(notReady.warmupResult())
                .as("warm-up needs a ready preflight")
                .isEmpty();
    }

    @Test
    void customHooksAreUsedAndGuarded() {
        ProviderLifecycleResult ready = new ProviderLifecycleResult(
                "hooked", "preflight", "ready", true, 1.5, "model loaded", "", JsonObject.EMPTY);
        ProviderLifecycleResult teardownFailed = new ProviderLifecycleResult(
                "hooked", "teardown", "failed", false, 0.0, "could not release GPU", "", JsonObject.EMPTY);
        ObservableCapability wrapper = wrap(
                new HookedCost(
                        "hooked",
                        () -> Optional.of(ready),
                        () -> {
                            throw new IllegalStateException("warm-up exploded");
                        },
                        () -> Optional.of(teardownFailed)),
                Map.of());
        assertThat(wrapper.preflight()).isEqualTo(ready);
        assertThat(wrapper.warmup().status()).isEqualTo("failed");
        assertThat(wrapper.warmup().details()).isEqualTo("warmup hook failed: warm-up exploded");
        assertThat(wrapper.teardown().status()).isEqualTo("teardown-failed");
        assertThat(wrapper.teardown().details()).isEqualTo("could not release GPU");
        ProviderLifecycleStatus status = wrapper.lifecycleStatus(true, true);
        assertThat(status.status()).isEqualTo("teardown-failed");
        assertThat(status.ready()).isFalse();

        ProviderLifecycleResult foreign =
                new ProviderLifecycleResult("someone-else", "preflight", "ready", true, 0.0, "", "", JsonObject.EMPTY);
        ObservableCapability mismatched =
                wrap(new HookedCost("hooked", () -> Optional.of(foreign), Optional::empty, Optional::empty), Map.of());
        assertThat(mismatched.preflight().status()).isEqualTo("failed");
        assertThat(mismatched.preflight().details())
                .isEqualTo("preflight hook returned result for provider 'someone-else' and hook 'preflight'.");
        ObservableCapability nulls =
                wrap(new HookedCost("hooked", () -> null, Optional::empty, Optional::empty), Map.of());
        assertThat(nulls.preflight().details())
                .isEqualTo("preflight hook returned null; expected ProviderLifecycleResult.");
    }
}
