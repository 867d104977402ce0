package ai.worldforge.evaluation;

import ai.worldforge.World;
import ai.worldforge.WorldForge;
import ai.worldforge.error.WorldForgeException;
import ai.worldforge.json.Json;
import ai.worldforge.json.JsonArray;
import ai.worldforge.json.JsonFloat;
import ai.worldforge.json.JsonInt;
import ai.worldforge.json.JsonObject;
import ai.worldforge.json.JsonString;
import ai.worldforge.json.JsonValue;
import ai.worldforge.model.Action;
import ai.worldforge.provider.ProviderProfile;
import ai.worldforge.trace.ProvenanceEnvelope;
import ai.worldforge.trace.RuntimeManifests;
import ai.worldforge.trace.WorkflowArtifactRef;
import ai.worldforge.trace.WorkflowStatus;
import ai.worldforge.trace.WorkflowTrace;
import ai.worldforge.trace.WorkflowTraceStep;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A named group of {@link EvaluationScenario}s run against providers. Use {@link
 * #fromBuiltin(String)} for the bundled suites ({@code generation, physics, planning, reasoning,
 * transfer}) or {@link #builder(String)} for a custom one. Suites are deterministic adapter
 * contract checks: a passing score says the provider returned well-formed payloads, not that it
 * has physical or media fidelity.
 */
public final class EvaluationSuite {
    /** The evaluation claim boundary. */
    public static final String CLAIM_BOUNDARY = "Built-in evaluation suites are deterministic adapter contract"
            + " checks. Scores are synthetic workflow signals, not claims of physical fidelity, media quality,"
            + " safety, or real robot performance.";

    /** The evaluation metric semantics. */
    public static final String METRIC_SEMANTICS = "Scenario scores and pass rates measure whether a provider"
            + " satisfied the suite's typed contract under preserved inputs.";

    /** The default suite version, {@code evaluation:1}. */
    public static final String DEFAULT_SUITE_VERSION =
            "evaluation:" + ProvenanceEnvelope.EVALUATION_SUITE_CONTRACT_VERSION;

    /** The built-in suite names, sorted. */
    public static final List<String> BUILTIN_NAMES =
            List.of("generation", "physics", "planning", "reasoning", "transfer");

    private final String name;
    private final String suiteId;
    private final String suiteVersion;
    private final List<EvaluationScenario> scenarios;
    private final String claimBoundary;
    private final String metricSemantics;
    private final Clock clock;
    private final @Nullable Consumer<World> seeder;

    private EvaluationSuite(Builder b) {
        this.name = EvaluationScenario.requiredText(b.name, "EvaluationSuite name");
        if (b.scenarios.isEmpty()) {
            throw new WorldForgeException("EvaluationSuite scenarios must contain at least one scenario.");
        }
        this.scenarios = List.copyOf(b.scenarios);
        this.suiteId = b.suiteId != null
                ? EvaluationScenario.requiredText(b.suiteId, "EvaluationSuite suite_id")
                : name.toLowerCase(Locale.ROOT).replace(" ", "-");
        this.suiteVersion = EvaluationScenario.requiredText(b.suiteVersion, "EvaluationSuite suite_version");
        this.claimBoundary = EvaluationScenario.requiredText(b.claimBoundary, "EvaluationSuite claim_boundary");
        this.metricSemantics = EvaluationScenario.requiredText(b.metricSemantics, "EvaluationSuite metric_semantics");
        this.clock = b.clock;
        this.seeder = b.seeder;
    }

    /** A builder for a custom suite named {@code name} (id defaults to the lower-cased, dashed name). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The built-in suite names: {@code generation, physics, planning, reasoning, transfer}. */
    public static List<String> builtinNames() {
        return BUILTIN_NAMES;
    }

    /** {@link #fromBuiltin(String, Clock)} stamping provenance with the system UTC clock. */
    public static EvaluationSuite fromBuiltin(String name) {
        return fromBuiltin(name, Clock.systemUTC());
    }

    /**
     * A built-in suite.
     *
     * @param name one of {@link #builtinNames()}
     * @param clock stamps the provenance {@code created_at}
     * @throws WorldForgeException {@code Unknown evaluation suite '{n}'. Known suites: generation,
     *     physics, planning, reasoning, transfer.}
     */
    public static EvaluationSuite fromBuiltin(String name, Clock clock) {
        Builder builder = BuiltinSuites.builder(name);
        if (builder == null) {
            throw new WorldForgeException(
                    "Unknown evaluation suite '" + name + "'. Known suites: " + String.join(", ", BUILTIN_NAMES) + ".");
        }
        return builder.clock(clock).build();
    }

    /** The suite name. */
    public String name() {
        return name;
    }

    /** The suite id. */
    public String suiteId() {
        return suiteId;
    }

    /** The suite version (default {@code evaluation:1}). */
    public String suiteVersion() {
        return suiteVersion;
    }

    /** The scenarios in order. */
    public List<EvaluationScenario> scenarios() {
        return scenarios;
    }

    /** The claim boundary attached to reports. */
    public String claimBoundary() {
        return claimBoundary;
    }

    /** The metric semantics attached to reports. */
    public String metricSemantics() {
        return metricSemantics;
    }

    /** The sorted union of every scenario's required capabilities. */
    public List<String> requiredCapabilities() {
        TreeSet<String> names = new TreeSet<>();
        scenarios.forEach(s -> names.addAll(s.requiredCapabilities()));
        return List.copyOf(names);
    }

    /**
     * Checks that {@code provider}'s profile supports every required capability.
     *
     * @throws WorldForgeException {@code Provider '{p}' cannot run evaluation suite '{id}':
     *     missing required capabilities: {list}.}
     */
    public void requireProviderCapabilities(String provider, WorldForge forge) {
        ProviderProfile profile = forge.providerProfile(provider);
        List<String> missing = new ArrayList<>();
        for (String capability : requiredCapabilities()) {
            if (!profile.capabilities().supports(capability)) {
                missing.add(capability);
            }
        }
        if (!missing.isEmpty()) {
            throw new WorldForgeException("Provider '" + provider + "' cannot run evaluation suite '" + suiteId
                    + "': missing required capabilities: " + String.join(", ", missing) + ".");
        }
    }

    /** A fresh unsaved world {@code {suite_id}-evaluation-world} on {@code provider}, seeded for the suite. */
    private World buildWorld(String provider, WorldForge forge) {
        World world = forge.createWorld(suiteId + "-evaluation-world", provider);
        if (seeder != null) {
            seeder.accept(world);
        }
        return world;
    }

    /** An independent copy (history included) so scenarios never see each other's changes. */
    private static World copyWorld(World world, WorldForge forge) {
        return forge.importWorld(Json.write(world.toJson()));
    }

    /**
     * Runs every scenario for {@code provider} on a fresh seeded world.
     *
     * @throws WorldForgeException on a missing capability (before anything runs)
     */
    public List<EvaluationResult> run(String provider, WorldForge forge) {
        requireProviderCapabilities(provider, forge);
        return runWithWorld(provider, buildWorld(provider, forge), forge);
    }

    /**
     * Runs every scenario for {@code provider}; each scenario gets its own copy of {@code world},
     * which is never changed.
     */
    public List<EvaluationResult> runWithWorld(String provider, World world, WorldForge forge) {
        requireProviderCapabilities(provider, forge);
        World base = copyWorld(world, forge);
        List<EvaluationResult> results = new ArrayList<>(scenarios.size());
        for (int index = 0; index < scenarios.size(); index++) {
            results.add(evaluateScenario(scenarios.get(index), provider, copyWorld(base, forge), forge, index));
        }
        return List.copyOf(results);
    }

    private EvaluationResult evaluateScenario(
            EvaluationScenario scenario, String provider, World world, WorldForge forge, int index) {
        ScenarioEvaluator evaluator = scenario.evaluator().orElse(null);
        if (evaluator != null) {
            @Nullable
            EvaluationScenarioOutcome outcome =
                    evaluator.evaluate(new EvaluationContext(suiteId, name, scenario, provider, world, forge, index));
            if (outcome == null) {
                throw new WorldForgeException("Custom evaluation scenarios must return EvaluationScenarioOutcome,"
                        + " EvaluationResult, or a JSON object with score, passed, and metrics.");
            }
            return new EvaluationResult(
                    suiteId, name, scenario.name(), provider, outcome.score(), outcome.passed(), outcome.metrics());
        }
        // The reference's default check: one move_to step scored by mean(physics, confidence).
        var prediction = world.predict(Action.moveTo(0.1 * (index + 1), 0.5, 0.0), 1, provider);
        double score = BuiltinSuites.clamp((prediction.physicsScore() + prediction.confidence()) / 2);
        JsonObject metrics = JsonObject.builder()
                .put("physics_score", JsonFloat.of(prediction.physicsScore()))
                .put("confidence", JsonFloat.of(prediction.confidence()))
                .build();
        return new EvaluationResult(suiteId, name, scenario.name(), provider, score, score >= 0.7, metrics);
    }

    /** {@link #runReport(List, World, WorldForge)} for one provider. */
    public EvaluationReport runReport(String provider, @Nullable World world, WorldForge forge) {
        return runReport(List.of(provider), world, forge);
    }

    /** {@link #runReport(List, World, WorldForge)} on freshly seeded worlds. */
    public EvaluationReport runReport(List<String> providers, WorldForge forge) {
        return runReport(providers, null, forge);
    }

    /**
     * Runs the suite for every provider (capabilities are all checked first) and attaches
     * provenance (kind {@code evaluation}, event count 0) and a workflow trace. One provider runs
     * inline; several run on up to 8 threads, results concatenated in provider order.
     *
     * @param providers provider names, at least one
     * @param world the base world to copy, or {@code null} for a fresh seeded world per provider
     * @param forge the forge
     * @throws WorldForgeException {@code run_report() requires at least one provider.} or a
     *     capability error
     */
    public EvaluationReport runReport(List<String> providers, @Nullable World world, WorldForge forge) {
        return runReport(providers, world, forge, List.of());
    }

    /**
     * {@link #runReport(List, World, WorldForge)} citing dataset manifests: each reference ({@code
     * id, name, sha256, license, entry_count, privacy, safety}, optional {@code path}) is hashed into
     * the input digest and recorded in the provenance.
     *
     * @param datasetManifests dataset manifest references, validated by {@link ProvenanceEnvelope}
     */
    public EvaluationReport runReport(
            List<String> providers, @Nullable World world, WorldForge forge, List<JsonObject> datasetManifests) {
        Objects.requireNonNull(forge, "forge");
        List<JsonObject> datasetRefs = List.copyOf(datasetManifests);
        List<String> names = List.copyOf(providers);
        if (names.isEmpty()) {
            throw new WorldForgeException("run_report() requires at least one provider.");
        }
        for (String provider : names) {
            // Fail fast on a capability gap before any provider runs.
            requireProviderCapabilities(provider, forge);
        }
        List<EvaluationResult> results = new ArrayList<>();
        if (names.size() == 1) {
            results.addAll(runOne(names.get(0), world, forge));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, names.size()));
            try {
                List<Future<List<EvaluationResult>>> futures = new ArrayList<>();
                for (String provider : names) {
                    futures.add(pool.submit(() -> runOne(provider, world, forge)));
                }
                for (Future<List<EvaluationResult>> future : futures) {
                    results.addAll(await(future));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return EvaluationReport.builder(suiteId, name, results)
                .provenance(buildProvenance(names, results, datasetRefs))
                .workflowTrace(buildWorkflowTrace(names, results))
                .claimBoundary(claimBoundary)
                .metricSemantics(metricSemantics)
                .build();
    }

    /** {@link #runReport(List, World, WorldForge)} rendered by {@link EvaluationReport#artifacts()}. */
    public Map<String, String> runReportArtifacts(List<String> providers, @Nullable World world, WorldForge forge) {
        return runReport(providers, world, forge).artifacts();
    }

    private List<EvaluationResult> runOne(String provider, @Nullable World world, WorldForge forge) {
        World base = world == null ? buildWorld(provider, forge) : copyWorld(world, forge);
        return runWithWorld(provider, base, forge);
    }

    private static List<EvaluationResult> await(Future<List<EvaluationResult>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorldForgeException("Evaluation was interrupted.", e);
        } catch (ExecutionException e) {
            // Surface the provider's own exception, as the reference's pool.map does.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new WorldForgeException(String.valueOf(e.getCause()), e);
        }
    }

    private ProvenanceEnvelope buildProvenance(
            List<String> providers, List<EvaluationResult> results, List<JsonObject> datasetRefs) {
        List<JsonValue> scenarioPayload = new ArrayList<>();
        scenarios.forEach(s -> scenarioPayload.add(s.toJson()));
        List<JsonValue> providerPayload = new ArrayList<>();
        providers.forEach(p -> providerPayload.add(JsonString.of(p)));
        JsonObject input = JsonObject.builder()
                .put("suite_id", suiteId)
                .put("suite", name)
                .put("scenarios", JsonArray.copyOf(scenarioPayload))
                .put("providers", JsonArray.copyOf(providerPayload))
                .put("dataset_manifests", JsonArray.copyOf(datasetRefs))
                .build();
        List<JsonValue> resultPayload = new ArrayList<>();
        results.forEach(r -> resultPayload.add(r.toJson()));
        return ProvenanceEnvelope.builder(ProvenanceEnvelope.KIND_EVALUATION, suiteId, suiteVersion, clock)
                .providers(providers)
                .capabilities(requiredCapabilities())
                .runtimeManifests(RuntimeManifests.collect(providers))
                .inputDigest(ProvenanceEnvelope.digestPayload(input))
                .resultDigest(ProvenanceEnvelope.digestPayload(JsonArray.copyOf(resultPayload)))
                .datasetManifests(datasetRefs)
                .eventCount(0)
                .claimBoundary(claimBoundary)
                .metricSemantics(metricSemantics)
                .build();
    }

    private WorkflowTrace buildWorkflowTrace(List<String> providers, List<EvaluationResult> results) {
        boolean allPassed = results.stream().allMatch(EvaluationResult::passed);
        WorkflowTrace.Builder trace = WorkflowTrace.builder(
                        "evaluation:" + suiteId, "Evaluation suite (" + suiteId + ")")
                .step(WorkflowTraceStep.builder("evaluation", "run evaluation suite")
                        .status(allPassed ? WorkflowStatus.SUCCESS : WorkflowStatus.FAILED)
                        .outputArtifacts(List.of(WorkflowArtifactRef.of("evaluation-report")))
                        .build());
        for (int i = 0; i < providers.size(); i++) {
            String provider = providers.get(i);
            String stepId = "provider-" + (i + 1);
            List<EvaluationResult> own =
                    results.stream().filter(r -> r.provider().equals(provider)).toList();
            boolean ok = !own.isEmpty() && own.stream().allMatch(EvaluationResult::passed);
            trace.step(WorkflowTraceStep.builder(stepId, "evaluate provider")
                    .parentId("evaluation")
                    .status(ok ? WorkflowStatus.SUCCESS : WorkflowStatus.FAILED)
                    .provider(provider)
                    .outputArtifacts(List.of(WorkflowArtifactRef.of(provider + "-results")))
                    .build());
            for (int j = 0; j < own.size(); j++) {
                EvaluationResult result = own.get(j);
                trace.step(WorkflowTraceStep.builder(stepId + "-scenario-" + (j + 1), result.scenario())
                        .parentId(stepId)
                        .status(result.passed() ? WorkflowStatus.SUCCESS : WorkflowStatus.FAILED)
                        .provider(provider)
                        .outputArtifacts(List.of(WorkflowArtifactRef.of("scenario-result")))
                        .build());
            }
        }
        return trace.metadata(JsonObject.builder()
                        .put("suite_id", suiteId)
                        .put("suite_version", suiteVersion)
                        .put("provider_count", JsonInt.of(providers.size()))
                        .put("scenario_count", JsonInt.of(scenarios.size()))
                        .build())
                .build();
    }

    @Override
    public String toString() {
        return "EvaluationSuite[" + suiteId + ", " + scenarios.size() + " scenarios]";
    }

    /** Builder for {@link EvaluationSuite}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<EvaluationScenario> scenarios = new ArrayList<>();
        private @Nullable String suiteId;
        private String suiteVersion = DEFAULT_SUITE_VERSION;
        private String claimBoundary = CLAIM_BOUNDARY;
        private String metricSemantics = METRIC_SEMANTICS;
        private Clock clock = Clock.systemUTC();
        private @Nullable Consumer<World> seeder;

        private Builder(String name) {
            this.name = name;
        }

        /** Appends a scenario. */
        public Builder scenario(EvaluationScenario value) {
            scenarios.add(Objects.requireNonNull(value, "scenario"));
            return this;
        }

        /** Appends scenarios. */
        public Builder scenarios(List<EvaluationScenario> values) {
            values.forEach(this::scenario);
            return this;
        }

        /** The suite id (default: the lower-cased name with spaces as dashes). */
        public Builder suiteId(String value) {
            this.suiteId = Objects.requireNonNull(value, "suiteId");
            return this;
        }

        /** The suite version (default {@code evaluation:1}). */
        public Builder suiteVersion(String value) {
            this.suiteVersion = Objects.requireNonNull(value, "suiteVersion");
            return this;
        }

        /** The claim boundary (default {@link #CLAIM_BOUNDARY}). */
        public Builder claimBoundary(String value) {
            this.claimBoundary = Objects.requireNonNull(value, "claimBoundary");
            return this;
        }

        /** The metric semantics (default {@link #METRIC_SEMANTICS}). */
        public Builder metricSemantics(String value) {
            this.metricSemantics = Objects.requireNonNull(value, "metricSemantics");
            return this;
        }

        /** The clock that stamps provenance {@code created_at} (default system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Prepares each freshly built suite world (not applied to a caller-supplied world). */
        public Builder worldSeeder(Consumer<World> value) {
            this.seeder = Objects.requireNonNull(value, "seeder");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws WorldForgeException {@code EvaluationSuite scenarios must contain at least one scenario.}
         */
        public EvaluationSuite build() {
            return new EvaluationSuite(this);
        }
    }
}
