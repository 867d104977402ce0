package ai.worldforge.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.worldforge.WorldForge;
import ai.worldforge.capability.Cost;
import ai.worldforge.capability.Policy;
import ai.worldforge.capability.ProviderProfileSpec;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.model.ActionPolicyResult;
import ai.worldforge.model.ActionScoreResult;
import ai.worldforge.negotiation.StubProvider.Health;
import ai.worldforge.provider.Capability;
import ai.worldforge.provider.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capability negotiation: behaviour 63 of upstream-core.md §9 and the rules of §7.1. */
class CapabilityNegotiatorTest {
    private static final String GROOT_ACTION = "Configure provider 'gr00t' to serve capability 'policy': provider"
            + " profile 'gr00t' is not configured: missing GROOT_POLICY_HOST.";
    private static final String LEWM_ACTION = "Configure provider 'leworldmodel' to serve capability 'score':"
            + " provider profile 'leworldmodel' is not configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY.";

    @TempDir
    Path dir;

    private WorldForge forge(Map<String, String> env) {
        return WorldForge.builder()
                .stateDir(dir.resolve("worlds"))
                .environment(Environment.of(env))
                .build();
    }

    private WorldForge forge() {
        return forge(Map.of());
    }

    private static CapabilityRequirement requirement(NegotiationReport report, String capability) {
        return report.workflows().get(0).requirements().stream()
                .filter(r -> r.capability().equals(capability))
                .findFirst()
                .orElseThrow();
    }

    private static ProviderCandidateStatus candidate(CapabilityRequirement requirement, String name) {
        return requirement.candidates().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    // ---------------------------------------------------------------- workflows

    @Test
    void thirteenBuiltInWorkflowsInDisplayOrder() {
        assertThat(Workflows.names())
                .containsExactly(
                        "predict-only",
                        "generate-only",
                        "score-only",
                        "policy-only",
                        "transfer-only",
                        "reason-only",
                        "embed-only",
                        "policy-plus-score",
                        "evaluation-generation",
                        "evaluation-physics",
                        "evaluation-planning",
                        "evaluation-reasoning",
                        "evaluation-transfer");
        assertThat(Workflows.all()).extracting(WorkflowSpec::name).containsExactlyElementsOf(Workflows.names());
        assertThat(Workflows.get("policy-plus-score").requiredCapabilities()).containsExactly("policy", "score");
        assertThat(Workflows.get("evaluation-planning").requiredCapabilities()).containsExactly("predict");
        assertThat(Workflows.get("evaluation-generation").description())
                .isEqualTo("Mirrors the built-in 'generation' evaluation suite's required capability surface.");
        assertThat(Workflows.get("transfer-only").notes()).isEmpty();
    }

    @Test
    void unknownWorkflowNamesTheKnownOnes() {
        assertThatThrownBy(() -> Workflows.get("nope"))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("Unknown workflow 'nope'. Known workflows: predict-only, generate-only, score-only,"
                        + " policy-only, transfer-only, reason-only, embed-only, policy-plus-score,"
                        + " evaluation-generation, evaluation-physics, evaluation-planning, evaluation-reasoning,"
                        + " evaluation-transfer.");
        assertThatThrownBy(() -> CapabilityNegotiator.negotiateNamed(forge(), List.of("predict-only", "nope")))
                .hasMessageStartingWith("Unknown workflow 'nope'.");
    }

    @Test
    void workflowSpecValidation() {
        assertThatThrownBy(() -> new WorkflowSpec(" ", "x", "x", List.of("predict")))
                .isInstanceOf(WorldForgeException.class)
                .hasMessage("WorkflowSpec name must be a non-empty string.");
        assertThatThrownBy(() -> new WorkflowSpec("bogus", "x", "x", List.of()))
                .hasMessage("WorkflowSpec 'bogus' must declare at least one required capability.");
        assertThatThrownBy(() -> new WorkflowSpec("bogus", "x", "x", List.of("predict", "fly", "swim")))
                .hasMessage("WorkflowSpec 'bogus' has unknown capabilities: fly, swim. Known capabilities: predict,"
                        + " generate, reason, embed, plan, transfer, score, policy.");
        assertThat(new WorkflowSpec("w", "t", "d", List.of("plan")).notes()).isEmpty();
    }

    @Test
    void workflowJsonKeepsTheReferenceKeys() {
        assertThat(Json.writePretty(Workflows.get("score-only").toJson(), false))
                .isEqualTo("""
                        {
                          "name": "score-only",
                          "title": "Score-only workflow",
                          "description": "Action scoring workflows that only need a score-capable provider.",
                          "required_capabilities": [
                            "score"
                          ],
                          "notes": "LeWorldModel requires LEWORLDMODEL_POLICY or LEWM_POLICY."
                        }""");
    }

    // ---------------------------------------------------------------- behaviour 63

    @Test
    void predictOnlyIsReadyWithMock() {
        NegotiationReport report = CapabilityNegotiator.negotiateNamed(forge(), List.of("predict-only"));
        WorkflowNegotiation negotiation = report.workflows().get(0);
        assertThat(report.schemaVersion()).isEqualTo(1);
        assertThat(negotiation.ready()).isTrue();
        assertThat(negotiation.summary()).isEqualTo("ready with: mock");
        assertThat(negotiation.recommendedActions()).isEmpty();
        CapabilityRequirement predict = requirement(report, "predict");
        assertThat(predict.readyProviders()).containsExactly("mock");
        assertThat(predict.recommendation()).isEmpty();
        assertThat(predict.candidates())
                .containsExactly(
                        new ProviderCandidateStatus("mock", "predict", true, true, true, true, Readiness.READY, null));
    }

    @Test
    void policyPlusScoreIsBlockedWithTheReferenceCandidatesAndActions() {
        NegotiationReport report = CapabilityNegotiator.negotiateNamed(forge(), List.of("policy-plus-score"));
        WorkflowNegotiation negotiation = report.workflows().get(0);
        assertThat(negotiation.ready()).isFalse();
        assertThat(negotiation.summary()).isEqualTo("missing capability coverage: policy, score");
        CapabilityRequirement policy = requirement(report, "policy");
        assertThat(policy.candidates())
                .extracting(ProviderCandidateStatus::name, ProviderCandidateStatus::readiness)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gr00t", Readiness.MISSING_CONFIG),
                        org.assertj.core.groups.Tuple.tuple("lerobot", Readiness.MISSING_CONFIG));
        CapabilityRequirement score = requirement(report, "score");
        assertThat(score.candidates())
                .extracting(ProviderCandidateStatus::name, ProviderCandidateStatus::readiness)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("leworldmodel", Readiness.MISSING_CONFIG),
                        org.assertj.core.groups.Tuple.tuple("jepa", Readiness.NOT_REGISTERED));
        assertThat(policy.recommendedAction()).isEqualTo(GROOT_ACTION);
        assertThat(score.recommendedAction()).isEqualTo(LEWM_ACTION);
        assertThat(negotiation.recommendedActions()).containsExactly(GROOT_ACTION, LEWM_ACTION);
        assertThat(candidate(policy, "lerobot").reason())
                .isEqualTo(
                        "provider profile 'lerobot' is not configured: missing LEROBOT_POLICY_PATH or LEROBOT_POLICY");
        assertThat(candidate(score, "jepa").reason())
                .isEqualTo("provider 'jepa' is known but not registered on this forge");
    }

    @Test
    void everyWorkflowWithOnlyMockHasTenReady() {
        WorldForge forge = forge();
        NegotiationReport report = CapabilityNegotiator.negotiate(forge);
        assertThat(report.workflows()).hasSize(13);
        assertThat(report.readyCount()).isEqualTo(10);
        assertThat(report.allReady()).isFalse();
        assertThat(report.workflows())
                .filteredOn(w -> !w.ready())
                .extracting(w -> w.workflow().name())
                .containsExactly("score-only", "policy-only", "policy-plus-score");
        assertThat(CapabilityNegotiator.negotiate(forge, List.of()).toJson()).isEqualTo(report.toJson());
    }

    @Test
    void generateCandidatesFollowCatalogOrder() {
        CapabilityRequirement generate =
                requirement(CapabilityNegotiator.negotiateNamed(forge(), List.of("generate-only")), "generate");
        assertThat(generate.candidates())
                .extracting(ProviderCandidateStatus::name)
                .containsExactly("mock", "cosmos", "runway");
        assertThat(candidate(generate, "cosmos").reason())
                .isEqualTo("provider profile 'cosmos' is not configured: missing COSMOS_BASE_URL");
        assertThat(candidate(generate, "runway").reason())
                .isEqualTo(
                        "provider profile 'runway' is not configured: missing RUNWAYML_API_SECRET or RUNWAY_API_SECRET");
    }

    // ---------------------------------------------------------------- readiness values

    @Test
    void configurationIsReadFromTheForgeEnvironment() {
        // GROOT_POLICY_HOST closes gr00t's profile gap; this build has no gr00t adapter, so it is
        // known but not registered, and the next configuration gap (lerobot) is recommended.
        NegotiationReport report = CapabilityNegotiator.negotiateNamed(
                forge(Map.of("GROOT_POLICY_HOST", "10.0.0.5")), List.of("policy-only"));
        CapabilityRequirement policy = requirement(report, "policy");
        assertThat(candidate(policy, "gr00t"))
                .isEqualTo(new ProviderCandidateStatus(
                        "gr00t",
                        "policy",
                        false,
                        true,
                        false,
                        false,
                        Readiness.NOT_REGISTERED,
                        "provider 'gr00t' is known but not registered on this forge"));
        assertThat(policy.recommendedAction())
                .isEqualTo("Configure provider 'lerobot' to serve capability 'policy': provider profile 'lerobot' is"
                        + " not configured: missing LEROBOT_POLICY_PATH or LEROBOT_POLICY.");
        // Blank values do not count as configured.
        assertThat(candidate(
                                requirement(
                                        CapabilityNegotiator.negotiateNamed(
                                                forge(Map.of("LEWM_POLICY", "  ")), List.of("score-only")),
                                        "score"),
                                "leworldmodel")
                        .readiness())
                .isEqualTo(Readiness.MISSING_CONFIG);
    }

    @Test
    void candidatesWithoutConfigurationGapsAskForRegistration() {
        NegotiationReport report =
                CapabilityNegotiator.negotiateNamed(forge(Map.of("LEWM_POLICY", "pusht/lewm")), List.of("score-only"));
        CapabilityRequirement score = requirement(report, "score");
        assertThat(score.candidates())
                .extracting(ProviderCandidateStatus::readiness)
                .containsOnly(Readiness.NOT_REGISTERED);
        assertThat(score.recommendedAction())
                .isEqualTo("Register or configure a provider that supports capability 'score'.");
    }

    @Test
    void capabilitiesNoCatalogProviderAdvertisesGetTheCatalogAction() {
        WorkflowSpec planning = new WorkflowSpec("planner", "Planner", "Plans.", List.of("plan", "plan"));
        WorkflowNegotiation negotiation = CapabilityNegotiator.negotiate(forge(), List.of(planning))
                .workflows()
                .get(0);
        String action = "No provider in the catalog advertises capability 'plan'. Register a provider that does,"
                + " via WorldForge.register_provider().";
        assertThat(negotiation.requirements()).hasSize(2).allSatisfy(r -> {
            assertThat(r.candidates()).isEmpty();
            assertThat(r.recommendedAction()).isEqualTo(action);
        });
        // Repeated actions are listed once.
        assertThat(negotiation.recommendedActions()).containsExactly(action);
        assertThat(negotiation.summary()).isEqualTo("missing capability coverage: plan, plan");
    }

    @Test
    void registeredProvidersAreClassifiedByConfigurationAndHealth() {
        WorldForge forge = forge();
        forge.registerProvider(new StubProvider("gr00t", false, Health.UNHEALTHY, Capability.POLICY));
        forge.registerProvider(new StubProvider("a-policy", false, Health.HEALTHY, Capability.POLICY));
        forge.registerProvider(new StubProvider("b-policy", true, Health.UNHEALTHY, Capability.POLICY));
        forge.registerProvider(new StubProvider("c-policy", true, Health.THROWS, Capability.POLICY));
        forge.registerProvider(new StubProvider("d-score", true, Health.HEALTHY, Capability.SCORE));
        CapabilityRequirement policy =
                requirement(CapabilityNegotiator.negotiateNamed(forge, List.of("policy-only")), "policy");
        assertThat(policy.candidates())
                .containsExactly(
                        new ProviderCandidateStatus(
                                "gr00t",
                                "policy",
                                true,
                                true,
                                false,
                                false,
                                Readiness.MISSING_CONFIG,
                                "provider profile 'gr00t' is not configured: missing GROOT_POLICY_HOST"),
                        new ProviderCandidateStatus(
                                "lerobot",
                                "policy",
                                false,
                                true,
                                false,
                                false,
                                Readiness.MISSING_CONFIG,
                                "provider profile 'lerobot' is not configured: missing LEROBOT_POLICY_PATH or"
                                        + " LEROBOT_POLICY"),
                        new ProviderCandidateStatus(
                                "a-policy",
                                "policy",
                                true,
                                true,
                                false,
                                true,
                                Readiness.MISSING_CONFIG,
                                "provider 'a-policy' reports configured() == False"),
                        new ProviderCandidateStatus(
                                "b-policy",
                                "policy",
                                true,
                                true,
                                true,
                                false,
                                Readiness.MISSING_DEPENDENCY,
                                "provider 'b-policy' health check is unhealthy"),
                        new ProviderCandidateStatus(
                                "c-policy",
                                "policy",
                                true,
                                true,
                                true,
                                false,
                                Readiness.MISSING_DEPENDENCY,
                                "provider 'c-policy' health check is unhealthy"));
        assertThat(policy.recommendedAction()).isEqualTo(GROOT_ACTION);
        CapabilityRequirement score =
                requirement(CapabilityNegotiator.negotiateNamed(forge, List.of("score-only")), "score");
        assertThat(score.readyProviders()).containsExactly("d-score");
        assertThat(score.recommendedAction()).isNull();
    }

    @Test
    void aReplacedCatalogProviderIsACandidateForWhatItAdvertises() {
        // The catalog's mock does not score; a provider registered under that name that does is
        // still a candidate (after the catalog candidates), as in the reference.
        WorldForge forge = forge();
        forge.registerProvider(new StubProvider("mock", true, Health.HEALTHY, Capability.SCORE));
        WorkflowNegotiation score = CapabilityNegotiator.negotiateNamed(forge, List.of("score-only"))
                .workflows()
                .get(0);
        assertThat(score.requirements().get(0).candidates())
                .extracting(ProviderCandidateStatus::name)
                .containsExactly("leworldmodel", "jepa", "mock");
        assertThat(score.summary()).isEqualTo("ready with: mock");
    }

    private static Cost cost(String name, List<String> requiredEnvVars) {
        return new Cost() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ProviderProfileSpec profileSpec() {
                return ProviderProfileSpec.builder()
                        .requiredEnvVars(requiredEnvVars)
                        .build();
            }

            @Override
            public ActionScoreResult scoreActions(JsonObject info, JsonValue actionCandidates) {
                return ActionScoreResult.of(name, List.of(0.0), 0);
            }
        };
    }

    private static Policy policy(String name) {
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ActionPolicyResult selectActions(JsonObject info) {
                return ActionPolicyResult.of(name, List.of(Action.moveTo(0, 0, 0)));
            }
        };
    }

    @Test
    void namesRegisteredOnlyThroughCapabilityRegistriesAreOrdinaryCandidates() {
        // The reference throws "Provider 'lab-cost' is not registered." here.
        WorldForge forge = forge();
        forge.registerCost(cost("lab-cost", List.of()));
        forge.registerPolicy(policy("lab-policy"));
        NegotiationReport report = CapabilityNegotiator.negotiateNamed(forge, List.of("policy-plus-score"));
        WorkflowNegotiation negotiation = report.workflows().get(0);
        assertThat(negotiation.ready()).isTrue();
        assertThat(negotiation.summary()).isEqualTo("ready with: lab-cost, lab-policy");
        assertThat(negotiation.recommendedActions()).isEmpty();
        assertThat(requirement(report, "policy").candidates())
                .extracting(ProviderCandidateStatus::name)
                .containsExactly("gr00t", "lerobot", "lab-policy");
        assertThat(candidate(requirement(report, "score"), "lab-cost"))
                .isEqualTo(new ProviderCandidateStatus(
                        "lab-cost", "score", true, true, true, true, Readiness.READY, null));
        // A registry name is a candidate only for what it implements.
        assertThat(requirement(CapabilityNegotiator.negotiateNamed(forge, List.of("predict-only")), "predict")
                        .candidates())
                .extracting(ProviderCandidateStatus::name)
                .containsExactly("mock");
        // With every workflow, nothing throws and the two blocked ones are now ready.
        assertThat(CapabilityNegotiator.negotiate(forge).readyCount()).isEqualTo(13);
    }

    @Test
    void unconfiguredCapabilityImplementationsAreMissingConfig() {
        WorldForge forge = forge(Map.of("LAB_COST_TOKEN", " "));
        forge.registerCost(cost("lab-cost", List.of("LAB_COST_TOKEN")));
        CapabilityRequirement score =
                requirement(CapabilityNegotiator.negotiateNamed(forge, List.of("score-only")), "score");
        assertThat(candidate(score, "lab-cost"))
                .isEqualTo(new ProviderCandidateStatus(
                        "lab-cost",
                        "score",
                        true,
                        true,
                        false,
                        false,
                        Readiness.MISSING_CONFIG,
                        "provider 'lab-cost' reports configured() == False"));
        assertThat(score.recommendedAction()).isEqualTo(LEWM_ACTION);
        WorldForge configured = forge(Map.of("LAB_COST_TOKEN", "t0k"));
        configured.registerCost(cost("lab-cost", List.of("LAB_COST_TOKEN")));
        assertThat(requirement(CapabilityNegotiator.negotiateNamed(configured, List.of("score-only")), "score")
                        .readyProviders())
                .containsExactly("lab-cost");
    }

    @Test
    void unsupportedCandidatesAreClassifiedAsSuch() {
        ProviderCandidateStatus status = CapabilityNegotiator.classify(
                forge(), Environment.empty(), new CapabilityNegotiator.Candidate("mock", false, true), "policy");
        assertThat(status)
                .isEqualTo(new ProviderCandidateStatus(
                        "mock",
                        "policy",
                        true,
                        false,
                        false,
                        false,
                        Readiness.UNSUPPORTED,
                        "provider 'mock' does not advertise capability 'policy'"));
        assertThat(status.isReady()).isFalse();
        assertThat(status.reasonText()).contains("provider 'mock' does not advertise capability 'policy'");
    }

    @Test
    void readinessWireNames() {
        assertThat(Readiness.values())
                .extracting(Readiness::wireName)
                .containsExactly("ready", "missing-config", "missing-dependency", "unsupported", "not-registered");
    }

    // ---------------------------------------------------------------- rendering

    @Test
    void blockedReportMarkdownIsTheReferenceRendering() {
        String markdown = CapabilityNegotiator.negotiateNamed(forge(), List.of("policy-plus-score"))
                .toMarkdown();
        assertThat(markdown).isEqualTo("""
                        # Capability Negotiation Report

                        Workflows: 1 | Ready: 0

                        ## Policy + score workflow (`policy-plus-score`) — BLOCKED

                        Embodied workflows that propose actions with a policy provider and rank them with a score \
                        provider. Both capabilities must be satisfied — typically by different providers.

                        Required capabilities: policy, score
                        Summary: missing capability coverage: policy, score

                        ### Capability: `policy` (blocked)

                        | provider | registered | capability | configured | healthy | readiness | reason |
                        | --- | --- | --- | --- | --- | --- | --- |
                        | gr00t | no | yes | no | no | missing-config | provider profile 'gr00t' is not configured: \
                        missing GROOT_POLICY_HOST |
                        | lerobot | no | yes | no | no | missing-config | provider profile 'lerobot' is not configured: \
                        missing LEROBOT_POLICY_PATH or LEROBOT_POLICY |

                        Next step: Configure provider 'gr00t' to serve capability 'policy': provider profile 'gr00t' \
                        is not configured: missing GROOT_POLICY_HOST.

                        ### Capability: `score` (blocked)

                        | provider | registered | capability | configured | healthy | readiness | reason |
                        | --- | --- | --- | --- | --- | --- | --- |
                        | leworldmodel | no | yes | no | no | missing-config | provider profile 'leworldmodel' is not \
                        configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY |
                        | jepa | no | yes | no | no | not-registered | provider 'jepa' is known but not registered on \
                        this forge |

                        Next step: Configure provider 'leworldmodel' to serve capability 'score': provider profile \
                        'leworldmodel' is not configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY.

                        ### Recommended actions

                        - Configure provider 'gr00t' to serve capability 'policy': provider profile 'gr00t' is not \
                        configured: missing GROOT_POLICY_HOST.
                        - Configure provider 'leworldmodel' to serve capability 'score': provider profile \
                        'leworldmodel' is not configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY.
                        """);
    }

    @Test
    void readyReportMarkdownAndJsonAreTheReferenceRendering() {
        NegotiationReport report = CapabilityNegotiator.negotiateNamed(forge(), List.of("predict-only"));
        assertThat(report.toMarkdown()).isEqualTo("""
                        # Capability Negotiation Report

                        Workflows: 1 | Ready: 1

                        ## Predict-only workflow (`predict-only`) — READY

                        Workflows that only need a world-model predict provider.

                        Required capabilities: predict
                        Summary: ready with: mock

                        ### Capability: `predict` (ready)

                        | provider | registered | capability | configured | healthy | readiness | reason |
                        | --- | --- | --- | --- | --- | --- | --- |
                        | mock | yes | yes | yes | yes | ready | - |
                        """);
        assertThat(Json.writePretty(report.toJson(), false)).isEqualTo("""
                        {
                          "schema_version": 1,
                          "workflow_count": 1,
                          "ready_count": 1,
                          "workflows": [
                            {
                              "workflow": {
                                "name": "predict-only",
                                "title": "Predict-only workflow",
                                "description": "Workflows that only need a world-model predict provider.",
                                "required_capabilities": [
                                  "predict"
                                ],
                                "notes": "The mock provider always satisfies predict for checkout-safe runs."
                              },
                              "ready": true,
                              "summary": "ready with: mock",
                              "requirements": [
                                {
                                  "capability": "predict",
                                  "ready": true,
                                  "ready_providers": [
                                    "mock"
                                  ],
                                  "candidates": [
                                    {
                                      "name": "mock",
                                      "capability": "predict",
                                      "registered": true,
                                      "capability_compatible": true,
                                      "configured": true,
                                      "healthy": true,
                                      "readiness": "ready",
                                      "reason": null
                                    }
                                  ],
                                  "recommended_action": null
                                }
                              ],
                              "recommended_actions": []
                            }
                          ]
                        }""");
    }

    @Test
    void blockedJsonCarriesReasonsAndActions() {
        String json = Json.writePretty(
                CapabilityNegotiator.negotiateNamed(forge(), List.of("score-only"))
                        .toJson(),
                false);
        assertThat(json)
                .contains("""
                                  "recommended_action": "Configure provider 'leworldmodel' to serve capability 'score': \
                        provider profile 'leworldmodel' is not configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY."
                                }
                              ],
                              "recommended_actions": [
                                "Configure provider 'leworldmodel' to serve capability 'score': provider profile \
                        'leworldmodel' is not configured: missing LEWORLDMODEL_POLICY or LEWM_POLICY."
                              ]""")
                .contains("\"summary\": \"missing capability coverage: score\"")
                .contains("\"ready_providers\": []");
    }

    @Test
    void policyPlusScoreDescriptionIsAsciiEscapedInJson() {
        assertThat(Json.writePretty(Workflows.get("policy-plus-score").toJson(), false))
                .contains("must be satisfied \\u2014 typically");
    }
}
