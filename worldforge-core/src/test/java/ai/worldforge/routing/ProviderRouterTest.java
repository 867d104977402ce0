package ai.worldforge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.error.ProviderException;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.model.VideoClip;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.mock.MockProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider routing: behaviour 64 of upstream-core.md §9 and the rules of §7.2. */
class ProviderRouterTest {
    @TempDir
    Path dir;

    private WorldForge forge() {
        return WorldForge.builder().stateDir(dir.resolve("worlds")).build();
    }

    // ---------------------------------------------------------------- behaviour 64

    @Test
    void generateFallsBackFromAnUnregisteredProviderToMock() {
        WorldForge forge = forge();
        RoutingResult<VideoClip> result = ProviderRouter.route(
                ProviderRoutingPolicy.of(Capability.GENERATE, "cosmos", "mock"),
                forge,
                name -> forge.generate("a red cube", name));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.chosen()).isEqualTo("mock");
        assertThat(result.chosenProvider()).contains("mock");
        assertThat(result.value()).isNotNull();
        assertThat(result.result()).isPresent();
        assertThat(result.attempts())
                .extracting(RoutingAttempt::status)
                .containsExactly(RoutingStatus.SKIPPED_NOT_REGISTERED, RoutingStatus.SUCCEEDED);
        assertThat(result.attempts().get(0))
                .isEqualTo(new RoutingAttempt(
                        "cosmos",
                        "generate",
                        RoutingStatus.SKIPPED_NOT_REGISTERED,
                        "provider 'cosmos' is not registered",
                        null,
                        null));
        assertThat(result.attempts().get(1))
                .isEqualTo(new RoutingAttempt("mock", "generate", RoutingStatus.SUCCEEDED, null, null, null));
        assertThat(result.skippedAttempts()).hasSize(1);
        assertThat(result.failedAttempts()).isEmpty();
    }

    @Test
    void scoreOnMockIsSkippedAsIncompatible() {
        WorldForge forge = forge();
        List<String> invoked = new ArrayList<>();
        RoutingResult<Object> result =
                ProviderRouter.route(new ProviderRoutingPolicy("score", "mock", List.of()), forge, name -> {
                    invoked.add(name);
                    return name;
                });
        assertThat(invoked).isEmpty();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.chosen()).isNull();
        assertThat(result.chosenProvider()).isEmpty();
        assertThat(result.value()).isNull();
        assertThat(result.attempts())
                .containsExactly(new RoutingAttempt(
                        "mock",
                        "score",
                        RoutingStatus.SKIPPED_INCOMPATIBLE,
                        "provider 'mock' does not advertise capability 'score'",
                        null,
                        null));
    }

    @Test
    void duplicateChainNamesAreRejected() {
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", "mock", List.of("cosmos", " mock ")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderRoutingPolicy provider 'mock' duplicated in chain.");
        assertThatThrownBy(() -> ProviderRoutingPolicy.of(Capability.GENERATE, "mock", "runway", "runway"))
                .hasMessage("ProviderRoutingPolicy provider 'runway' duplicated in chain.");
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aFailingProviderIsRecordedAndTheChainGoesOn() {
        WorldForge forge = forge();
        forge.registerProvider(new MockProvider("mock-b", null));
        RoutingResult<String> result =
                ProviderRouter.route(ProviderRoutingPolicy.of(Capability.PREDICT, "mock", "mock-b"), forge, name -> {
                    if (name.equals("mock")) {
                        throw new ProviderException("Provider 'mock' timed out after 30s.");
                    }
                    return "ok from " + name;
                });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.chosen()).isEqualTo("mock-b");
        assertThat(result.value()).isEqualTo("ok from mock-b");
        assertThat(result.attempts())
                .containsExactly(
                        new RoutingAttempt(
                                "mock",
                                "predict",
                                RoutingStatus.FAILED,
                                null,
                                "ProviderException",
                                "Provider 'mock' timed out after 30s."),
                        new RoutingAttempt("mock-b", "predict", RoutingStatus.SUCCEEDED, null, null, null));
        assertThat(result.failedAttempts()).extracting(RoutingAttempt::provider).containsExactly("mock");
        assertThat(result.skippedAttempts()).isEmpty();
    }

    @Test
    void withoutRequireCapabilityEveryRegisteredProviderIsInvoked() {
        WorldForge forge = forge();
        RoutingResult<Object> result = ProviderRouter.route(
                new ProviderRoutingPolicy("score", "mock", List.of("jepa", "nobody"), false, " scoring "),
                forge,
                name -> forge.scoreActions(name, JsonObject.EMPTY, JsonArray.EMPTY));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.attempts())
                .containsExactly(
                        new RoutingAttempt(
                                "mock",
                                "score",
                                RoutingStatus.FAILED,
                                null,
                                "ProviderException",
                                "Provider 'mock' does not implement score_actions()."),
                        new RoutingAttempt(
                                "jepa",
                                "score",
                                RoutingStatus.SKIPPED_NOT_REGISTERED,
                                "provider 'jepa' is not registered",
                                null,
                                null),
                        new RoutingAttempt(
                                "nobody",
                                "score",
                                RoutingStatus.SKIPPED_NOT_REGISTERED,
                                "provider 'nobody' is not registered",
                                null,
                                null));
        assertThat(result.failedAttempts()).hasSize(1);
        assertThat(result.skippedAttempts()).hasSize(2);
    }

    @Test
    void exceptionTypesAreSimpleNamesAndMissingMessagesAreEmpty() {
        WorldForge forge = forge();
        forge.registerProvider(new MockProvider("mock-b", null));
        forge.registerProvider(new MockProvider("mock-c", null));
        RoutingResult<String> result = ProviderRouter.route(
                ProviderRoutingPolicy.of(Capability.EMBED, "mock", "mock-b", "mock-c"), forge, name -> {
                    switch (name) {
                        case "mock" -> throw new IllegalStateException();
                        case "mock-b" -> throw new java.io.IOException("socket closed") {};
                        default -> throw new Exception("checked");
                    }
                });
        assertThat(result.attempts())
                .extracting(RoutingAttempt::errorType, RoutingAttempt::errorMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("IllegalStateException", ""),
                        org.assertj.core.groups.Tuple.tuple(
                                "ai.worldforge.routing.ProviderRouterTest$1", "socket closed"),
                        org.assertj.core.groups.Tuple.tuple("Exception", "checked"));
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void failedAttemptMessagesAreRedacted() {
        WorldForge forge = forge();
        RoutingResult<String> result =
                ProviderRouter.route(ProviderRoutingPolicy.of(Capability.EMBED, "mock"), forge, name -> {
                    throw new IllegalStateException(
                            "GET https://user:pw@api.example.com/v1?token=abc failed: Bearer sk-123 api_key=xyz");
                });
        String message = result.attempts().get(0).errorMessage();
        assertThat(message)
                .doesNotContain("pw@")
                .doesNotContain("abc")
                .doesNotContain("sk-123")
                .doesNotContain("xyz");
        assertThat(message).contains("https://api.example.com/v1");
    }

    @Test
    void interruptionStopsTheChain() {
        WorldForge forge = forge();
        forge.registerProvider(new MockProvider("mock-b", null));
        List<String> invoked = new ArrayList<>();
        RoutingResult<String> result =
                ProviderRouter.route(ProviderRoutingPolicy.of(Capability.PREDICT, "mock", "mock-b"), forge, name -> {
                    invoked.add(name);
                    throw new InterruptedException("shutting down");
                });
        try {
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(invoked).containsExactly("mock");
        assertThat(result.attempts())
                .containsExactly(new RoutingAttempt(
                        "mock", "predict", RoutingStatus.FAILED, null, "InterruptedException", "shutting down"));
    }

    @Test
    void nullInvocationValuesStillSucceed() {
        RoutingResult<Void> result =
                ProviderRouter.route(ProviderRoutingPolicy.of(Capability.PREDICT, "mock"), forge(), name -> null);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.chosen()).isEqualTo("mock");
        assertThat(result.result()).isEmpty();
    }

    @Test
    void capabilityImplementationsAreRoutedByTheirRegisteredName() {
        WorldForge forge = forge();
        forge.registerCost(new Cost() {
            @Override
            public String name() {
                return "lab-cost";
            }

            @Override
            public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
                return ActionScoreResult.of("lab-cost", List.of(0.25, 0.5), 0);
            }
        });
        RoutingResult<ActionScoreResult> result = ProviderRouter.route(
                ProviderRoutingPolicy.of(Capability.SCORE, "mock", "lab-cost"),
                forge,
                name -> forge.scoreActions(name, JsonObject.EMPTY, JsonArray.EMPTY));
        assertThat(result.attempts())
                .extracting(RoutingAttempt::status)
                .containsExactly(RoutingStatus.SKIPPED_INCOMPATIBLE, RoutingStatus.SUCCEEDED);
        assertThat(result.chosen()).isEqualTo("lab-cost");
        assertThat(result.result())
                .hasValueSatisfying(v -> assertThat(v.bestIndex()).isZero());
    }

    // ---------------------------------------------------------------- policy and JSON

    @Test
    void policyValidationAndNormalisation() {
        ProviderRoutingPolicy policy =
                new ProviderRoutingPolicy("generate", "  cosmos ", List.of(" runway", "mock "), true, " routing ");
        assertThat(policy.preferred()).isEqualTo("cosmos");
        assertThat(policy.fallbacks()).containsExactly("runway", "mock");
        assertThat(policy.operation()).isEqualTo("routing");
        assertThat(policy.chain()).containsExactly("cosmos", "runway", "mock");
        assertThat(Json.writePretty(policy.toJson(), false)).isEqualTo("""
                        {
                          "capability": "generate",
                          "preferred": "cosmos",
                          "fallbacks": [
                            "runway",
                            "mock"
                          ],
                          "require_capability": true,
                          "operation": "routing"
                        }""");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("fly", "mock", List.of()))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("ProviderRoutingPolicy capability must be one of: predict, generate, reason, embed, plan,"
                        + " transfer, score, policy.");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", " ", List.of()))
                .hasMessage("ProviderRoutingPolicy preferred must be a non-empty string.");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", "mock", Arrays.asList("runway", null)))
                .hasMessage("ProviderRoutingPolicy fallbacks must be non-empty strings.");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", "mock", List.of("")))
                .hasMessage("ProviderRoutingPolicy fallbacks must be non-empty strings.");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", "mock", null, true, "routing"))
                .hasMessage("ProviderRoutingPolicy fallbacks must be a sequence of provider names.");
        assertThatThrownBy(() -> new ProviderRoutingPolicy("generate", "mock", List.of(), true, "\t"))
                .hasMessage("ProviderRoutingPolicy operation must be a non-empty string.");
    }

    @Test
    void attemptAndResultValidation() {
        assertThatThrownBy(() -> new RoutingAttempt(" ", "predict", RoutingStatus.FAILED, null, null, null))
                .hasMessage("RoutingAttempt provider must be a non-empty string.");
        assertThatThrownBy(() -> new RoutingAttempt("mock", "fly", RoutingStatus.FAILED, null, null, null))
                .hasMessage("RoutingAttempt capability must be one of: predict, generate, reason, embed, plan,"
                        + " transfer, score, policy.");
        assertThat(new RoutingAttempt(" mock ", "predict", RoutingStatus.FAILED, null, null, null).provider())
                .isEqualTo("mock");
        assertThatThrownBy(() -> new RoutingResult<>("fly", null, false, List.of(), null))
                .hasMessage("RoutingResult capability must be one of: predict, generate, reason, embed, plan,"
                        + " transfer, score, policy.");
        assertThatThrownBy(() -> new RoutingResult<>("predict", " ", false, List.of(), null))
                .hasMessage("RoutingResult chosen must be None or a non-empty provider name.");
        assertThat(RoutingStatus.values())
                .extracting(RoutingStatus::wireName)
                .containsExactly("succeeded", "failed", "skipped-not-registered", "skipped-incompatible");
    }

    @Test
    void resultJsonLeavesTheValueOut() {
        WorldForge forge = forge();
        RoutingResult<String> result = ProviderRouter.route(
                ProviderRoutingPolicy.of(Capability.GENERATE, "cosmos", "mock"), forge, name -> "secret value");
        assertThat(Json.writePretty(result.toJson(), false)).isEqualTo("""
                        {
                          "capability": "generate",
                          "chosen": "mock",
                          "succeeded": true,
                          "attempts": [
                            {
                              "provider": "cosmos",
                              "capability": "generate",
                              "status": "skipped-not-registered",
                              "reason": "provider 'cosmos' is not registered",
                              "error_type": null,
                              "error_message": null
                            },
                            {
                              "provider": "mock",
                              "capability": "generate",
                              "status": "succeeded",
                              "reason": null,
                              "error_type": null,
                              "error_message": null
                            }
                          ]
                        }""");
    }
}
